import { propertiesText, recordProperties } from '../core/properties.js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  FrameAnchorType,
  Header,
  HorizontalPositionAlign,
  HorizontalPositionRelativeFrom,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  TabStopType,
  TextRun,
  TextWrappingType,
  VerticalPositionAlign,
  VerticalPositionRelativeFrom,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';
import { ShapeRun } from 'docx/shapes';
import { TextWatermark } from 'docx/watermarks';
import { parseBody, type Block, type Inline } from '../core/body.js';
import type { DocStyle } from '../core/style.js';
import { DEFAULT_FONTS, type Fonts } from '../core/config.js';
import { chineseDate } from '../core/dates.js';
import { ReplyError } from '../core/errors.js';
import { replyTitle, salutationOf } from '../core/proposers.js';
import { PRINT_MARK_TEXT, type PrintMark, type ReplyFields } from '../core/reply.js';
import { printingOf } from '../core/reply-parts.js';
import type { Printable, RenderOptions } from './text.js';
import { BASELINE, doubleRuleLines, EM_ABOVE, PT_PER_MM, type Head, type Letterhead } from './head.js';
import { BLOCK_WIDTH_PT, ccLines, contactLines, emWidth, issuedLine, layoutPages, titleLines } from './layout.js';
import { styleFor } from './style.js';
import { loadDocxStyles } from './templates.js';

export { emWidth };

/**
 * The signed document as a Word file, laid out by GB/T 9704-2012. All sizes
 * are in twips (1/20 pt) unless named otherwise; font sizes in half-points.
 * Fonts, sizes, colours and the line pitch come from the styles
 * (templates/docx/styles.xml, which a workspace may replace); the page, the
 * red rule, the signature's place and the 版记's frame are set here.
 */
const MM = 1440 / 25.4;
export const PAGE = {
  width: 11906, // A4 210 mm
  height: 16838, // 297 mm
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
} as const;
/** The text block: 156 × 225 mm. */
export const BLOCK_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const BLOCK_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;
/** Exact line pitch: 22 lines fill the 225 mm block (29 pt would give 21). */
export const LINE = 578;
/** Condensed character spacing: 28 characters of 3号 (16 pt) fit the 156 mm line. */
export const CONDENSE = -5;

/** One character of 3号 text, condensed, and of 4号 text. */
const CHAR = 320 + CONDENSE;
const CHAR_4 = 280;
const RED = 'FF0000';
/** The 版记's rules: thick 1 pt outside, thin 0.75 pt between, 1 pt from the text; each adds its width and space. */
const THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 } as const;
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;
const ruleHeight = (rule: { size: number; space: number }) => (rule.size / 8) * 20 + rule.space * 20;

/** The paragraph and character styles of templates/docx/styles.xml. */
export const STYLE = {
  header: 'ReplyHeader',
  docNumber: 'ReplyDocNumber',
  title: 'ReplyTitle',
  salutation: 'ReplySalutation',
  body: 'ReplyBody',
  heading: ['ReplyHeading1', 'ReplyHeading2', 'ReplyHeading3', 'ReplyHeading4'],
  signature: 'ReplySignature',
  contact: 'ReplyContact',
  footnote: 'ReplyFootnote',
  imprint: 'ReplyImprint',
  pageNumber: 'ReplyPageNumber',
} as const;

/** The Word file takes what every layout does; the workspace's `templates/docx/styles.xml` replaces the built-in styles. */
export type DocxOptions = RenderOptions;

export async function renderDocx(reply: Printable, options: DocxOptions = {}): Promise<Uint8Array> {
  return Packer.toBuffer(docxDocument(reply, options));
}

/** The document, before it is packed: one reply, one section (two when the 版记 takes a page of its own). */
export function docxDocument(reply: Printable, options: DocxOptions = {}): Document {
  const fonts: Fonts = { ...DEFAULT_FONTS, ...options.fonts };
  const printing = printingOf(reply.status, options);
  const tree = parseBody(reply.body);
  const notes = new Map<number, Paragraph[]>(
    tree.footnotes.map((f) => [f.number, [new Paragraph({ style: STYLE.footnote, children: inlines(f.inlines) })]]),
  );
  const title = replyTitle(reply.kind, reply.session, reply.proposalNo);

  const style = styleFor(reply, options);
  const layout = layoutPages(reply, tree, style, printing);
  const letterhead = layout.head.letterhead;
  const children: Paragraph[] = headParagraphs(layout.head, letterhead ? letterheadRuns(letterhead) : []);
  const blank = () => children.push(new Paragraph({}));
  // A title longer than a line breaks where its meaning allows (titleLines), not where the line fills.
  children.push(
    new Paragraph({
      style: STYLE.title,
      children: titleLines(title).map((line, i) => new TextRun({ text: line, ...(i ? { break: 1 } : {}) })),
    }),
  );
  blank();
  children.push(new Paragraph({ style: STYLE.salutation, children: [new TextRun(salutationOf(reply))] }));
  for (const block of tree.blocks) children.push(bodyParagraph(block));
  blank();
  children.push(...signature(reply, options.stamped ?? false));
  if (reply.annotation) children.push(new Paragraph({ style: STYLE.contact, children: [new TextRun(`（${reply.annotation}）`)] }));
  const contact = contactLines(reply);
  if (contact.length) {
    blank();
    for (const line of contact) children.push(new Paragraph({ style: STYLE.contact, children: [new TextRun(line)] }));
  }

  // GB/T 9704: the 版记 sits at the bottom of the last page; a page that holds only the 版记 carries no page number.
  const page = {
    size: { width: PAGE.width, height: PAGE.height },
    margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: Math.round(15 * MM), footer: Math.round(23 * MM) },
  };
  const none = () => new Footer({ children: [] });
  const numbered = { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) };
  // A letter's first page has its letterhead in its own header and no page number (10.1).
  const footers = letterhead ? { ...numbered, first: none() } : numbered;
  // The mark stands on every page, odd and even, the 版记's own page too.
  const markParagraphs = () => (printing.mark ? [markParagraph(printing.mark, fonts)] : []);
  const headers = (first: boolean) => {
    if (!printing.mark && !(first && letterhead)) return {};
    const plain = () => new Header({ children: markParagraphs().length ? markParagraphs() : [new Paragraph({})] });
    return {
      headers: {
        default: plain(),
        even: plain(),
        ...(first && letterhead ? { first: plain() } : {}),
      },
    };
  };
  const firstPage = letterhead ? { titlePage: true } : {};
  const sections: ISectionOptions[] = layout.imprintAlone
    ? [
        { properties: { page, ...firstPage }, ...headers(true), footers, children },
        {
          properties: { page, type: SectionType.NEXT_PAGE },
          ...headers(false),
          footers: { default: none(), even: none() },
          children: imprint(reply, style),
        },
      ]
    : [{ properties: { page, ...firstPage }, ...headers(true), footers, children: [...children, ...imprint(reply, style)] }];

  const styles = loadDocxStyles(options.workspaceTemplates);
  const externalStyles = stylesXml(styles.file, styles.render({ fonts }));
  try {
    return new Document({
      creator: reply.organ ?? undefined,
      title,
      // The record's properties, where LibreOffice carries them on into the PDF's own keywords too.
      keywords: propertiesText(reply),
      // The whole record, so that importing or checking this file gives it back (src/core/properties.ts).
      customProperties: recordProperties(reply, printing.mark !== 'draft'),
      evenAndOddHeaderAndFooters: true,
      externalStyles,
      footnotes: Object.fromEntries([...notes].map(([n, paragraphs]) => [String(n), { children: paragraphs }])),
      sections,
    });
  } catch (error) {
    // The docx package reads styles.xml here: a malformed file is the template's fault, named in one line.
    throw new ReplyError('template.failed', { file: styles.file, detail: (error as Error).message.split('\n')[0]! });
  }
}

/**
 * 草稿 or 作废 across the page, as Word's own watermark (Design > Watermark, which can take it off
 * again): light grey, half transparent, diagonal, in 黑体, behind the text.
 */
function markParagraph(mark: PrintMark, fonts: Fonts): Paragraph {
  return new Paragraph({ children: [new TextWatermark({ text: PRINT_MARK_TEXT[mark], font: fonts.heiti, color: 'D9D9D9', opacity: 0.5 })] });
}

const twipsOf = (pt: number) => Math.round(pt * 20);
/** Drawings are placed in EMUs and sized in pixels of 0.75 pt. */
const EMU_PER_PT = 12700;
const PT_PER_PX = 0.75;
const PAGE_LEFT_PT = 28 * PT_PER_MM;

/**
 * The 版头's bands (head.ts), each a paragraph of its exact height. A rule under a band is the
 * paragraph's bottom border: Word and LibreOffice draw it `space` points under the line and add its
 * space and width to the paragraph, which the next band gives back.
 */
function headParagraphs(head: Head, drawn: readonly ShapeRun[]): Paragraph[] {
  let carry = 0;
  return head.bands.map((band, index) => {
    const height = twipsOf(band.height) - carry;
    carry = 0;
    // The letterhead's drawings are anchored in the first band: they float on the first page.
    const runs: (TextRun | ShapeRun)[] = index === 0 ? [...drawn] : [];
    const tabs: { type: typeof TabStopType.RIGHT; position: number }[] = [];
    if (band.left) runs.push(new TextRun({ text: band.left, style: STYLE.heading[0] }));
    if (band.right) {
      tabs.push({ type: TabStopType.RIGHT, position: BLOCK_WIDTH });
      runs.push(new TextRun(`\t${band.right}`));
    }
    if (band.centre) runs.push(new TextRun({ text: band.centre, ...(band.size ? { size: Math.round(band.size * 2) } : {}) }));
    const style = band.part === 'mark' ? STYLE.header : band.part === 'docNumber' ? STYLE.docNumber : undefined;
    let border: IParagraphOptions['border'];
    if (band.rule) {
      const space = Math.max(0, Math.round(band.rule.at - band.height - band.rule.thickness / 2));
      border = { bottom: { style: BorderStyle.SINGLE, size: Math.round(band.rule.thickness * 8), color: RED, space } };
      carry = twipsOf(space + band.rule.thickness);
    }
    return new Paragraph({
      ...(style ? { style } : {}),
      // The doc number of a letter stands flush right, the marks flush left: the line is not centred.
      ...(band.left || band.right ? { alignment: AlignmentType.LEFT } : {}),
      spacing: exact(height),
      ...(tabs.length ? { tabStops: tabs } : {}),
      ...(border ? { border } : {}),
      children: runs,
    });
  });
}

/**
 * A letter's letterhead, drawn on the first page where the standard puts it: the organ's name in a text
 * box whose em top is 30 mm down the paper, a red thick–thin double rule 4 mm under it and a thin–thick
 * one 20 mm above the paper's bottom edge, each rule two line shapes 170 mm long centred on the text
 * block. They float in front of the text (wrapNone) and move nothing in it, in Word as in LibreOffice;
 * LibreOffice draws no compound line, so the double rule is two lines.
 */
function letterheadRuns(letterhead: Letterhead): ShapeRun[] {
  const place = (x: number, y: number) => ({
    horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, offset: Math.round(x * EMU_PER_PT) },
    verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: Math.round(y * EMU_PER_PT) },
    wrap: { type: TextWrappingType.NONE },
    allowOverlap: true,
  });
  const rules = [letterhead.upperRule, letterhead.lowerRule].flatMap((rule) => {
    const left = PAGE_LEFT_PT + (BLOCK_WIDTH_PT - rule.length) / 2;
    return doubleRuleLines(rule).map(
      (line) =>
        new ShapeRun({
          type: 'line',
          transformation: { width: rule.length / PT_PER_PX, height: 0 },
          line: { color: RED, width: line.width },
          floating: place(left, line.at),
        }),
    );
  });
  if (!letterhead.mark) return rules;
  const size = letterhead.markSize;
  // The mark's line is 1.2 of its size, the em box whole in it; the baseline 4/5 down puts the em top 0.08 em under the box's top.
  const line = 1.2 * size;
  const mark = new ShapeRun({
    type: 'rectangle',
    transformation: { width: BLOCK_WIDTH_PT / PT_PER_PX, height: line / PT_PER_PX },
    line: 'none',
    textOptions: { verticalAlignment: 'top', margins: { top: 0, right: 0, bottom: 0, left: 0 }, wrap: false },
    children: [
      new Paragraph({
        style: STYLE.header,
        spacing: exact(twipsOf(line)),
        children: [new TextRun({ text: letterhead.mark, size: Math.round(size * 2) })],
      }),
    ],
    floating: place(PAGE_LEFT_PT, letterhead.markTop - (BASELINE * line - EM_ABOVE * size)),
  });
  return [mark, ...rules];
}

/** styles.xml as the docx package takes it: comments go (it keeps only elements), and it must be one. */
function stylesXml(file: string, rendered: string): string {
  const xml = rendered.replace(/<!--[\s\S]*?-->/g, '');
  if (!/<w:styles[\s>]/.test(xml) || !/<\/w:styles>\s*$/.test(xml)) {
    throw new ReplyError('template.failed', { file, detail: 'no <w:styles> element' });
  }
  return xml;
}

function exact(line: number) {
  return { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

function bodyParagraph(block: Block): Paragraph {
  if (block.type === 'paragraph') return new Paragraph({ style: STYLE.body, children: inlines(block.inlines) });
  const style = STYLE.heading[block.marker.level - 1];
  return new Paragraph({
    style: STYLE.body,
    children: [new TextRun({ text: block.marker.raw, style }), ...inlines(block.title, style), ...inlines(block.rest)],
  });
}

/** Runs of the body tree: text in the paragraph's style, bold kept, footnote references as Word's. */
function inlines(runs: readonly Inline[], style?: string): (TextRun | FootnoteReferenceRun)[] {
  return runs.map((i) =>
    i.type === 'footnoteRef'
      ? new FootnoteReferenceRun(i.number)
      : new TextRun({ text: i.text, ...(style ? { style } : {}), ...(i.type === 'bold' ? { bold: true } : {}) }),
  );
}

/**
 * 署名 and 成文日期. Unstamped: the signature right-indented 2 characters, the
 * date on the next line starting 2 characters right of the signature's start
 * (the date right-indented 2 when it is the longer). Stamped: the date
 * right-indented 4 characters, the signature centred over it.
 */
function signature(reply: ReplyFields, stamped: boolean): Paragraph[] {
  const organ = reply.organ;
  const line = (text: string, options: Pick<IParagraphOptions, 'alignment' | 'indent'>) =>
    new Paragraph({ style: STYLE.signature, ...options, children: [new TextRun(text)] });
  // A part not known prints no line (as layoutPages counts): the other keeps 2 (stamped: 4) characters on the right.
  if (!reply.signedOn || !organ) {
    const only = organ || (reply.signedOn ? chineseDate(reply.signedOn) : '');
    return only ? [line(only, { alignment: AlignmentType.RIGHT, indent: { right: (stamped ? 4 : 2) * CHAR } })] : [];
  }
  const date = chineseDate(reply.signedOn);
  const organWidth = twips(organ);
  const dateWidth = twips(date);
  if (stamped) {
    const dateRight = 4 * CHAR;
    const centre = BLOCK_WIDTH - dateRight - dateWidth / 2;
    const organRight = Math.max(0, Math.round(BLOCK_WIDTH - centre - organWidth / 2));
    return [
      line(organ, { alignment: AlignmentType.RIGHT, indent: { right: organRight } }),
      line(date, { alignment: AlignmentType.RIGHT, indent: { right: dateRight } }),
    ];
  }
  const organStart = BLOCK_WIDTH - 2 * CHAR - organWidth;
  const dateStart = organStart + 2 * CHAR;
  if (dateStart + dateWidth <= BLOCK_WIDTH - 2 * CHAR) {
    return [
      line(organ, { alignment: AlignmentType.RIGHT, indent: { right: 2 * CHAR } }),
      line(date, { indent: { left: Math.round(dateStart) } }),
    ];
  }
  // The date is the longer: it keeps its 2 characters on the right, the signature moves left of it by 2.
  return [
    line(organ, { indent: { left: Math.max(0, Math.round(BLOCK_WIDTH - 2 * CHAR - dateWidth - 2 * CHAR)) } }),
    line(date, { alignment: AlignmentType.RIGHT, indent: { right: 2 * CHAR } }),
  ];
}

/**
 * 版记: 抄送 and the 印发 line between full-width rules (thick outside, thin
 * between), in a frame held at the bottom of the text block of the last page.
 *
 * LibreOffice turns framed paragraphs into one frame only when their borders
 * are the same (it moves them onto the frame), and only the last of two
 * frames that follow each other directly: so 抄送 and the 印发 line share the
 * frame and its thick rules, the thin rule between them is a frame of its own
 * placed where they meet, and an empty line of 1 twip separates the frames.
 * The 印发 line's pitch gives back the rules' width and their 1 pt spacing
 * (and 2 pt LibreOffice adds), so the 版记 is no higher than its lines of the
 * grid; the 22 lines leave 40 twips of the 225 mm block free above it, where
 * that empty line goes.
 */
function imprint(reply: ReplyFields, style: DocStyle): Paragraph[] {
  const frame = {
    type: 'alignment' as const,
    alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
    anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
    width: BLOCK_WIDTH,
  };
  const label = '抄送：';
  const ccIndent = { left: CHAR_4 + label.length * CHAR_4, hanging: label.length * CHAR_4, right: CHAR_4 };
  if (style === '信函') {
    // A letter's 版记 is its 抄送 alone, with no rules and no 印发 line (10.1); its lines give back the 2 pt LibreOffice adds to a frame.
    if (!reply.cc.length) return [];
    const lines = ccLines(reply).length;
    return [
      new Paragraph({
        style: STYLE.imprint,
        frame,
        spacing: exact(LINE - Math.ceil(40 / lines)),
        indent: ccIndent,
        children: [new TextRun(`${label}${reply.cc.join('，')}。`)],
      }),
    ];
  }
  const border = { top: THICK, bottom: THICK };
  // LibreOffice makes the frame 2 pt higher than its lines and rules: the 印发 line gives that back too.
  const issuedPitch = LINE - 2 * ruleHeight(THICK) - 40;
  const issued = issuedLine(reply);
  const last = new Paragraph({
    style: STYLE.imprint,
    frame,
    border,
    spacing: exact(issuedPitch),
    indent: { left: CHAR_4, right: CHAR_4 },
    tabStops: [{ type: TabStopType.RIGHT, position: BLOCK_WIDTH - CHAR_4 }],
    children: [new TextRun(issued.organ), new TextRun(`\t${issued.date}`)],
  });
  if (!reply.cc.length) return [last];
  // Where 抄送 meets the 印发 line, from the top of the text block.
  const meet = BLOCK_HEIGHT - ruleHeight(THICK) - issuedPitch;
  return [
    new Paragraph({
      frame: {
        type: 'absolute',
        position: { x: 0, y: Math.round(meet - (THIN.size / 8) * 10) },
        anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
        width: BLOCK_WIDTH,
      },
      border: { top: { ...THIN, space: 0 } },
      spacing: exact(1),
    }),
    new Paragraph({ spacing: exact(1) }),
    new Paragraph({
      style: STYLE.imprint,
      frame,
      border,
      indent: ccIndent,
      children: [new TextRun(`${label}${reply.cc.join('，')}。`)],
    }),
    last,
  ];
}

/** — 1 —, 4号 宋体, odd pages on the right and even pages on the left, 1 character in. */
function pageNumber(alignment: (typeof AlignmentType)['LEFT' | 'RIGHT']): Footer {
  const indent = alignment === AlignmentType.RIGHT ? { right: CHAR_4 } : { left: CHAR_4 };
  return new Footer({
    children: [new Paragraph({ style: STYLE.pageNumber, alignment, indent, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })],
  });
}

function twips(text: string): number {
  return emWidth(text) * CHAR;
}
