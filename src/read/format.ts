import type { MessageKey } from '../messages/zh-CN.js';
import type { SourceLine } from '../core/reader/lines.js';

/**
 * What a format's reader makes of a file's bytes: its text as read and, where
 * the format knows more than the order of the lines (a page centres a title,
 * right-aligns a signature), the lines with that. A reader refuses with a
 * message key; it never throws for a bad file.
 */
export type FormatRead =
  | {
      readonly ok: true;
      readonly text: string;
      readonly lines?: readonly SourceLine[];
      readonly encoding: string;
      /** A document's own properties, name → value (a DOCX's custom properties): where reply wrote the record. */
      readonly properties?: Readonly<Record<string, string>>;
      /** Read by OCR: a reading to be reviewed, not the text as written. */
      readonly ocr?: true;
    }
  | {
      readonly ok: false;
      readonly reason: MessageKey;
      /** What the reason names: where in the file it went wrong. */
      readonly params?: Readonly<Record<string, string | number>>;
      /** LibreOffice may read what this reader cannot (an .rtf, a .wps of WPS's own, an old Word file): the reason stands if it cannot either. */
      readonly convert?: true;
    };

export interface FormatReader {
  /** The name the archive records (txt, md, docx, html). */
  readonly format: string;
  /** Lower-case, with the dot. */
  readonly extensions: readonly string[];
  read(bytes: Buffer): Promise<FormatRead>;
}
