export type RowFormat = 'table' | 'json' | 'csv';

export interface Column<T> {
  readonly key: string;
  readonly header: string;
  readonly value: (row: T) => string | number;
}

/** The shared --json / --csv / table output of every listing command. */
export function formatRows<T>(rows: readonly T[], columns: readonly Column<T>[], format: RowFormat, json: (row: T) => unknown): string {
  if (format === 'json') return JSON.stringify(rows.map(json), null, 2) + '\n';
  if (format === 'csv') {
    const lines = [columns.map((c) => c.key), ...rows.map((r) => columns.map((c) => String(c.value(r))))];
    return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
  return table(
    columns.map((c) => c.header),
    rows.map((r) => columns.map((c) => String(c.value(r)))),
  );
}

/** Long titles are cut to keep one row per line; --json and --csv keep them whole. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
}

/**
 * A borderless table aligned for the terminal, where CJK characters take two
 * columns. Written here rather than with cli-table3, which spent 100 ms on a
 * 200-row listing measuring widths.
 */
export function table(head: readonly string[] | undefined, rows: readonly (readonly string[])[]): string {
  const all = head ? [head, ...rows] : rows;
  const widths: number[] = [];
  for (const row of all) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, ...cell.split('\n').map(displayWidth))));
  const lines: string[] = [];
  for (const row of all) {
    const cells = row.map((cell) => cell.split('\n'));
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let l = 0; l < height; l++) {
      const line = cells.map((c, i) => pad(c[l] ?? '', widths[i]!)).join('  ');
      lines.push(line.trimEnd());
    }
  }
  return lines.join('\n') + '\n';
}

const ANSI = /\u001b\[[0-9;]*m/g;
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** Columns a string takes on a terminal: colour codes take none, CJK characters two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** RFC 4180 quoting. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
