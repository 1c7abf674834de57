import type { BodyTree } from '../core/body.js';
import { salutationOf } from '../core/proposers.js';
import { CONTACT_KEYS, type ReplyFields } from '../core/reply.js';
import {
  BLOCK_WIDTH_PT,
  BODY_WRAP,
  LINES_PER_PAGE,
  breakLines,
  ccLines,
  contactLines,
  emWidth,
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
  const contact = contactLines(reply);
  return {
    pages,
    context: {
      pageCount: pages.pages,
      imprintAlone: pages.imprintAlone,
      /** Empty lines between the text and the 版记 on the last page. */
      imprintSpace: pages.imprintAlone ? LINES_PER_PAGE - pages.imprintLines : LINES_PER_PAGE - pages.lastPageLines - pages.imprintLines,
      headerSize: reply.header ? Math.min(28, Math.floor((BLOCK_WIDTH_PT / emWidth(reply.header)) * 2) / 2) : 0,
      salutationLines: breakLines(salutationOf(reply), { ...BODY_WRAP, first: BLOCK_WIDTH_PT }),
      contactLines: reply.contact
        ? CONTACT_KEYS
            .filter((key) => reply.contact[key])
            .map((key, i) => ({ label: reply.contactLabels[key], value: reply.contact[key]!, lines: breakLines(contact[i]!, BODY_WRAP) }))
        : [],
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
