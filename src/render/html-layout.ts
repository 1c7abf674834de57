import type { BodyTree } from '../core/body.js';
import { replyParts } from '../core/reply-parts.js';
import type { ReplyFields } from '../core/reply.js';
import {
  BODY_WRAP,
  LINES_PER_PAGE,
  breakLines,
  ccLines,
  headerSize,
  layoutPages,
  type PageLayout,
} from './layout.js';

/**
 * What the HTML template needs of the page layout, beside the record: the
 * lines the DOCX breaks the salutation, the contact block and 抄送 into; the
 * header's size; how many pages the reply prints on; and where the 版记 goes
 * (the lines left free above it on the last page, or a page of its own).
 */
export function htmlLayout(reply: ReplyFields, tree: BodyTree): { pages: PageLayout; context: HtmlLayoutContext } {
  const pages = layoutPages(reply, tree);
  const parts = replyParts(reply);
  return {
    pages,
    context: {
      pageCount: pages.pages,
      imprintAlone: pages.imprintAlone,
      /** Empty lines between the text and the 版记 on the last page. */
      imprintSpace: pages.imprintAlone ? LINES_PER_PAGE - pages.imprintLines : LINES_PER_PAGE - pages.lastPageLines - pages.imprintLines,
      headerSize: reply.header ? headerSize(reply.header) : 0,
      // The very lines the page layout set.
      salutationLines: pages.lines.filter((l) => l.part === 'salutation').map((l) => l.text),
      contactLines: parts.contact.map(({ label, value, line }) => ({ label, value, lines: breakLines(line, BODY_WRAP) })),
      ccLines: ccLines(reply),
    },
  };
}

export interface HtmlLayoutContext {
  readonly pageCount: number;
  readonly imprintAlone: boolean;
  readonly imprintSpace: number;
  readonly headerSize: number;
  readonly salutationLines: readonly string[];
  readonly contactLines: readonly { label: string; value: string; lines: readonly string[] }[];
  readonly ccLines: readonly string[];
}
