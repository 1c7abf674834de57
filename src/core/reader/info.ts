import { type Line } from './lines.js';
import { simplified } from './simplified.js';

/**
 * The disclosure page's info table and the page chrome around a reply:
 * 索引号, 发布机构, 发文字号, 成文日期, 公开方式, 来源, 浏览次数 … Portals print it
 * in every shape: one label and value a line, several on one line, a pipe
 * table, a label on one line and its value on the next, an unlabelled bullet
 * list. It often carries the doc number or the date; it is never the body.
 */
export interface InfoEntry {
  /** The label in its simplified form without blanks: 索引号, 发文字号 … */
  readonly label: string;
  readonly value: string;
  readonly line: number;
}

export interface InfoTable {
  readonly entries: readonly InfoEntry[];
  /** Values of a bullet list with no labels (• 新郑市公安局). */
  readonly bullets: readonly InfoEntry[];
  /** The lines that are table or chrome. */
  readonly lines: ReadonlySet<number>;
}

/** Labels of info tables, page chrome and the proposal record some pages print above the reply. */
const LABELS = [
  '信息索引号', '索引号', '发布机构', '发布单位', '公开主体', '发文机关', '发文字号', '文号', '成文日期', '发文日期',
  '发布日期', '发布时间', '生效日期', '废止日期', '失效日期', '有效性', '主题分类', '组配分类', '体裁分类', '公开目录',
  '所属主题', '公开方式', '公开范围', '公开属性', '公开类型', '公文范围', '主题词', '关键字', '关键词', '标题', '名称',
  '来源', '作者', '浏览次数', '浏览量', '访问量', '阅读次数', '点击数', '更新时间', '时间', '日期', '签发人', '办理结果',
  '建议号', '提案号', '提案人', '建议人', '内容', '承办单位', '主办单位', '会办单位', '协办单位', '责任领导', '政府督办领导',
  '交办日期', '反馈时间', '答复时间', '类别', '分类', '字号', '打印', '关闭',
];
const spaced = (label: string) => [...label].join('[ \\t]*');
const LABEL = `(?:${LABELS.map(spaced).join('|')})`;
/** A label with its colon, in brackets or not: 发文字号: / [ 发文字号 ] / 文 号: */
const LABELLED = `\\[?[ \\t]*(${LABEL})[ \\t]*\\]?[ \\t]*(?:[:：]|(?=\\|)|$)`;
/** Labels of three characters or more: with their colon they part a field wherever they stand. */
const LONG_LABEL = `(?:${LABELS.filter((l) => l.length >= 3).map(spaced).join('|')})`;
// After a blank, a pipe, or the colon of an empty field whose blank a copy lost (失效日期:发文字号:…); a long label with
// its colon anywhere, for a copy or a scan that lost every blank (公开发布机构:…11号主题词:…).
const LABEL_AT = new RegExp(`(?:^|(?<=[\\s|:：]))${LABELLED}|(${LONG_LABEL})[ \\t]*[:：]`, 'gu');
/** A line that starts with a label: at the first character only (a search of the whole line for one would read every paragraph of the body through 60 labels). */
const LABEL_FIRST = new RegExp(`^${LABELLED}`, 'u');
const ONLY_LABEL = new RegExp(`^\\[?[ \\t]*(${LABEL})[ \\t]*\\]?[ \\t]*[:：]?$`, 'u');
/** Page chrome that is no table: a site name before 发布时间, a font-size switch. */
const CHROME = /^(?:[a-z0-9-]+\.[a-z.]+\s+)?(?:【?字号】?|打印本页|关闭窗口|分享到)/iu;

export function findInfoTable(lines: readonly Line[], until: number): InfoTable {
  const entries: InfoEntry[] = [];
  const bullets: InfoEntry[] = [];
  const table = new Set<number>();
  for (let i = 0; i < lines.length && lines[i]!.n < until; i++) {
    const line = lines[i]!;
    const text = simplified(line.text);
    if (/^[•·●▪]/u.test(text)) {
      bullets.push({ label: '', value: line.text.replace(/^[•·●▪]\s*/u, ''), line: line.n });
      table.add(line.n);
      continue;
    }
    if (CHROME.test(text)) {
      table.add(line.n);
      continue;
    }
    const only = ONLY_LABEL.exec(text);
    if (only) {
      // A label alone: its value is the next line, unless that is a label too (an empty field).
      table.add(line.n);
      const next = lines[i + 1];
      const label = closed(only[1]!);
      if (next && next.n < until && !startsWithLabel(simplified(next.text)) && isValueLine(label, next.text)) {
        entries.push({ label, value: next.text.trim(), line: next.n });
        table.add(next.n);
        i++;
      } else entries.push({ label, value: '', line: line.n });
      continue;
    }
    const found = entriesOf(line.text, line.n);
    if (found) {
      entries.push(...found);
      table.add(line.n);
    }
  }
  return { entries, bullets, lines: table };
}

/** Whether a line is a row of an info table or page chrome (a label and its colon first, a pipe row, a bullet). */
export function isInfoLine(text: string): boolean {
  const form = simplified(text);
  return /^[•·●▪]/u.test(form) || CHROME.test(form) || ONLY_LABEL.test(form) || entriesOf(text, 0) !== undefined;
}

/** A label alone on its line (its value, if any, on the next). */
export function isLabelOnly(text: string): boolean {
  return ONLY_LABEL.test(simplified(text));
}

/** Two tables of one page (one above the reply, one below it) as one. */
export function joinTables(a: InfoTable, b: InfoTable): InfoTable {
  return { entries: [...a.entries, ...b.entries], bullets: [...a.bullets, ...b.bullets], lines: new Set([...a.lines, ...b.lines]) };
}

/** The value of the first entry with one of these labels that has one. */
export function infoValue(table: InfoTable, ...labels: string[]): InfoEntry | undefined {
  for (const label of labels) {
    const entry = table.entries.find((e) => e.label === label && e.value !== '');
    if (entry) return entry;
  }
  return undefined;
}

/** The entries of a line that starts with a label (or a site name before one), or undefined. Values as printed. */
function entriesOf(text: string, n: number): InfoEntry[] | undefined {
  const form = simplified(text);
  const skip = /^(?:[a-z0-9-]+\.[a-z.]+\s+)?(?:\|\s*)?/iu.exec(form)![0].length;
  const start = form.slice(skip);
  const printed = text.slice(skip);
  if (!startsWithLabel(start)) return undefined;
  const matches = [...start.matchAll(LABEL_AT)];
  if (matches.length === 0) return undefined;
  return matches.map((m, k) => {
    const from = m.index + m[0].length;
    const to = matches[k + 1]?.index ?? start.length;
    const value = printed.slice(from, to).replace(/^[\s|:：]+|[\s|]+$/gu, '');
    return { label: closed(m[1] ?? m[2]!), value, line: n };
  });
}

function startsWithLabel(text: string): boolean {
  return LABEL_FIRST.test(text.replace(/^\|\s*/u, ''));
}

/** Labels whose value is a count: a line of words under one is not its value (an addressee whose colon a scan lost). */
const COUNTS = new Set(['浏览次数', '浏览量', '访问量', '阅读次数', '点击数']);

/** A label's value on its own line: short, no sentence. */
function isValueLine(label: string, text: string): boolean {
  if (label === '内容') return true;
  if (COUNTS.has(label)) return /^\d[\d,，]*\s*次?$/u.test(text.trim());
  return text.length <= 60 && !/[。！？:：]$/u.test(text);
}

function closed(label: string): string {
  return label.replace(/[ \t]+/gu, '');
}
