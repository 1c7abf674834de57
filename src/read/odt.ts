import { superscript } from '../core/numerals.js';
import { MAX_TEXT, type SourceLine } from '../core/reader/lines.js';
import { EXTENSIONS } from './extensions.js';
import type { FormatRead, FormatReader } from './format.js';
import { parseXml, type XmlNode } from './xml.js';
import { MAX_ZIP, openZip, partText, TOO_LARGE } from './zip.js';

/**
 * OpenDocument text (.odt, LibreOffice and WPS): a zip whose content.xml is
 * read with htmlparser2. Each paragraph and heading is a line, a table row
 * its cells on one line; a paragraph says how it is set (centred, right,
 * bold, its size) by its style, looked up in the file's automatic styles and
 * in styles.xml through the parents. Footnotes are numbered where cited and
 * follow the body, as doc.ts prints them.
 */
export const odtReader: FormatReader = {
  format: 'odt',
  extensions: EXTENSIONS.odt,
  async read(bytes): Promise<FormatRead> {
    if (bytes.length > MAX_ZIP) return { ok: false, reason: 'import.tooLarge' };
    try {
      const zip = await openZip(bytes);
      if (!zip) return { ok: false, reason: 'import.badOdt' };
      const content = await partText(zip, 'content.xml');
      const styles = await partText(zip, 'styles.xml');
      if (content === undefined) return { ok: false, reason: 'import.badOdt' };
      if (content === TOO_LARGE || styles === TOO_LARGE) return { ok: false, reason: 'import.tooLarge' };
      const doc = await parseXml(content);
      const lines = linesOf(doc, new Styles(doc, styles ? await parseXml(styles) : undefined));
      if (!lines.some((l) => l.text.trim())) return { ok: false, reason: 'import.empty' };
      return { ok: true, text: lines.map((l) => l.text).join('\n'), lines, encoding: 'utf-8' };
    } catch {
      return { ok: false, reason: 'import.badOdt' };
    }
  },
};

/** Nested deeper than this is left unread. */
const MAX_DEPTH = 200;

/** How a run of text is set, as far as its styles say. */
interface Setting {
  readonly align?: SourceLine['align'];
  readonly bold?: boolean;
  readonly size?: number;
}

const ALIGN: Record<string, SourceLine['align']> = { center: 'center', end: 'right', right: 'right', start: 'left', left: 'left' };

/** The paragraph and text styles of content.xml's automatic styles and styles.xml's common ones. */
class Styles {
  private readonly own = new Map<string, Setting & { readonly parent?: string }>();
  private readonly resolved = new Map<string, Setting>();
  private defaults: Setting = {};

  constructor(content: XmlNode, styles: XmlNode | undefined) {
    // styles.xml's automatic styles are its headers' and footers': their names may clash with the body's.
    this.collect(content, 'office:automatic-styles');
    if (styles) this.collect(styles, 'office:styles');
  }

  /** The setting of a style of a family (paragraph, text), its parents' where it says nothing. */
  of(family: string, name: string | undefined): Setting {
    if (!name) return family === 'paragraph' ? this.defaults : {};
    const key = `${family}:${name}`;
    let setting = this.resolved.get(key);
    if (!setting) {
      const chain: Setting[] = [];
      const seen = new Set<string>();
      for (let k: string | undefined = key; k && !seen.has(k) && seen.size < 50; ) {
        seen.add(k);
        const style = this.own.get(k);
        if (!style) break;
        chain.push(style);
        k = style.parent && `${family}:${style.parent}`;
      }
      if (family === 'paragraph') chain.push(this.defaults);
      setting = { align: first(chain, 'align'), bold: first(chain, 'bold'), size: first(chain, 'size') };
      this.resolved.set(key, setting);
    }
    return setting;
  }

  private collect(doc: XmlNode, section: string): void {
    for (const root of doc.children ?? []) {
      for (const group of root.children ?? []) {
        if (group.name !== section) continue;
        for (const style of group.children ?? []) {
          const a = style.attribs ?? {};
          const family = a['style:family'] ?? '';
          if (style.name === 'style:default-style' && family === 'paragraph') this.defaults = settingOf(style);
          const key = `${family}:${a['style:name']}`;
          if (style.name === 'style:style' && !this.own.has(key)) {
            this.own.set(key, { ...settingOf(style), ...(a['style:parent-style-name'] ? { parent: a['style:parent-style-name'] } : {}) });
          }
        }
      }
    }
  }
}

function first<K extends keyof Setting>(chain: readonly Setting[], key: K): Setting[K] {
  return chain.find((s) => s[key] !== undefined)?.[key];
}

/** What a style element itself says; the CJK (asian) weight and size first, as Chinese text is set by them. */
function settingOf(style: XmlNode): Setting {
  let align: string | undefined;
  let weight: string | undefined;
  let size: string | undefined;
  for (const p of style.children ?? []) {
    const a = p.attribs ?? {};
    if (p.name === 'style:paragraph-properties') align = a['fo:text-align'];
    if (p.name === 'style:text-properties') {
      weight = a['style:font-weight-asian'] ?? a['fo:font-weight'];
      size = a['style:font-size-asian'] ?? a['fo:font-size'];
    }
  }
  const points = size ? /^([\d.]+)pt$/u.exec(size)?.[1] : undefined;
  return {
    ...(align && ALIGN[align] ? { align: ALIGN[align] } : {}),
    ...(weight ? { bold: weight === 'bold' || Number(weight) >= 600 } : {}),
    ...(points ? { size: Number(points) } : {}),
  };
}

/** Never text of the document: declarations, tracked deletions, comments, an image's alt text, a ruby's reading. */
const SKIPPED = new Set([
  'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls', 'text:tracked-changes', 'office:annotation',
  'office:annotation-end', 'svg:title', 'svg:desc', 'text:ruby-text', 'office:forms',
]);

/** Lines as they are built: the text and how its runs are set. */
class Builder {
  readonly lines: SourceLine[] = [];
  private text = '';
  private align: SourceLine['align'];
  private bold = true;
  private size: number | undefined;
  private runs = 0;

  constructor(private readonly budget: { left: number }) {}

  add(text: string, setting: Setting): void {
    if (this.budget.left <= 0) return;
    this.budget.left -= text.length;
    if (/\S/u.test(text)) {
      // A line is bold when all its text is, of a size when all of it is of that size.
      if (this.runs++ === 0) [this.align, this.size] = [setting.align, setting.size];
      else if (this.size !== setting.size) this.size = undefined;
      this.bold &&= setting.bold === true;
    }
    this.text += text;
  }

  get empty(): boolean {
    return this.text === '';
  }

  /** Ends the line; a table row's blanks are closed up as the html reader does. */
  flush(row = false): void {
    const text = row ? this.text.replace(/\s+/gu, ' ').trim() : this.text.trimEnd();
    if (this.runs > 0 && text) {
      this.lines.push({
        text,
        ...(this.align ? { align: this.align } : {}),
        ...(this.bold ? { bold: true } : {}),
        ...(this.size !== undefined ? { size: this.size } : {}),
      });
    }
    [this.text, this.align, this.bold, this.size, this.runs] = ['', undefined, true, undefined, 0];
  }
}

function linesOf(doc: XmlNode, styles: Styles): SourceLine[] {
  const budget = { left: MAX_TEXT };
  const body = new Builder(budget);
  const notes: SourceLine[] = [];
  const walk = (node: XmlNode, out: Builder, setting: Setting, row: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    // XML's blanks are one blank, and none at the start of a paragraph (ODF 6.1.2); text:s and text:tab are the blanks the text has.
    if (node.type === 'text') return out.add((out.empty ? (node.data ?? '').trimStart() : (node.data ?? '')).replace(/[ \t\r\n]+/gu, ' '), setting);
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = node.name ?? '';
    const a = node.attribs ?? {};
    const children = (s: Setting, inRow = row) => (node.children ?? []).forEach((c) => walk(c, out, s, inRow, depth + 1));
    if (SKIPPED.has(name)) return;
    switch (name) {
      case 'text:p':
      case 'text:h':
        // In a table row the cell's paragraphs are parts of the row's line.
        if (!row) out.flush();
        children(styles.of('paragraph', a['text:style-name']));
        return row ? out.add(' ', {}) : out.flush();
      case 'text:span': {
        const own = styles.of('text', a['text:style-name']);
        return children({ align: setting.align, bold: own.bold ?? setting.bold, size: own.size ?? setting.size });
      }
      case 'text:s':
        return out.add(' '.repeat(Math.min(Math.max(Number(a['text:c'] ?? 1) || 1, 1), 100)), setting);
      case 'text:tab':
        return out.add(' ', setting);
      case 'text:line-break':
        return row ? out.add(' ', setting) : out.flush();
      case 'table:table-row':
        out.flush(row);
        children(setting, true);
        return out.flush(true);
      case 'table:table-cell':
        out.add(' ', {});
        children(setting);
        return out.add(' ', {});
      case 'text:note': {
        const number = superscript(notes.length + 1);
        const note = new Builder(budget);
        const bodyOf = node.children?.find((c) => c.name === 'text:note-body');
        if (bodyOf) walk(bodyOf, note, {}, false, depth + 1);
        note.flush();
        const [head, ...rest] = note.lines;
        notes.push(...(head ? [{ ...head, text: `${number} ${head.text.trimStart()}` }, ...rest] : [{ text: number }]));
        return out.add(number, setting);
      }
      default:
        return children(setting);
    }
  };
  const text = doc.children?.flatMap((root) => root.children ?? []).find((c) => c.name === 'office:body');
  if (text) walk(text, body, {}, false, 0);
  body.flush();
  return [...body.lines, ...notes];
}
