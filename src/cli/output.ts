import stringWidth from 'string-width';
import type { IsoDate } from '../core/dates.js';
import { ReplyError } from '../core/errors.js';
import { ANSI, plainWidth } from './width.js';

/**
 * How a listing is printed: a table for the terminal, JSON or CSV for a script (`raw`: machine keys
 * and values, as before), CSV for Excel (`sheet`: Chinese headers and values, with a byte order mark).
 */
export type RowFormat = 'table' | 'json' | 'sheet' | 'raw';

/** The output flags of a listing: --json, --csv (for Excel; --raw for scripts), --xlsx FILE. */
export function rowFormat(opts: {
  json?: boolean | undefined;
  csv?: boolean | undefined;
  raw?: boolean | undefined;
  xlsx?: string | undefined;
  force?: boolean | undefined;
}): RowFormat {
  const given = [opts.json && '--json', opts.csv && '--csv', opts.xlsx !== undefined && '--xlsx'].filter(Boolean);
  if (given.length > 1) throw new ReplyError('option.oneOutput', { options: given.join('、') }, 2);
  if (opts.raw && !opts.csv) throw new ReplyError('option.rawWithCsv', {}, 2);
  // --force overwrites the workbook: without one it would be taken and do nothing, which hides a mistyped command.
  if (opts.force && opts.xlsx === undefined) throw new ReplyError('option.forceWithXlsx', {}, 2);
  if (opts.json) return 'json';
  if (opts.csv) return opts.raw ? 'raw' : 'sheet';
  return 'table';
}

/** A cell of a sheet (CSV for Excel, a workbook): a date stays a date, a number a number; null is empty. */
export type Cell = string | number | { readonly date: IsoDate } | null;

export interface Column<T> {
  /** The machine name: the header of --csv --raw. */
  readonly key: string;
  /** The header a person reads: the table's, the sheet's. */
  readonly header: string;
  /** The cell as the table shows it. */
  readonly value: (row: T) => string | number;
  /** The cell of a sheet; the table's text when not given. */
  readonly sheet?: (row: T) => Cell;
  /** The cell of --csv --raw; the sheet's (a date as 2023-05-18) when not given. */
  readonly raw?: (row: T) => string | number | null;
  /**
   * How the column gives up width when the table is wider than the terminal: `first` (a title) before
   * any other, `then` (names, a result) after it; a column without one (a number, a date) is kept whole.
   */
  readonly shrink?: 'first' | 'then';
  /**
   * A column a narrow terminal may do without (the day a proposal was assigned, beside the day it is due):
   * left out, lowest first, while the table would not fit even with every other column given up, rather
   * than cutting a date or a state to 202… . Kept in --json, --csv and sheets.
   */
  readonly optional?: number;
}

/** The shared --json / --csv / table output of every listing command. */
export function formatRows<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  format: RowFormat,
  json: (row: T) => unknown,
  width?: number,
): string {
  if (format === 'json') return JSON.stringify(rows.map(json), null, 2) + '\n';
  if (format === 'raw') return csv([columns.map((c) => c.key), ...rows.map((r) => columns.map((c) => rawCell(c, r)))]);
  if (format === 'sheet') return sheetCsv(columns.map((c) => c.header), rows.map((r) => columns.map((c) => cellText(sheetCell(c, r)))));
  const texts = rows.map((r) => columns.map((c) => String(c.value(r))));
  const shown = width === undefined ? columns.map((_, i) => i) : columnsThatFit(columns, texts, width);
  return table(
    shown.map((i) => columns[i]!.header),
    texts.map((cells) => shown.map((i) => cells[i]!)),
    width === undefined ? {} : { width, give: givingPlan(shown.map((i) => columns[i]!.shrink)) },
  );
}

/** The columns a table of this width shows: all, or all but the optional ones it cannot hold (Column.optional). */
function columnsThatFit<T>(columns: readonly Column<T>[], texts: readonly (readonly string[])[], width: number): number[] {
  const least = columns.map((c, i) => {
    const widest = Math.max(displayWidth(c.header), ...texts.map((cells) => Math.max(...cells[i]!.split('\n').map(displayWidth))));
    return c.shrink ? Math.min(widest, SHRUNK) : widest;
  });
  const shown = columns.map((_, i) => i);
  const needed = () => shown.reduce((n, i) => n + least[i]!, 0) + GAP * (shown.length - 1);
  const optional = shown.filter((i) => columns[i]!.optional !== undefined).sort((a, b) => columns[a]!.optional! - columns[b]!.optional!);
  for (const i of optional) {
    if (needed() <= width) break;
    shown.splice(shown.indexOf(i), 1);
  }
  return shown;
}

export function sheetCell<T>(column: Column<T>, row: T): Cell {
  return column.sheet ? column.sheet(row) : column.value(row);
}

function rawCell<T>(column: Column<T>, row: T): string {
  const value = column.raw ? column.raw(row) : cellText(sheetCell(column, row));
  return value === null ? '' : String(value);
}

/** A cell as CSV text: a date as 2023-05-18, which Excel reads as a date. */
function cellText(cell: Cell): string {
  if (cell === null) return '';
  return typeof cell === 'object' ? cell.date : String(cell);
}

/** CSV that Excel on a Chinese Windows opens as UTF-8: a byte order mark first. */
export function sheetCsv(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + csv([head, ...rows]);
}

/** RFC 4180 CSV of lines of cells. */
export function csv(lines: readonly (readonly string[])[]): string {
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Cuts a text to a display width (CJK characters take two columns), with an ellipsis when cut. */
export function clipWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

/** One step of fitting a table: column `index` gives up width down to `min`. */
export interface Give {
  readonly index: number;
  readonly min: number;
}

/**
 * The order columns give up width in: a title down to 16 columns (it still says what it is about),
 * then names and results down to 8, then the title down to 8.
 */
function givingPlan(shrinks: readonly ('first' | 'then' | undefined)[]): Give[] {
  const of = (kind: 'first' | 'then', min: number) => shrinks.flatMap((s, index) => (s === kind ? [{ index, min }] : []));
  return [...of('first', 16), ...of('then', SHRUNK), ...of('first', SHRUNK)];
}

/** The least width a column that gives gives up to. */
const SHRUNK = 8;

export const GAP = 2;

/**
 * A borderless table aligned for the terminal, where CJK characters take two
 * columns. Written here rather than with cli-table3, which spent 100 ms on a
 * 200-row listing measuring widths. Given a width (the terminal's), the columns
 * give up width as the plan says (givingPlan), then the last ones if need be.
 */
export function table(head: readonly string[] | undefined, rows: readonly (readonly string[])[], fit: { width?: number; give?: readonly Give[] } = {}): string {
  const all = head ? [head, ...rows] : rows;
  // Each line of each cell measured once: the widths set the columns, then pad and cut the cells.
  const cells = all.map((row) => row.map((cell) => cell.split('\n').map((text) => ({ text, width: displayWidth(text) }))));
  const widths: number[] = [];
  for (const row of cells) row.forEach((lines, i) => (widths[i] = Math.max(widths[i] ?? 0, ...lines.map((l) => l.width))));
  const fitted = fit.width === undefined ? widths : fittedWidths(widths, fit.width, fit.give ?? []);
  const lines: string[] = [];
  for (const row of cells) {
    const height = Math.max(1, ...row.map((c) => c.length));
    for (let l = 0; l < height; l++) {
      const line = row
        .map((c, i) => {
          const cell = c[l] ?? { text: '', width: 0 };
          const room = fitted[i]!;
          if (cell.width <= room) return cell.text + ' '.repeat(room - cell.width);
          const cut = clipColoured(cell.text, room);
          return cut + ' '.repeat(Math.max(0, room - displayWidth(cut)));
        })
        .join(' '.repeat(GAP));
      lines.push(line.trimEnd());
    }
  }
  return lines.join('\n') + '\n';
}

/** Column widths that add up to the terminal's: the plan's columns give in turn; then, if need be, the last ones. */
function fittedWidths(widths: readonly number[], width: number, give: readonly Give[]): number[] {
  const out = [...widths];
  const excess = () => out.reduce((a, b) => a + b, 0) + GAP * (out.length - 1) - width;
  for (const { index, min } of give) if (excess() > 0) out[index] = Math.max(Math.min(min, out[index]!), out[index]! - excess());
  for (let i = out.length - 1; i >= 0 && excess() > 0; i--) out[i] = Math.max(Math.min(4, out[i]!), out[i]! - excess());
  return out;
}

/** A cell cut to a width; a coloured one keeps its colour codes around what is left. */
function clipColoured(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const codes = text.match(ANSI) ?? [];
  const plain = clipWidth(text.replace(ANSI, ''), width);
  return codes.length >= 2 ? `${codes[0]}${plain}${codes[codes.length - 1]}` : plain;
}

/** What only string-width measures right: escapes other than colour, combining marks, joiners, emoji. */
const COMPLEX = /[\u0000-\u001f\u007f-\u009f\u0300-\u036f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufe00-\ufe0f\u{1f000}-\u{1faff}\u{e0000}-\u{e007f}]/u;

/**
 * Columns a string takes on a terminal: colour codes take none, CJK characters two. string-width
 * measures what needs a grapheme's rules; the East Asian wide ranges count the rest, as string-width
 * took 300 ms where they take 25 on a listing of 2,000 rows.
 */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  return COMPLEX.test(plain) ? stringWidth(plain) : plainWidth(plain);
}

/** RFC 4180 quoting. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
