import JSZip from 'jszip';

/**
 * GB/T 9704's page as OFD writers set a reply: A4, a text block 156 mm wide
 * from 27 mm, its top at 37 mm, 22 lines a page 10.5 mm apart of 28
 * characters in 3号 (5.6 mm); the title in 2号, centred; a page number at
 * the foot, odd pages right and even ones left, a character in from the edge.
 */
const LEFT = 27;
const TOP = 37;
const WIDTH = 156;
const SIZE = 5.6;
const PER_LINE = 28;
const LINES = 22;
const PITCH = 10.5;
const TITLE_SIZE = 7.8;
const FOOT_SIZE = 4.9;
const HEAD_SIZE = 12;
/** The lines of the first page a 版头 on its template takes. */
const HEAD_LINES = 4;

export interface OfdOptions {
  /** A line the first page's template carries, large and centred above the text, as a 红头文件's 版头 (某某局文件). */
  readonly template?: string;
  /**
   * How a title longer than a line is set: as Word wraps a centred paragraph,
   * its lines filled and the last centred (the default), or by hand as
   * GB/T 9704 asks, in lines of about equal length that fill none.
   */
  readonly title?: 'wrapped' | 'trapezium';
  /** Paragraphs set flush left, their lines not justified to the block's edge as Word's 两端对齐 (the default) sets them. */
  readonly ragged?: boolean;
  /** Element names without the ofd: prefix, OFD's namespace the default one, as some writers write them. */
  readonly unprefixed?: boolean;
  /** BaseLocs from the zip's root (/Doc_0/Pages/…), as some writers give them. */
  readonly absolute?: boolean;
}

export interface OfdPage {
  /** The page's objects (TextObjects, PageBlocks), in one Layer. */
  readonly objects: string;
  /** The IDs of the templates it is laid on. */
  readonly templates?: readonly string[];
  /** Its own PhysicalBox, where it is not the document's. */
  readonly box?: string;
}

/** A reply's text as an OFD writer lays it out: one TextObject a printed line, paragraphs wrapped and running on over pages. */
export async function ofdOf(text: string, options: OfdOptions = {}): Promise<Buffer> {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const pages: string[][] = [[]];
  let slot = options.template ? HEAD_LINES : 0;
  const place = (line: string, x: number, size: number, width?: number) => {
    if (slot === LINES) {
      pages.push([]);
      slot = 0;
    }
    pages.at(-1)!.push(textObject(line, x, TOP + slot++ * PITCH, size, width));
  };
  let body = lines;
  if (lines[0] && isTitle(lines[0])) {
    const per = Math.floor(WIDTH / TITLE_SIZE);
    for (const l of options.title === 'trapezium' ? balanced(lines[0], per - 2) : wrap(lines[0], per, per)) place(l, LEFT + (WIDTH - widthOf(l, TITLE_SIZE)) / 2, TITLE_SIZE);
    slot++;
    body = lines.slice(1);
  }
  for (const paragraph of body) {
    const wrapped = wrap(paragraph, PER_LINE - 2, PER_LINE);
    wrapped.forEach((l, i) => {
      const justified = !options.ragged && i < wrapped.length - 1;
      place(l, i === 0 ? LEFT + 2 * SIZE : LEFT, SIZE, justified ? (i === 0 ? PER_LINE - 2 : PER_LINE) * SIZE : undefined);
    });
  }
  const numbered = pages.map((objects, i) => {
    const number = `— ${i + 1} —`;
    const x = i % 2 === 0 ? LEFT + WIDTH - FOOT_SIZE - widthOf(number, FOOT_SIZE) : LEFT + FOOT_SIZE;
    return { objects: objects.join('') + textObject(number, x, 276, FOOT_SIZE), ...(i === 0 && options.template ? { templates: ['2'] } : {}) };
  });
  const head = options.template;
  const templates: Record<string, string> = head ? { '2': textObject(head, LEFT + (WIDTH - widthOf(head, HEAD_SIZE)) / 2, TOP, HEAD_SIZE) } : {};
  return ofdPack(numbered, { templates, unprefixed: options.unprefixed, absolute: options.absolute });
}

/** An .ofd of the pages given, one Document, the templates by their ID. */
export async function ofdPack(
  pages: readonly OfdPage[],
  options: { readonly templates?: Readonly<Record<string, string>>; readonly unprefixed?: boolean | undefined; readonly absolute?: boolean | undefined } = {},
): Promise<Buffer> {
  const templates = Object.entries(options.templates ?? {});
  const at = (loc: string) => (options.absolute ? `/Doc_0/${loc}` : loc);
  const xml = (s: string) => {
    const full = `<?xml version="1.0" encoding="UTF-8"?>${s.replace(/^<ofd:\w+/u, '$& xmlns:ofd="http://www.ofdspec.org/2016"')}`;
    return options.unprefixed ? full.replace(/<(\/?)ofd:/gu, '<$1').replace('xmlns:ofd=', 'xmlns=') : full;
  };
  const zip = new JSZip();
  zip.file(
    'OFD.xml',
    xml(`<ofd:OFD Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>6f6664746573740000000000000000</ofd:DocID><ofd:Creator>reply tests</ofd:Creator><ofd:CreationDate>2023-08-08</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>${options.absolute ? '/' : ''}Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
  );
  const ids = 100 + pages.length;
  zip.file(
    'Doc_0/Document.xml',
    xml(
      `<ofd:Document><ofd:CommonData><ofd:MaxUnitID>${ids}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>` +
        templates.map(([id], i) => `<ofd:TemplatePage ID="${id}" BaseLoc="${at(`Tpls/Tpl_${i}/Content.xml`)}"/>`).join('') +
        `</ofd:CommonData><ofd:Pages>${pages.map((_, i) => `<ofd:Page ID="${100 + i}" BaseLoc="${at(`Pages/Page_${i}/Content.xml`)}"/>`).join('')}</ofd:Pages></ofd:Document>`,
    ),
  );
  zip.file(
    'Doc_0/PublicRes.xml',
    xml(`<ofd:Res BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋"/><ofd:Font ID="4" FontName="方正小标宋简体"/></ofd:Fonts></ofd:Res>`),
  );
  const page = (p: OfdPage) =>
    xml(
      `<ofd:Page>${(p.templates ?? []).map((id) => `<ofd:Template TemplateID="${id}" ZOrder="Background"/>`).join('')}` +
        `${p.box ? `<ofd:Area><ofd:PhysicalBox>${p.box}</ofd:PhysicalBox></ofd:Area>` : ''}<ofd:Content><ofd:Layer ID="1">${p.objects}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
  templates.forEach(([, objects], i) => zip.file(`Doc_0/Tpls/Tpl_${i}/Content.xml`, page({ objects })));
  pages.forEach((p, i) => zip.file(`Doc_0/Pages/Page_${i}/Content.xml`, page(p)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

let id = 1000;

/** One printed line as a TextObject: its top at `top`, one TextCode on the baseline, the advances in DeltaX, spread to `width` when given. */
export function textObject(text: string, x: number, top: number, size: number, width?: number): string {
  const chars = [...text];
  const spread = width !== undefined && chars.length > 1 ? (width - widthOf(text, size)) / (chars.length - 1) : 0;
  const advances = chars.map((c) => unitsOf(c) * size + spread);
  const delta = advances.length > 1 ? ` DeltaX="${deltaX(advances.slice(0, -1))}"` : '';
  const box = [x, top, width ?? widthOf(text, size), size * 1.2].map(mm).join(' ');
  return `<ofd:TextObject ID="${id++}" Boundary="${box}" Font="${size > SIZE ? 4 : 3}" Size="${mm(size)}"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="${mm(size * 0.88)}"${delta}>${escape(text)}</ofd:TextCode></ofd:TextObject>`;
}

/** Advances as writers give them: a run of three or more equal ones as `g N v`. */
function deltaX(advances: readonly number[]): string {
  const values = advances.map(mm);
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j < values.length && values[j] === values[i]) j++;
    out.push(...(j - i >= 3 ? [`g ${j - i} ${values[i]}`] : values.slice(i, j)));
    i = j;
  }
  return out.join(' ');
}

/** Latin letters, digits and ASCII punctuation take half a character. */
function unitsOf(c: string): number {
  return c.codePointAt(0)! < 0x7f ? 0.5 : 1;
}

function widthOf(text: string, size: number): number {
  return [...text].reduce((w, c) => w + unitsOf(c) * size, 0);
}

/** What no line starts with (避头): a line breaking before it gives its last character to the next. */
const NO_START = /[，。、；：？！）》」”’,.;:?!)]/u;

/** The lines of a paragraph, the first `first` characters wide, the others `rest`. */
function wrap(text: string, first: number, rest: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const c of text) {
    if (line && used + unitsOf(c) > (lines.length ? rest : first)) {
      const carried = NO_START.test(c) && [...line].length > 1 ? [...line].at(-1)! : '';
      lines.push(carried ? line.slice(0, -carried.length) : line);
      [line, used] = [carried, carried ? unitsOf(carried) : 0];
    }
    line += c;
    used += unitsOf(c);
  }
  return line ? [...lines, line] : lines;
}

/** A title's lines of about equal length, none wider than `limit` characters: titles are set as a trapezium, not filled to the edge. */
function balanced(text: string, limit: number): string[] {
  const units = widthOf(text, 1);
  const width = Math.ceil(units / Math.ceil(units / limit));
  return wrap(text, width, width);
}

function isTitle(line: string): boolean {
  return line.length <= 60 && !/[:：]/u.test(line);
}

const mm = (v: number) => String(Math.round(v * 1000) / 1000);

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
