import Table from 'cli-table3';

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

/** A borderless, aligned table (CJK characters count double). */
export function table(head: readonly string[] | undefined, rows: readonly (readonly string[])[]): string {
  const t = new Table({
    ...(head ? { head: [...head] } : {}),
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      right: '', 'right-mid': '', middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  t.push(...rows.map((r) => [...r]));
  return t.toString().replace(/[ ]+$/gm, '') + '\n';
}

/** RFC 4180 quoting. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
