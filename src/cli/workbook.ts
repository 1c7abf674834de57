import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IsoDate } from '../core/dates.js';
import { ReplyError } from '../core/errors.js';
import type { Context } from './context.js';
import { t } from './messages.js';
import { displayWidth, sheetCell, type Cell, type Column } from './output.js';
import { writeWhole } from './whole-file.js';

/** One sheet of a workbook: its name, header and rows. */
export interface Sheet<T> {
  readonly name: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
}

/** Excel shows no more than this much of a column at once; a longer cell wraps in its width. */
const MAX_COLUMN = 60;
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/**
 * Writes `--xlsx FILE`: each sheet with its header row frozen and bold, columns as wide as their
 * content (by display width: a CJK character takes two), dates as dates and numbers as numbers.
 * exceljs is loaded only here: it takes ~150 ms to load, which no other command pays.
 */
export async function writeWorkbook(ctx: Context, file: string, force: boolean, sheets: readonly Sheet<any>[]): Promise<void> {
  const target = resolve(ctx.cwd, file);
  if (!/\.xlsx$/iu.test(target)) throw new ReplyError('xlsx.badName', { file }, 2);
  if (existsSync(target) && !force) throw new ReplyError('file.exists', { file: target });
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'reply';
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.columns.map((c) => c.header)).font = { bold: true };
    // Each cell taken once, a column at a time: its values fill the rows and size the column.
    const columns = sheet.columns.map((column) => sheet.rows.map((row) => sheetCell(column, row)));
    sheet.rows.forEach((_, r) => ws.addRow(columns.map((cells) => excelValue(cells[r]!))));
    columns.forEach((cells, i) => {
      const x = ws.getColumn(i + 1);
      x.width = Math.min(MAX_COLUMN, Math.max(displayWidth(sheet.columns[i]!.header), ...cells.map((c) => displayWidth(shown(c)))) + 2);
      if (cells.some(isDate)) x.numFmt = DATE_FORMAT;
      x.alignment = { vertical: 'top', wrapText: true };
    });
  }
  await writeWhole(target, (partial) => book.xlsx.writeFile(partial));
  ctx.streams.stderr.write(t('xlsx.written', { file: target, rows: sheets.reduce((n, s) => n + s.rows.length, 0) }) + '\n');
}

const isDate = (cell: Cell): cell is { readonly date: IsoDate } => cell !== null && typeof cell === 'object';

/** A date as Excel keeps it: midnight UTC of that day, so that no time zone moves it to another. */
function excelValue(cell: Cell): string | number | Date | null {
  return isDate(cell) ? new Date(`${cell.date}T00:00:00Z`) : cell;
}

/** What the cell shows, to size its column: a date as 2023年5月18日. */
function shown(cell: Cell): string {
  if (cell === null) return '';
  if (isDate(cell)) return '2023年12月31日';
  return String(cell);
}
