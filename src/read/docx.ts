import { superscript } from '../core/numerals.js';
import { propertyLines } from '../core/properties.js';
import { MAX_TEXT, type SourceLine } from '../core/reader/lines.js';
import { EXTENSIONS } from './extensions.js';
import type { FormatRead, FormatReader } from './format.js';
import { joinPieces, type Piece } from './runs.js';
import { attr, childNamed, childrenNamed, localName, parseXml, textOf, type XmlNode } from './xml.js';
import { MAX_ZIP, openZip, partText, TOO_LARGE } from './zip.js';

/**
 * Word 2007 and later: word/document.xml read as Word lays it out. Each
 * paragraph is a line that says how it is set (centred or right from its
 * own alignment or its style's, its size, bold when all of it is); a bold
 * run inside a paragraph (一是**组建专班**) is marked as the body's Markdown
 * marks it; a table row is its cells on one line; deleted text and field
 * codes are not text. Footnotes follow the body, each with its superscript
 * number where it is cited, as doc.ts prints them; the record's properties
 * (办理结果, 公开属性) come first, as a disclosure page prints them. The
 * custom properties are given as they stand (the record reply wrote there).
 */
export const docxReader: FormatReader = {
  format: 'docx',
  extensions: EXTENSIONS.docx,
  async read(bytes): Promise<FormatRead> {
    if (bytes.length > MAX_ZIP) return { ok: false, reason: 'import.tooLarge' };
    try {
      const zip = await openZip(bytes);
      if (!zip) return { ok: false, reason: 'import.badDocx' };
      const names = ['word/document.xml', 'word/styles.xml', 'word/footnotes.xml', 'docProps/core.xml', 'docProps/custom.xml'];
      const parts = await Promise.all(names.map((p) => partText(zip, p)));
      if (parts.includes(TOO_LARGE)) return { ok: false, reason: 'import.tooLarge' };
      const [document, styles, footnotes, core, custom] = parts as (string | undefined)[];
      if (document === undefined) return { ok: false, reason: 'import.badDocx' };
      const lines = await linesOf(document, styles, footnotes, core);
      if (!lines.some((l) => l.text.trim())) return { ok: false, reason: 'import.empty' };
      const properties = custom ? customProperties(await parseXml(custom)) : {};
      return {
        ok: true,
        text: lines.map((l) => l.text).join('\n'),
        lines,
        encoding: 'utf-8',
        ...(Object.keys(properties).length ? { properties } : {}),
      };
    } catch {
      return { ok: false, reason: 'import.badDocx' };
    }
  },
};

/** Nested deeper than this (tables in tables, content controls) is no reply: the rest is left unread. */
const MAX_DEPTH = 60;

async function linesOf(document: string, styles: string | undefined, footnotes: string | undefined, core: string | undefined): Promise<SourceLine[]> {
  const sheet = new StyleSheet(styles ? await parseXml(styles) : undefined);
  const body = childNamed(childNamed(await parseXml(document), 'document'), 'body');
  const notes = new NoteNumbers();
  const out: SourceLine[] = core ? keywordLines(await parseXml(core)) : [];
  let length = 0;
  const push = (line: SourceLine) => {
    if (length > MAX_TEXT) return;
    length += line.text.length;
    out.push(line);
  };
  walkBlocks(body, sheet, notes, push, 0);
  if (footnotes && notes.cited.length) {
    const bodies = new Map<string, XmlNode>();
    for (const note of childrenNamed(childNamed(await parseXml(footnotes), 'footnotes'), 'footnote')) bodies.set(attr(note, 'id') ?? '', note);
    for (const [n, id] of notes.cited.entries()) {
      const note = bodies.get(id);
      if (!note) continue;
      const text = childrenNamed(note, 'p')
        .flatMap((p) => paragraphLines(p, sheet, notes, 0, true))
        .map((l) => l.text)
        .join(' ')
        .trim();
      if (text) push({ text: `${superscript(n + 1)} ${text}` });
    }
  }
  return out;
}

function walkBlocks(node: XmlNode | undefined, sheet: StyleSheet, notes: NoteNumbers, push: (line: SourceLine) => void, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const child of node?.children ?? []) {
    if (child.type !== 'tag') continue;
    const name = localName(child);
    if (name === 'p') paragraphLines(child, sheet, notes, depth).forEach(push);
    else if (name === 'tbl') {
      for (const row of childrenNamed(child, 'tr')) {
        const cells = childrenNamed(row, 'tc').map((cell) => {
          const lines: SourceLine[] = [];
          walkBlocks(cell, sheet, notes, (l) => lines.push(l), depth + 1);
          return lines.map((l) => l.text).join(' ').trim();
        });
        const text = cells.filter(Boolean).join(' ');
        if (text) push({ text });
      }
    } else if (name === 'sdt' || name === 'sdtContent' || name === 'customXml' || name === 'ins' || name === 'moveTo') {
      walkBlocks(child, sheet, notes, push, depth + 1);
    }
  }
}


/** A paragraph's lines: one, or more where it holds line breaks; text boxes inside it follow as lines of their own. */
function paragraphLines(p: XmlNode, sheet: StyleSheet, notes: NoteNumbers, depth: number, inNote = false): SourceLine[] {
  const pPr = childNamed(p, 'pPr');
  const style = sheet.paragraph(attr(childNamed(pPr, 'pStyle'), 'val'));
  const align = alignOf(attr(childNamed(pPr, 'jc'), 'val')) ?? style.align;
  const lines: (Piece & { size?: number })[][] = [[]];
  const boxes: SourceLine[] = [];
  const walk = (node: XmlNode, d: number) => {
    if (d > MAX_DEPTH) return;
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      const name = localName(child);
      if (name === 'r') run(child, d);
      else if (name === 'hyperlink' || name === 'ins' || name === 'moveTo' || name === 'smartTag' || name === 'sdt' || name === 'sdtContent' || name === 'fldSimple' || name === 'customXml') walk(child, d + 1);
    }
  };
  const run = (r: XmlNode, d: number) => {
    const rPr = childNamed(r, 'rPr');
    if (on(childNamed(rPr, 'vanish'))) return;
    const character = sheet.character(attr(childNamed(rPr, 'rStyle'), 'val'));
    const b = childNamed(rPr, 'b');
    const bold = b ? on(b) : (character.bold ?? style.bold ?? false);
    const sz = Number(attr(childNamed(rPr, 'sz'), 'val'));
    const size = sz > 0 ? sz / 2 : (character.size ?? style.size);
    const add = (text: string) => lines[lines.length - 1]!.push({ text, bold, ...(size ? { size } : {}) });
    for (const c of r.children ?? []) {
      if (c.type !== 'tag') continue;
      const name = localName(c);
      if (name === 't') add(textOf(c));
      else if (name === 'tab' || name === 'ptab') add(' ');
      else if (name === 'br' || name === 'cr') lines.push([]);
      else if (name === 'noBreakHyphen') add('-');
      else if (name === 'footnoteReference' && !inNote) add(superscript(notes.cite(attr(c, 'id') ?? '')));
      else if (name === 'drawing' || name === 'pict' || name === 'AlternateContent') {
        for (const box of findAll(c, 'txbxContent', d + 1)) walkBlocks(box, sheet, notes, (l) => boxes.push(l), d + 1);
      }
    }
  };
  walk(p, depth);
  const out = lines.map((pieces) => lineOf(pieces, align)).filter((l) => l.text !== '');
  return [...(out.length || boxes.length ? out : []), ...boxes];
}

function lineOf(pieces: readonly (Piece & { size?: number })[], align: SourceLine['align']): SourceLine {
  const { text, bold } = joinPieces(pieces);
  const sizes = pieces.filter((p) => p.text.trim() && p.size !== undefined).map((p) => p.size!);
  return {
    text: text.trim(),
    ...(align ? { align } : {}),
    ...(bold ? { bold: true } : {}),
    ...(sizes.length ? { size: Math.max(...sizes) } : {}),
  };
}

function findAll(node: XmlNode, name: string, depth: number): XmlNode[] {
  if (depth > MAX_DEPTH) return [];
  if (node.type === 'tag' && localName(node) === name) return [node];
  return (node.children ?? []).flatMap((c) => findAll(c, name, depth + 1));
}

/** A toggle property (w:b, w:vanish): on unless its value says off. */
function on(node: XmlNode | undefined): boolean {
  if (!node) return false;
  const val = attr(node, 'val');
  return val === undefined || !/^(0|false|off)$/iu.test(val);
}

function alignOf(jc: string | undefined): SourceLine['align'] | undefined {
  if (jc === 'center') return 'center';
  if (jc === 'right' || jc === 'end') return 'right';
  if (jc === 'left' || jc === 'start' || jc === 'both' || jc === 'distribute') return 'left';
  return undefined;
}

/** Footnotes numbered in the order they are cited, as Word numbers them. */
class NoteNumbers {
  readonly cited: string[] = [];
  cite(id: string): number {
    const at = this.cited.indexOf(id);
    if (at >= 0) return at + 1;
    this.cited.push(id);
    return this.cited.length;
  }
}

interface Setting {
  readonly align?: SourceLine['align'];
  readonly bold?: boolean;
  readonly size?: number;
}

/** Paragraph and character styles of styles.xml, each with what it inherits (w:basedOn) and the document's defaults. */
class StyleSheet {
  private readonly styles = new Map<string, XmlNode>();
  private readonly cache = new Map<string, Setting>();
  private readonly defaults: Setting;
  private readonly defaultParagraph?: string;

  constructor(root: XmlNode | undefined) {
    const sheet = childNamed(root, 'styles');
    for (const style of childrenNamed(sheet, 'style')) {
      const id = attr(style, 'styleId');
      if (!id) continue;
      this.styles.set(`${attr(style, 'type')}:${id}`, style);
      if (attr(style, 'type') === 'paragraph' && /^(1|true|on)$/u.test(attr(style, 'default') ?? '')) this.defaultParagraph = id;
    }
    const docDefaults = childNamed(sheet, 'docDefaults');
    this.defaults = settingOf(childNamed(childNamed(docDefaults, 'pPrDefault'), 'pPr'), childNamed(childNamed(docDefaults, 'rPrDefault'), 'rPr'));
  }

  paragraph(id: string | undefined): Setting {
    return { ...this.defaults, ...this.resolve('paragraph', id ?? this.defaultParagraph, 0) };
  }

  character(id: string | undefined): Setting {
    return id ? this.resolve('character', id, 0) : {};
  }

  private resolve(type: string, id: string | undefined, depth: number): Setting {
    if (!id || depth > 20) return {};
    const key = `${type}:${id}`;
    const known = this.cache.get(key);
    if (known) return known;
    const style = this.styles.get(key);
    if (!style) return {};
    const inherited = this.resolve(type, attr(childNamed(style, 'basedOn'), 'val'), depth + 1);
    const own = settingOf(childNamed(style, 'pPr'), childNamed(style, 'rPr'));
    const setting = { ...inherited, ...own };
    this.cache.set(key, setting);
    return setting;
  }
}

function settingOf(pPr: XmlNode | undefined, rPr: XmlNode | undefined): Setting {
  const align = alignOf(attr(childNamed(pPr, 'jc'), 'val'));
  const b = childNamed(rPr, 'b');
  const sz = Number(attr(childNamed(rPr, 'sz'), 'val'));
  return { ...(align ? { align } : {}), ...(b ? { bold: on(b) } : {}), ...(sz > 0 ? { size: sz / 2 } : {}) };
}

/** The record's properties among the document's keywords (docProps/core.xml), as info-table lines. */
function keywordLines(root: XmlNode): SourceLine[] {
  const keywords = childNamed(childNamed(root, 'coreProperties'), 'keywords');
  return keywords ? propertyLines(textOf(keywords)).map((text) => ({ text })) : [];
}

/** A document's custom properties (docProps/custom.xml), name → value as text; at most a few hundred, as Word writes them. */
function customProperties(root: XmlNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const property of childrenNamed(childNamed(root, 'Properties'), 'property').slice(0, 500)) {
    const name = attr(property, 'name');
    const value = (property.children ?? []).find((c) => c.type === 'tag');
    if (name && value && !(name in out)) out[name] = textOf(value);
  }
  return out;
}
