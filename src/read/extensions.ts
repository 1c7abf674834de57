/**
 * The extensions each format's reader reads, by the format the archive
 * records. A module of its own, without the readers: help and messages name
 * the formats on every start of the program, and the readers (pdf-text.ts
 * alone is some 50 KB) are loaded only by the commands that read files.
 */
export const EXTENSIONS = {
  txt: ['.txt'],
  md: ['.md'],
  docx: ['.docx'],
  doc: ['.doc'],
  wps: ['.wps'],
  rtf: ['.rtf'],
  html: ['.html', '.htm'],
  mht: ['.mht', '.mhtml'],
  odt: ['.odt'],
  ofd: ['.ofd'],
  pdf: ['.pdf'],
  image: ['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp'],
} as const satisfies Record<string, readonly string[]>;

/** The extensions read, in the order of the table: for help and for the message of a file that is not one of them. */
export const READABLE_EXTENSIONS: readonly string[] = Object.values(EXTENSIONS).flat();
