import type { BodyTree } from '../core/body.js';
import { replyParts, type Printing } from '../core/reply-parts.js';
import type { ReplyFields } from '../core/reply.js';
import type { DocStyle } from '../core/style.js';
import { BLOCK_HEIGHT, BLOCK_TOP, EM_ABOVE, type Band, type Head } from './head.js';
import { annotationLines, BODY_WRAP, LINES_PER_PAGE, breakLines, ccLines, layoutPages, type PageLayout } from './layout.js';

/**
 * What the HTML template needs of the page layout, beside the record: the
 * 版头's bands and a letter's letterhead (head.ts); the lines the DOCX breaks
 * the salutation, the contact block and 抄送 into; how many pages the reply
 * prints on; and where the 版记 goes (the lines left free above it on the
 * last page, or a page of its own).
 */
export function htmlLayout(reply: ReplyFields, tree: BodyTree, style: DocStyle, printing?: Printing): { pages: PageLayout; context: HtmlLayoutContext } {
  const pages = layoutPages(reply, tree, style, printing);
  const parts = replyParts(reply);
  return {
    pages,
    context: {
      style,
      pageCount: pages.pages,
      imprintAlone: pages.imprintAlone,
      hasImprint: pages.imprintLines > 0,
      issuedLine: style === '文件',
      /** Empty lines between the text and the 版记 on the last page (a fraction on the first). */
      imprintSpace: Math.round((LINES_PER_PAGE - pages.imprintLines - (pages.imprintAlone ? 0 : pages.lastPageLines)) * 1e4) / 1e4,
      headBands: pages.head.bands.map(bandContext),
      letterhead: letterheadContext(pages.head),
      // The very lines the page layout set.
      salutationLines: pages.lines.filter((l) => l.part === 'salutation').map((l) => l.text),
      contactLines: parts.contact.map(({ label, value, line }) => ({ label, value, lines: breakLines(line, BODY_WRAP) })),
      ccLines: ccLines(reply),
      annotationLines: annotationLines(reply),
      annotationBreak: startsPage(pages, 'annotation'),
      signatureBreak: breakBefore(pages, 'signature'),
      contactBreak: breakBefore(pages, 'contact'),
    },
  };
}

/** Whether a part's first line begins a page: the line before it stands on the page before. */
function startsPage(pages: PageLayout, part: 'annotation'): boolean {
  const at = pages.lines.findIndex((l) => l.part === part);
  return at > 0 && pages.lines[at - 1]!.page !== pages.lines[at]!.page;
}

/**
 * Whether a part after a blank line (the signature, the contact block) begins a page, as the browser
 * must be told to break where the Word file does: 'page' when the blank ends the page before, so the
 * part stands at the top without it; 'blank' when the blank begins the new page; '' when no page
 * begins there.
 */
function breakBefore(pages: PageLayout, part: 'signature' | 'contact'): '' | 'page' | 'blank' {
  const at = pages.lines.findIndex((l) => l.part === part);
  if (at < 2) return '';
  const [before, blank, first] = [pages.lines[at - 2]!, pages.lines[at - 1]!, pages.lines[at]!];
  if (blank.part !== 'blank' || before.page === first.page) return '';
  return blank.page === first.page ? 'blank' : 'page';
}

/** Points to two decimals, as the style attributes print them. */
const pt = (n: number) => Math.round(n * 100) / 100;

function bandContext(band: Band) {
  return {
    part: band.part,
    height: pt(band.height),
    ...(band.left ? { left: band.left } : {}),
    ...(band.centre ? { centre: band.centre } : {}),
    ...(band.right ? { right: band.right } : {}),
    ...(band.size ? { size: band.size } : {}),
    ...(band.rule ? { rule: { top: pt(band.rule.at - band.rule.thickness / 2), thickness: band.rule.thickness } } : {}),
  };
}

/**
 * A letter's letterhead in the HTML: the first page's box begins 30 mm down the paper (its @page :first),
 * so the organ's name stands at its top and the box is 7 mm higher than the text block's; the lower
 * double rule is drawn in the page's bottom margin.
 */
function letterheadContext(head: Head) {
  const letterhead = head.letterhead;
  if (!letterhead) return null;
  const top = letterhead.markTop;
  const size = letterhead.markSize;
  // A browser sets a line's baseline about 0.6 of the line plus 0.43 em down (the fonts' ascent and descent); the em top then stands 0.15 em under the line's top.
  const line = 1.2 * size;
  return {
    mark: letterhead.mark,
    size,
    line: pt(line),
    markTop: pt(-(0.6 * line + 0.43 * size - EM_ABOVE * size)),
    /** The flow above the text block: from 30 mm to 37 mm. */
    height: pt(BLOCK_TOP - top),
    upperRule: pt(letterhead.upperRule.at - letterhead.upperRule.thickness / 2 - top),
    thickness: letterhead.upperRule.thickness,
    /** The lower rule down from the top of the page's bottom margin (262 mm). */
    lowerRule: pt(letterhead.lowerRule.at - letterhead.lowerRule.thickness / 2 - (BLOCK_TOP + BLOCK_HEIGHT)),
  };
}

export interface HtmlLayoutContext {
  readonly style: DocStyle;
  readonly pageCount: number;
  readonly imprintAlone: boolean;
  readonly hasImprint: boolean;
  readonly issuedLine: boolean;
  readonly imprintSpace: number;
  readonly headBands: readonly ReturnType<typeof bandContext>[];
  readonly letterhead: ReturnType<typeof letterheadContext>;
  readonly salutationLines: readonly string[];
  readonly contactLines: readonly { label: string; value: string; lines: readonly string[] }[];
  readonly ccLines: readonly string[];
  readonly annotationLines: readonly string[];
  /** The 附注 begins a page (the date ends the one before). */
  readonly annotationBreak: boolean;
  readonly signatureBreak: '' | 'page' | 'blank';
  readonly contactBreak: '' | 'page' | 'blank';
}
