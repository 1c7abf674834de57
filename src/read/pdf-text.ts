import { inflateSync } from 'node:zlib';
import type { PlacedPage, Run } from './placement.js';

/**
 * The text layer of the PDFs offices make (Word, WPS, LibreOffice): the
 * objects, the pages, the text operators of their content streams and the
 * ToUnicode maps of their fonts, read directly — ten times faster than
 * pdf.js, which first converts every embedded font program for drawing. It
 * reads only what it knows for certain: anything else (encryption, a filter
 * other than Flate, a font with no ToUnicode map, Type 3 fonts) throws
 * Unsupported, and pdf.js reads the file instead.
 */
export class Unsupported extends Error {}

type Value = number | string | boolean | null | Name | Ref | Value[] | Dict | Stream | Bytes;
class Name {
  constructor(readonly name: string) {}
}
class Ref {
  constructor(readonly num: number) {}
}
class Bytes {
  constructor(readonly bytes: Buffer) {}
}
type Dict = Map<string, Value>;
class Stream {
  constructor(
    readonly dict: Dict,
    readonly raw: Buffer,
  ) {}
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** A tokenizer and object parser over a buffer, from a position. */
class Parser {
  constructor(
    private readonly b: Buffer,
    public pos: number,
    private readonly length?: (dict: Dict) => number,
    /** Whether `n g R` may stand here: in objects, not in content streams. */
    private readonly refs = true,
  ) {}

  private skip(): void {
    const b = this.b;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (WS.has(c)) this.pos++;
      else if (c === 0x25) while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      else break;
    }
  }

  /** A bare word: a number, an operator, true/false/null, R, obj. */
  private word(): string {
    const start = this.pos;
    while (this.pos < this.b.length && !WS.has(this.b[this.pos]!) && !DELIM.has(this.b[this.pos]!)) this.pos++;
    return this.b.toString('latin1', start, this.pos);
  }

  /** The next value, or an operator as a string prefixed with '\0'; undefined at the end. */
  next(): Value | undefined {
    this.skip();
    const b = this.b;
    if (this.pos >= b.length) return undefined;
    const c = b[this.pos]!;
    if (c === 0x2f) {
      this.pos++;
      return new Name(this.word().replace(/#([0-9a-fA-F]{2})/gu, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    }
    if (c === 0x28) return new Bytes(this.literal());
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) {
        this.pos += 2;
        return this.dict();
      }
      return new Bytes(this.hex());
    }
    if (c === 0x5b) {
      this.pos++;
      const out: Value[] = [];
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return out;
        }
        const v = this.next();
        if (v === undefined) throw new Unsupported('array');
        out.push(v);
      }
    }
    if (c === 0x5d || c === 0x3e || c === 0x7b || c === 0x7d) throw new Unsupported('delimiter');
    const w = this.word();
    if (w === '') throw new Unsupported('token');
    const c0 = w.charCodeAt(0);
    if ((c0 >= 0x30 && c0 <= 0x39) || c0 === 0x2b || c0 === 0x2d || c0 === 0x2e) {
      const n = Number(w);
      if (Number.isNaN(n)) throw new Unsupported('number');
      if (!this.refs || !Number.isInteger(n) || c0 < 0x30) return n;
      // n g R: a reference (never in a content stream, where a number is only looked at once).
      const save = this.pos;
      this.skip();
      const g = this.word();
      if (/^\d+$/u.test(g)) {
        this.skip();
        if (this.b[this.pos] === 0x52 && (this.pos + 1 >= b.length || WS.has(b[this.pos + 1]!) || DELIM.has(b[this.pos + 1]!))) {
          this.pos++;
          return new Ref(Number(w));
        }
      }
      this.pos = save;
      return n;
    }
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    return `\0${w}`;
  }

  private dict(): Dict | Stream {
    const out: Dict = new Map();
    for (;;) {
      this.skip();
      if (this.b[this.pos] === 0x3e && this.b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        break;
      }
      const key = this.next();
      if (!(key instanceof Name)) throw new Unsupported('dict key');
      const v = this.next();
      if (v === undefined) throw new Unsupported('dict');
      out.set(key.name, v);
    }
    const save = this.pos;
    this.skip();
    if (this.b.toString('latin1', this.pos, this.pos + 6) === 'stream') {
      this.pos += 6;
      if (this.b[this.pos] === 0x0d) this.pos++;
      if (this.b[this.pos] === 0x0a) this.pos++;
      const length = this.length ? this.length(out) : Number(out.get('Length'));
      if (!Number.isFinite(length) || length < 0 || this.pos + length > this.b.length) throw new Unsupported('stream length');
      const raw = this.b.subarray(this.pos, this.pos + length);
      this.pos += length;
      return new Stream(out, raw);
    }
    this.pos = save;
    return out;
  }

  private literal(): Buffer {
    const b = this.b;
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const e = b[this.pos++]!;
        const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (e in simple) out.push(simple[e]!);
        else if (e >= 0x30 && e <= 0x37) {
          let n = e - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) n = n * 8 + (b[this.pos++]! - 0x30);
          out.push(n & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return Buffer.from(out);
  }

  private hex(): Buffer {
    this.pos++;
    const end = this.b.indexOf(0x3e, this.pos);
    if (end < 0) throw new Unsupported('hex');
    // Most hex strings of a content stream are a few glyph codes without blanks: read straight from the bytes.
    const out = Buffer.allocUnsafe((end - this.pos + 1) >> 1);
    let n = 0;
    let high = -1;
    for (let i = this.pos; i < end; i++) {
      const c = this.b[i]!;
      if (WS.has(c)) continue;
      const v = c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
      if (v < 0 || v > 15 || (c > 0x39 && (c | 0x20) < 0x61)) throw new Unsupported('hex digit');
      if (high < 0) high = v;
      else {
        out[n++] = (high << 4) | v;
        high = -1;
      }
    }
    // An odd last digit is followed by 0 (PDF 32000-1, 7.3.4.3).
    if (high >= 0) out[n++] = high << 4;
    this.pos = end + 1;
    return out.subarray(0, n);
  }
}

/** The objects of a file, read as they are asked for. */
class Document {
  private readonly offsets = new Map<number, number>();
  private readonly inStreams = new Map<number, { stream: number; index: number }>();
  private readonly cache = new Map<number, Value>();
  readonly trailer: Dict;

  constructor(private readonly b: Buffer) {
    const tail = b.toString('latin1', Math.max(0, b.length - 2048));
    const m = /startxref\s+(\d+)/gu;
    let at: number | undefined;
    for (let x = m.exec(tail); x; x = m.exec(tail)) at = Number(x[1]);
    if (at === undefined) throw new Unsupported('startxref');
    this.trailer = new Map();
    const seen = new Set<number>();
    while (at !== undefined && !seen.has(at)) {
      seen.add(at);
      const trailer = this.readXref(at);
      for (const [k, v] of trailer) if (!this.trailer.has(k)) this.trailer.set(k, v);
      const prev = trailer.get('Prev');
      at = typeof prev === 'number' ? prev : undefined;
    }
    if (this.trailer.has('Encrypt')) throw new Unsupported('encrypted');
  }

  private readXref(at: number): Dict {
    const b = this.b;
    if (b.toString('latin1', at, at + 4) === 'xref') {
      const p = new Parser(b, at + 4);
      for (;;) {
        const first = p.next();
        if (first === '\0trailer') break;
        const count = p.next();
        if (typeof first !== 'number' || typeof count !== 'number') throw new Unsupported('xref');
        // Entries: offset, generation, n or f (20 bytes each by the standard; some writers end them shorter).
        const entry = /\s*(\d{1,10})\s+(\d{1,5})\s+([nf])/uy;
        const text = b.toString('latin1', p.pos, Math.min(b.length, p.pos + count * 24 + 64));
        for (let i = 0; i < count; i++) {
          const m = entry.exec(text);
          if (!m) throw new Unsupported('xref entry');
          if (m[3] === 'n' && !this.offsets.has(first + i) && !this.inStreams.has(first + i)) this.offsets.set(first + i, Number(m[1]));
        }
        p.pos += entry.lastIndex;
      }
      const trailer = p.next();
      if (!(trailer instanceof Map)) throw new Unsupported('trailer');
      const stm = trailer.get('XRefStm');
      if (typeof stm === 'number') this.readXref(stm);
      return trailer;
    }
    // An xref stream.
    const obj = this.parseAt(at);
    if (!(obj instanceof Stream) || nameOf(obj.dict.get('Type')) !== 'XRef') throw new Unsupported('xref stream');
    const data = decode(obj);
    const w = obj.dict.get('W') as number[];
    const size = obj.dict.get('Size') as number;
    const index = (obj.dict.get('Index') as number[] | undefined) ?? [0, size];
    const row = w[0]! + w[1]! + w[2]!;
    let pos = 0;
    const field = (width: number, fallback: number) => {
      if (width === 0) return fallback;
      let n = 0;
      for (let k = 0; k < width; k++) n = n * 256 + data[pos++]!;
      return n;
    };
    for (let s = 0; s < index.length; s += 2) {
      for (let i = 0; i < index[s + 1]!; i++) {
        if (pos + row > data.length) break;
        const num = index[s]! + i;
        const type = field(w[0]!, 1);
        const a = field(w[1]!, 0);
        const c = field(w[2]!, 0);
        if (this.offsets.has(num) || this.inStreams.has(num)) continue;
        if (type === 1) this.offsets.set(num, a);
        else if (type === 2) this.inStreams.set(num, { stream: a, index: c });
      }
    }
    return obj.dict;
  }

  /** The object at a file position: `n g obj` then the value. */
  private parseAt(at: number): Value {
    const p = new Parser(this.b, at, (dict) => {
      const length = dict.get('Length');
      return typeof length === 'number' ? length : (this.get(length as Value) as number);
    });
    p.next();
    p.next();
    if (p.next() !== '\0obj') throw new Unsupported('obj');
    const v = p.next();
    if (v === undefined) throw new Unsupported('obj value');
    return v;
  }

  /** A value with references followed. */
  get(v: Value | undefined): Value | undefined {
    if (!(v instanceof Ref)) return v;
    const known = this.cache.get(v.num);
    if (known !== undefined) return known;
    let value: Value;
    const at = this.offsets.get(v.num);
    if (at !== undefined) value = this.parseAt(at);
    else {
      const where = this.inStreams.get(v.num);
      if (!where) return null;
      const stream = this.get(new Ref(where.stream));
      if (!(stream instanceof Stream)) throw new Unsupported('object stream');
      const data = decode(stream);
      const n = stream.dict.get('N') as number;
      const first = stream.dict.get('First') as number;
      const header = new Parser(data, 0);
      const nums: [number, number][] = [];
      for (let i = 0; i < n; i++) nums.push([header.next() as number, header.next() as number]);
      const entry = nums[where.index];
      if (!entry) throw new Unsupported('object stream index');
      value = new Parser(data, first + entry[1]).next()!;
    }
    this.cache.set(v.num, value);
    return value;
  }

  dict(v: Value | undefined): Dict | undefined {
    const d = this.get(v);
    return d instanceof Map ? d : d instanceof Stream ? d.dict : undefined;
  }
}

function nameOf(v: Value | undefined): string | undefined {
  return v instanceof Name ? v.name : undefined;
}

/** A stream's data: Flate, with the PNG predictors of xref streams; any other filter is not read here. */
function decode(stream: Stream): Buffer {
  const filter = stream.dict.get('Filter');
  const filters = Array.isArray(filter) ? filter.map(nameOf) : filter === undefined ? [] : [nameOf(filter)];
  let data = stream.raw;
  for (const f of filters) {
    if (f !== 'FlateDecode') throw new Unsupported(`filter ${f}`);
    data = inflateSync(data);
  }
  const parms = stream.dict.get('DecodeParms');
  const predictor = parms instanceof Map ? parms.get('Predictor') : undefined;
  if (typeof predictor === 'number' && predictor >= 10) {
    const columns = ((parms as Dict).get('Columns') as number | undefined) ?? 1;
    const out = Buffer.alloc(Math.floor(data.length / (columns + 1)) * columns);
    const prev = Buffer.alloc(columns);
    for (let r = 0; r * (columns + 1) < data.length; r++) {
      const type = data[r * (columns + 1)]!;
      for (let c = 0; c < columns; c++) {
        const x = data[r * (columns + 1) + 1 + c]!;
        const left = c > 0 ? out[r * columns + c - 1]! : 0;
        const up = prev[c]!;
        const v = type === 2 ? x + up : type === 1 ? x + left : type === 0 ? x : NaN;
        if (Number.isNaN(v)) throw new Unsupported('predictor');
        out[r * columns + c] = v & 0xff;
      }
      out.copy(prev, 0, r * columns, r * columns + columns);
    }
    return out;
  }
  return data;
}

/** A font as the text operators need it: how codes split, what each means, how wide it is. */
interface Font {
  readonly bytes: 1 | 2;
  readonly unicode: Map<number, string>;
  width(code: number): number;
}

function loadFont(doc: Document, dict: Dict): Font {
  const subtype = nameOf(dict.get('Subtype'));
  if (subtype === 'Type3') throw new Unsupported('Type3 font');
  const toUnicode = doc.get(dict.get('ToUnicode'));
  if (!(toUnicode instanceof Stream)) throw new Unsupported('no ToUnicode');
  const cmap = decode(toUnicode).toString('latin1');
  const unicode = new Map<number, string>();
  const hex = (s: string) => parseInt(s, 16);
  const text = (s: string) => Buffer.from(s.length % 4 ? s.padStart(Math.ceil(s.length / 4) * 4, '0') : s, 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/gu)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/gu)) unicode.set(hex(m[1]!), text(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/gu)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/gu)) {
      const lo = hex(m[1]!);
      const hi = hex(m[2]!);
      if (hi - lo > 65535) throw new Unsupported('bfrange');
      if (m[3] !== undefined) {
        const base = Buffer.from(m[3].padStart(Math.ceil(m[3].length / 4) * 4, '0'), 'hex');
        for (let c = lo; c <= hi; c++) {
          const u = Buffer.from(base);
          u.writeUInt16BE((u.readUInt16BE(u.length - 2) + (c - lo)) & 0xffff, u.length - 2);
          unicode.set(c, Buffer.from(u).swap16().toString('utf16le'));
        }
      } else {
        const list = [...m[4]!.matchAll(/<([0-9a-fA-F]*)>/gu)].map((x) => text(x[1]!));
        list.forEach((u, k) => unicode.set(lo + k, u));
      }
    }
  }
  if (subtype === 'Type0') {
    const encoding = nameOf(dict.get('Encoding'));
    if (encoding !== 'Identity-H') throw new Unsupported(`encoding ${encoding}`);
    const descendant = doc.dict((doc.get(dict.get('DescendantFonts')) as Value[] | undefined)?.[0]);
    if (!descendant) throw new Unsupported('descendant');
    const dw = (doc.get(descendant.get('DW')) as number | undefined) ?? 1000;
    const widths = new Map<number, number>();
    const w = (doc.get(descendant.get('W')) as Value[] | undefined) ?? [];
    for (let i = 0; i < w.length; ) {
      const first = doc.get(w[i]) as number;
      const next = doc.get(w[i + 1]);
      if (Array.isArray(next)) {
        next.forEach((x, k) => widths.set(first + k, doc.get(x) as number));
        i += 2;
      } else {
        const last = next as number;
        const width = doc.get(w[i + 2]) as number;
        if (last - first > 65535) throw new Unsupported('W range');
        for (let c = first; c <= last; c++) widths.set(c, width);
        i += 3;
      }
    }
    return { bytes: 2, unicode, width: (c) => widths.get(c) ?? dw };
  }
  const first = (doc.get(dict.get('FirstChar')) as number | undefined) ?? 0;
  const widths = ((doc.get(dict.get('Widths')) as Value[] | undefined) ?? []).map((x) => doc.get(x) as number);
  const missing = (doc.dict(dict.get('FontDescriptor'))?.get('MissingWidth') as number | undefined) ?? 0;
  return { bytes: 1, unicode, width: (c) => widths[c - first] ?? missing };
}

/** The fonts read, by their dictionary (a document's objects are read once each, so a font is one dictionary). */
const LOADED = new WeakMap<Dict, Font>();

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The runs of one page's content (and the forms it draws), where they stand. */
function pageRuns(doc: Document, content: Buffer, resources: Dict | undefined, height: number, depth = 0): Run[] {
  if (depth > 8) throw new Unsupported('form depth');
  const fonts = new Map<string, Font>();
  const fontDicts = doc.dict(resources?.get('Font'));
  const xobjects = doc.dict(resources?.get('XObject'));
  const runs: Run[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let font: Font | undefined;
  let size = 0;
  let charSpace = 0;
  let wordSpace = 0;
  let scale = 1;
  let leading = 0;
  let rise = 0;
  const operands: Value[] = [];
  const num = (i: number) => Number(operands[i]);
  const show = (bytes: Buffer) => {
    if (!font) throw new Unsupported('no font');
    const trm = multiply([size * scale, 0, 0, size, 0, rise], multiply(tm, ctm));
    let text = '';
    let advance = 0;
    for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
      const code = font.bytes === 2 ? bytes.readUInt16BE(i) : bytes[i]!;
      const unicode = font.unicode.get(code);
      // A code its map does not name is read by pdf.js, which knows the font's own encodings too.
      if (unicode === undefined) throw new Unsupported(`code ${code} not in ToUnicode`);
      text += unicode;
      advance += (font.width(code) / 1000) * size + charSpace + (font.bytes === 1 && code === 32 ? wordSpace : 0);
    }
    const width = advance * scale;
    // Only upright text: a rotated stamp or a vertical margin note is not the reply's.
    if (text && Math.abs(trm[1]) <= 0.01 * Math.abs(trm[0])) {
      const full = multiply(tm, ctm);
      runs.push({ text, x: trm[4], baseline: height - trm[5], width: width * Math.hypot(full[0], full[1]), size: Math.hypot(trm[2], trm[3]) });
    }
    tm = multiply([1, 0, 0, 1, width, 0], tm);
  };
  const p = new Parser(content, 0, undefined, false);
  for (let v = p.next(); v !== undefined; v = p.next()) {
    if (typeof v !== 'string' || !v.startsWith('\0')) {
      operands.push(v);
      continue;
    }
    const op = v.slice(1);
    switch (op) {
      case 'q':
        stack.push(ctm);
        break;
      case 'Q':
        ctm = stack.pop() ?? IDENTITY;
        break;
      case 'cm':
        ctm = multiply([num(0), num(1), num(2), num(3), num(4), num(5)], ctm);
        break;
      case 'BT':
        tm = tlm = IDENTITY;
        break;
      case 'Tf': {
        const name = nameOf(operands[0]);
        size = num(1);
        if (name !== undefined) {
          let f = fonts.get(name);
          if (!f) {
            const d = doc.dict(fontDicts?.get(name));
            if (!d) throw new Unsupported('font');
            // The pages of a document share their fonts: each is read once.
            f = LOADED.get(d) ?? loadFont(doc, d);
            LOADED.set(d, f);
            fonts.set(name, f);
          }
          font = f;
        }
        break;
      }
      case 'Tc':
        charSpace = num(0);
        break;
      case 'Tw':
        wordSpace = num(0);
        break;
      case 'Tz':
        scale = num(0) / 100;
        break;
      case 'TL':
        leading = num(0);
        break;
      case 'Ts':
        rise = num(0);
        break;
      case 'Td':
        tm = tlm = multiply([1, 0, 0, 1, num(0), num(1)], tlm);
        break;
      case 'TD':
        leading = -num(1);
        tm = tlm = multiply([1, 0, 0, 1, num(0), num(1)], tlm);
        break;
      case 'Tm':
        tm = tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
        break;
      case 'T*':
        tm = tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
        break;
      case 'Tj':
        if (operands[0] instanceof Bytes) show(operands[0].bytes);
        break;
      case "'":
        tm = tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
        if (operands[0] instanceof Bytes) show(operands[0].bytes);
        break;
      case '"':
        wordSpace = num(0);
        charSpace = num(1);
        tm = tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
        if (operands[2] instanceof Bytes) show(operands[2].bytes);
        break;
      case 'TJ':
        for (const part of (operands[0] as Value[] | undefined) ?? []) {
          if (part instanceof Bytes) show(part.bytes);
          else if (typeof part === 'number') tm = multiply([1, 0, 0, 1, (-part / 1000) * size * scale, 0], tm);
        }
        break;
      case 'Do': {
        const form = doc.get(xobjects?.get(nameOf(operands[0]) ?? ''));
        if (form instanceof Stream && nameOf(form.dict.get('Subtype')) === 'Form') {
          const matrix = (form.dict.get('Matrix') as number[] | undefined) ?? IDENTITY;
          const inner = pageRuns(doc, decode(form), doc.dict(form.dict.get('Resources')) ?? resources, height, depth + 1);
          // The form's runs were placed in its own space: carry them into the page's.
          const m = multiply(matrix as Matrix, ctm);
          if (m.some((x, k) => x !== IDENTITY[k])) throw new Unsupported('transformed form');
          runs.push(...inner);
        }
        break;
      }
      case 'BI':
        // Inline image data is no text and cannot be tokenized: skip to its end.
        p.pos = content.indexOf('EI', p.pos, 'latin1') + 2;
        if (p.pos < 2) throw new Unsupported('inline image');
        break;
    }
    operands.length = 0;
  }
  return runs;
}

/** The text of a PDF's pages, placed; throws Unsupported for what is read by pdf.js instead. */
export function readTextLayer(bytes: Buffer, maxPages: number): { pages: PlacedPage[]; keywords: string } {
  try {
    const doc = new Document(bytes);
    const root = doc.dict(doc.trailer.get('Root'));
    const pages: PlacedPage[] = [];
    const walk = (node: Dict, inherited: { resources?: Dict; box?: number[] }, depth: number) => {
      if (depth > 32 || pages.length >= maxPages) return;
      const resources = doc.dict(node.get('Resources')) ?? inherited.resources;
      const box = (doc.get(node.get('MediaBox')) as number[] | undefined)?.map((x) => Number(doc.get(x))) ?? inherited.box;
      if (nameOf(node.get('Type')) === 'Pages' || node.has('Kids')) {
        for (const kid of (doc.get(node.get('Kids')) as Value[] | undefined) ?? []) {
          const d = doc.dict(kid);
          if (d) walk(d, { ...(resources ? { resources } : {}), ...(box ? { box } : {}) }, depth + 1);
        }
        return;
      }
      if (!box) throw new Unsupported('MediaBox');
      if (node.has('Rotate') && Number(doc.get(node.get('Rotate'))) % 360 !== 0) throw new Unsupported('rotated page');
      const contents = doc.get(node.get('Contents'));
      const streams = (Array.isArray(contents) ? contents.map((c) => doc.get(c)) : [contents]).filter((s): s is Stream => s instanceof Stream);
      const content = Buffer.concat(streams.flatMap((s) => [decode(s), Buffer.from('\n')]));
      const [x0, y0, x1, y1] = box as [number, number, number, number];
      if (x0 !== 0 || y0 !== 0) throw new Unsupported('MediaBox origin');
      pages.push({ width: x1, height: y1, runs: pageRuns(doc, content, resources, y1) });
    };
    const top = doc.dict(root?.get('Pages'));
    if (!top) throw new Unsupported('no pages');
    walk(top, {}, 0);
    const info = doc.dict(doc.trailer.get('Info'));
    const keywords = info?.get('Keywords');
    return { pages, keywords: keywords instanceof Bytes ? textString(keywords.bytes) : '' };
  } catch (error) {
    if (error instanceof Unsupported) throw error;
    throw new Unsupported(String(error));
  }
}

/** A PDF text string: UTF-16BE with its BOM, else PDFDocEncoding (Latin-1 near enough for keywords). */
function textString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}
