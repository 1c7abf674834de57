import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  FrameAnchorType,
  HorizontalPositionAlign,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  VerticalPositionAlign,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { parseBody, type Block, type Inline } from '../core/body.js';
import { chineseDate } from '../core/dates.js';
import { DEFAULT_FONTS, type Fonts } from '../core/config.js';
import { issueDate, type ReplyFields } from '../core/reply.js';
import { replyTitle, salutationOf } from '../core/proposers.js';

/**
 * The signed document as a Word file, laid out by GB/T 9704-2012. All sizes
 * are in twips (1/20 pt) unless named otherwise; font sizes in half-points.
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
/** Exact line pitch: 22 lines fill the 225 mm block (29 pt would give 21). */
export const LINE = 578;
/** Condensed character spacing: 28 characters of 3号 (16 pt) fit the 156 mm line. */
export const CONDENSE = -5;

const SIZE = { 二号: 44, 三号: 32, 四号: 28 } as const;
/** One character of 3号 text, condensed, and of 4号 text. */
const CHAR = 320 + CONDENSE;
const CHAR_4 = 280;
const RED = 'FF0000';
/** The red rule under the doc number: 1.5 pt (size in eighths of a point), 11 pt (≈ 4 mm) below the text. */
const RULE = { size: 12, space: 11, height: (12 / 8) * 20 + 11 * 20 } as const;

export interface DocxOptions {
  readonly fonts?: Partial<Fonts>;
  /** Stamped documents place the date 4 characters from the right and the signature over it. */
  readonly stamped?: boolean;
}

export async function renderDocx(reply: ReplyFields, options: DocxOptions = {}): Promise<Uint8Array> {
  const fonts: Fonts = { ...DEFAULT_FONTS, ...options.fonts };
  const tree = parseBody(reply.body);
  const text = new Runs(fonts);
  const notes = new Map<number, Paragraph[]>(
    tree.footnotes.map((f) => [f.number, [new Paragraph({ ...grid(), children: text.inlines(f.inlines, { size: SIZE.四号 }) })]]),
  );

  const children: Paragraph[] = [];
  const blank = () => children.push(new Paragraph({ ...grid() }));
  if (reply.header) {
    children.push(
      new Paragraph({
        ...grid(),
        alignment: AlignmentType.CENTER,
        children: [text.run(reply.header, { font: fonts.xiaobiaosong, size: headerSize(reply.header), color: RED })],
      }),
    );
    blank();
  }
  // The doc number, with the red rule 4 mm below it as wide as the text block.
  children.push(
    new Paragraph({
      ...grid(),
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: RULE.size, color: RED, space: RULE.space } },
      children: [text.run(reply.docNumber.toString())],
    }),
  );
  // The rule and its 4 mm add to the doc number's height: the next line gives that back, so the rest stays on the grid.
  children.push(new Paragraph({ spacing: { line: LINE - RULE.height, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }));
  blank();
  children.push(
    new Paragraph({
      ...grid(),
      alignment: AlignmentType.CENTER,
      children: [text.run(replyTitle(reply.kind, reply.session, reply.proposalNo), { font: fonts.xiaobiaosong, size: SIZE.二号, condense: false })],
    }),
  );
  blank();
  const salutation = salutationOf(reply);
  children.push(new Paragraph({ ...grid(), children: [text.run(salutation)] }));
  for (const block of tree.blocks) children.push(bodyParagraph(block, text, fonts));
  blank();
  children.push(...signature(reply, text, options.stamped ?? false));
  const contact = (['name', 'phone', 'address', 'postcode'] as const).filter((k) => reply.contact[k]);
  if (contact.length) {
    blank();
    for (const key of contact) {
      children.push(new Paragraph({ ...grid(), indent: { firstLine: 2 * 320 }, children: [text.run(`${reply.contactLabels[key]}：${reply.contact[key]}`)] }));
    }
  }
  children.push(...imprint(reply, text));

  const doc = new Document({
    creator: reply.organ,
    title: replyTitle(reply.kind, reply.session, reply.proposalNo),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontSlots(fonts.fangsong, fonts.latin), size: SIZE.三号, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { ...grid() },
        },
      },
    },
    footnotes: Object.fromEntries([...notes].map(([n, paragraphs]) => [String(n), { children: paragraphs }])),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: Math.round(15 * MM), footer: Math.round(23 * MM) },
          },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT, fonts), even: pageNumber(AlignmentType.LEFT, fonts) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Every line of the document sits on the 22-line grid. */
function grid(): Pick<IParagraphOptions, 'spacing'> {
  return { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } };
}

/** The organ's header shrinks to fit one line of the text block, at most 2号-and-a-half. */
function headerSize(header: string): number {
  const points = Math.min(28, Math.floor(((BLOCK_WIDTH / 20) / emWidth(header)) * 2) / 2);
  return points * 2;
}

function bodyParagraph(block: Block, text: Runs, fonts: Fonts): Paragraph {
  const indent = { firstLine: 2 * 320 };
  if (block.type === 'paragraph') return new Paragraph({ ...grid(), indent, children: text.inlines(block.inlines) });
  const font = block.marker.level === 1 ? fonts.heiti : block.marker.level === 2 ? fonts.kaiti : fonts.fangsong;
  return new Paragraph({
    ...grid(),
    indent,
    children: [
      text.run(block.marker.raw, { font }),
      ...text.inlines(block.title, { font }),
      ...text.inlines(block.rest),
    ],
  });
}

/**
 * 署名 and 成文日期. Unstamped: the signature right-indented 2 characters, the
 * date on the next line starting 2 characters right of the signature's start
 * (the date right-indented 2 when it is the longer). Stamped: the date
 * right-indented 4 characters, the signature centred over it.
 */
function signature(reply: ReplyFields, text: Runs, stamped: boolean): Paragraph[] {
  const organ = reply.organ;
  const date = chineseDate(reply.signedOn);
  const organWidth = twips(organ);
  const dateWidth = twips(date);
  if (stamped) {
    const dateRight = 4 * CHAR;
    const centre = BLOCK_WIDTH - dateRight - dateWidth / 2;
    const organRight = Math.max(0, Math.round(BLOCK_WIDTH - centre - organWidth / 2));
    return [
      new Paragraph({ ...grid(), alignment: AlignmentType.RIGHT, indent: { right: organRight }, children: [text.run(organ)] }),
      new Paragraph({ ...grid(), alignment: AlignmentType.RIGHT, indent: { right: dateRight }, children: [text.run(date)] }),
    ];
  }
  const organStart = BLOCK_WIDTH - 2 * CHAR - organWidth;
  const dateStart = organStart + 2 * CHAR;
  if (dateStart + dateWidth <= BLOCK_WIDTH - 2 * CHAR) {
    return [
      new Paragraph({ ...grid(), alignment: AlignmentType.RIGHT, indent: { right: 2 * CHAR }, children: [text.run(organ)] }),
      new Paragraph({ ...grid(), indent: { left: Math.round(dateStart) }, children: [text.run(date)] }),
    ];
  }
  // The date is the longer: it keeps its 2 characters on the right, the signature moves left of it by 2.
  return [
    new Paragraph({ ...grid(), indent: { left: Math.max(0, Math.round(BLOCK_WIDTH - 2 * CHAR - dateWidth - 2 * CHAR)) }, children: [text.run(organ)] }),
    new Paragraph({ ...grid(), alignment: AlignmentType.RIGHT, indent: { right: 2 * CHAR }, children: [text.run(date)] }),
  ];
}

/**
 * 版记: 抄送 and the 印发 line between full-width rules (thick outside, thin
 * between), in a frame held at the bottom of the text block of the last page.
 */
function imprint(reply: ReplyFields, text: Runs): Paragraph[] {
  const frame = {
    type: 'alignment' as const,
    alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
    anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
    width: BLOCK_WIDTH,
  };
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  const small = { size: SIZE.四号, condense: false };
  const out: Paragraph[] = [];
  if (reply.cc.length) {
    const label = '抄送：';
    out.push(
      new Paragraph({
        ...grid(),
        frame,
        border: { top: thick, bottom: thin },
        indent: { left: CHAR_4 + label.length * CHAR_4, hanging: label.length * CHAR_4, right: CHAR_4 },
        children: [text.run(`${label}${reply.cc.join('，')}。`, small)],
      }),
    );
  }
  out.push(
    new Paragraph({
      ...grid(),
      frame,
      border: { top: reply.cc.length ? thin : thick, bottom: thick },
      indent: { left: CHAR_4, right: CHAR_4 },
      tabStops: [{ type: TabStopType.RIGHT, position: BLOCK_WIDTH - CHAR_4 }],
      children: [text.run(reply.printingOrgan, small), text.run(`\t${chineseDate(issueDate(reply))}印发`, small)],
    }),
  );
  return out;
}

/** — 1 —, 4号 宋体, odd pages on the right and even pages on the left, 1 character in. */
function pageNumber(alignment: (typeof AlignmentType)['LEFT' | 'RIGHT'], fonts: Fonts): Footer {
  const indent = alignment === AlignmentType.RIGHT ? { right: CHAR_4 } : { left: CHAR_4 };
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontSlots(fonts.songti, fonts.songti), size: SIZE.四号 })],
      }),
    ],
  });
}

/** The Chinese font in the eastAsia and hAnsi slots (so “ ” — … take it), Latin letters and digits in ascii. */
function fontSlots(chinese: string, latin: string): IRunOptions['font'] {
  return { ascii: latin, hAnsi: chinese, eastAsia: chinese, cs: latin };
}

interface RunStyle {
  readonly font?: string;
  readonly size?: number;
  readonly color?: string;
  readonly bold?: boolean;
  /** Condensed to the 28-character grid (3号 body text). */
  readonly condense?: boolean;
}

/** Makes runs in the document's fonts from text and inline runs of the body tree. */
class Runs {
  constructor(private readonly fonts: Fonts) {}

  run(text: string, style: RunStyle = {}): TextRun {
    return new TextRun({
      text,
      font: fontSlots(style.font ?? this.fonts.fangsong, this.fonts.latin),
      size: style.size ?? SIZE.三号,
      ...(style.color ? { color: style.color } : {}),
      ...(style.bold ? { bold: true } : {}),
      ...(style.condense === false ? {} : { characterSpacing: CONDENSE }),
    });
  }

  inlines(inlines: readonly Inline[], style: RunStyle = {}): (TextRun | FootnoteReferenceRun)[] {
    return inlines.map((i) =>
      i.type === 'footnoteRef' ? new FootnoteReferenceRun(i.number) : this.run(i.text, { ...style, bold: i.type === 'bold' }),
    );
  }
}

/** Width in ems: CJK and full-width characters 1, Latin letters and digits ½. */
export function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff]/u.test(ch) ? (ch === ' ' ? 0.25 : 0.5) : 1;
  return width;
}

function twips(text: string): number {
  return emWidth(text) * CHAR;
}
