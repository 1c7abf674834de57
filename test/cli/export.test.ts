/**
 * Moving an archive: reply export writes the whole record, a row a line; reply import --format jsonl
 * files it, into an archive that holds nothing yet, exactly as it was.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, workspace } from '../helpers/cli.js';
import Database from 'better-sqlite3';
import { dumpLines } from '../../src/store/dump.js';
import { migrate, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { BODY_000, expectError, lastingWorkspace, listJson, runOk } from './support.js';

/** An archive with something of everything, made through the CLI: a proposal and its deadlines, a reply edited, signed, sent, answered and retracted, imported replies with their sources. */
function richArchive(): string {
  const ws = lastingWorkspace();
  runOk(ws, ['proposal', 'add', '--kind', '提案', '--session', '区政协十五届二次会议', '--number', '152104', '--title', '开发长三角一体化智能数据图表研报平台的建议', '--proposer', '朱莺委员', '--assigned-on', '2023-03-01', '--role', '主办']);
  runOk(ws, ['proposal', 'extend', '152104', '--months', '1', '--reason', '需市级部门协调']);
  runOk(ws, ['new', '--proposal', '152104', '--result', '采纳解决', '--disclosure', '主动公开·全文', '--signed-on', '2023-05-18', '--body', BODY_000]);
  runOk(ws, ['edit', '1', '--set', 'result=部分采纳']);
  expect(runCli(ws, ['status', '1', 'signed', '--force', '--reason', '领导已审定']).code).toBe(0);
  runOk(ws, ['status', '1', 'sent']);
  runOk(ws, ['feedback', '1', '不满意', '--received-on', '2023-06-10']);
  runOk(ws, ['feedback', 'retract', '1', '1', '--reason', '录错']);
  expect(runCli(ws, ['import', join(FIXTURES, 'corpus')]).code).toBe(0);
  return ws;
}

let source: string;
let dump: string;
afterAll(() => rmSync(source, { recursive: true, force: true }));
beforeAll(() => {
  source = richArchive();
  const run = runCli(source, ['export', '--out', 'archive.jsonl']);
  expect(run.code, run.stderr).toBe(0);
  dump = readFileSync(join(source, 'archive.jsonl'), 'utf8');
});

/** What a clerk sees of an archive, through the reading commands. */
function views(ws: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const args of [['list', '--json'], ['show', '1', '--history', '--json'], ['show', '2', '--source'], ['proposal', 'show', '152104', '--json'], ['due', '--as-of', '2023-06-20', '--json'], ['stats', '--year', '2023', '--json'], ['log', '--json', '--limit', '1000'], ['search', '长三角', '--json']]) {
    out[args.join(' ')] = runCli(ws, args).stdout;
  }
  return out;
}

describe('reply export and import --format jsonl', () => {
  it('move an archive exactly: the second export is the first, and every view of it is the same', () => {
    const target = workspace();
    const run = runCli(target, ['import', '--format', 'jsonl', join(source, 'archive.jsonl')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^已从 .*archive\.jsonl 导入整个档案：\d 份答复，共 \d+ 行记录\n$/u);
    expect(runCli(target, ['export']).stdout).toBe(dump);
    const seen = views(source);
    for (const [args, out] of Object.entries(seen)) expect(out.length, args).toBeGreaterThan(50);
    expect(views(target)).toEqual(seen);
    expect(runCli(target, ['doctor']).code).toBe(0);
  });

  it('write one line naming the schema, then one a row, of every table that holds the record', () => {
    const lines = dump.trimEnd().split('\n').map((l) => JSON.parse(l) as { reply?: string; schema?: number; table?: string });
    expect(lines[0]).toEqual({ reply: 'archive', schema: SCHEMA_VERSION });
    const tables = new Set(lines.slice(1).map((l) => l.table));
    for (const table of ['replies', 'revisions', 'events', 'doc_numbers', 'sources', 'proposals', 'deadlines', 'feedback', 'feedback_retractions', 'status_changes']) expect(tables, table).toContain(table);
    expect([...tables].some((t) => t!.startsWith('replies_fts'))).toBe(false);
  });

  it('refuse an archive that holds anything already, and a damaged dump, writing nothing', () => {
    expectError(runCli(source, ['import', '--format', 'jsonl', 'archive.jsonl']), 1, '档案库已有记录');
    const target = workspace();
    const lines = dump.split('\n');
    lines[5] = lines[5]!.slice(0, 20);
    writeFileSync(join(target, 'cut.jsonl'), lines.join('\n'));
    expectError(runCli(target, ['import', '--format', 'jsonl', 'cut.jsonl']), 1, '第 6 行不是一条有效的档案记录', '未导入任何内容');
    writeFileSync(join(target, 'newer.jsonl'), dump.replace(`"schema":${SCHEMA_VERSION}`, `"schema":${SCHEMA_VERSION + 1}`));
    expectError(runCli(target, ['import', '--format', 'jsonl', 'newer.jsonl']), 1, `结构版本 ${SCHEMA_VERSION + 1}`, `版本 1 至 ${SCHEMA_VERSION}`);
    // Rows of today's tables under an earlier schema's name do not fit its tables.
    writeFileSync(join(target, 'other.jsonl'), dump.replace(`"schema":${SCHEMA_VERSION}`, '"schema":7'));
    expectError(runCli(target, ['import', '--format', 'jsonl', 'other.jsonl']), 1, '不是一条有效的档案记录', '未导入任何内容');
    writeFileSync(join(target, 'not.jsonl'), '{"hello":1}\n');
    expectError(runCli(target, ['import', '--format', 'jsonl', 'not.jsonl']), 1, '不是 reply export 导出的档案');
    expect(listJson(target)).toEqual([]);
  });
});

/** The dump of the migration fixture (test/fixtures/archive-v2.sql) as an archive of schema `step` holds it. */
function fixtureDump(step: number): string {
  const file = join(workspace(), 'old.db');
  const db = new Database(file);
  migrate(db, file, 2);
  db.exec(readFileSync(join(FIXTURES, 'archive-v2.sql'), 'utf8'));
  migrate(db, file, step);
  const text = [...dumpLines(db)].join('\n') + '\n';
  db.close();
  return text;
}

describe('reply import --format jsonl of a dump an earlier version wrote', () => {
  it.each([2, 9, SCHEMA_VERSION - 1])('files a dump of schema %i as the current schema steps bring that archive', (step) => {
    const target = workspace();
    writeFileSync(join(target, 'old.jsonl'), fixtureDump(step));
    const run = runCli(target, ['import', '--format', 'jsonl', 'old.jsonl']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^已从 .*old\.jsonl 导入整个档案：5 份答复/u);
    // Exactly the archive that the schema steps make of the old one, row for row.
    expect(runCli(target, ['export']).stdout).toBe(fixtureDump(SCHEMA_VERSION));
    expect(runCli(target, ['doctor']).code).toBe(0);
    // and searched as a current archive is: by its contact, which schema 14 first made searchable
    expect(JSON.parse(runCli(target, ['search', '宋佩颖', '--json']).stdout)).not.toEqual([]);
  });
});
