import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isoDay, type IsoDate } from '../../src/core/dates.js';
import { DocNumber } from '../../src/core/doc-number.js';
import { ReplyError } from '../../src/core/errors.js';
import type { NewReply } from '../../src/core/fields.js';
import { answersProposal } from '../../src/core/proposal.js';
import { parseSearchQuery } from '../../src/core/search-query.js';
import { missingOf, type Reply, type ReplyFields, type UnaddressedFields } from '../../src/core/reply.js';
import { openDatabase } from '../../src/store/db.js';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { SqliteReplies } from '../../src/store/replies.js';
import { tempDir } from '../helpers/cli.js';
import { FakeClock } from '../helpers/clock.js';
import { changed, corpusRecord } from '../helpers/corpus.js';

const PREFIX = '普发改委';

const opened: Database.Database[] = [];
afterEach(() => {
  while (opened.length) {
    const db = opened.pop()!;
    if (db.open) db.close();
  }
});

interface Archive {
  readonly file: string;
  readonly db: Database.Database;
  readonly repo: SqliteReplies;
  readonly clock: FakeClock;
}

function archive(file = join(tempDir(), 'data', 'replies.db')): Archive {
  const clock = new FakeClock();
  const db = openDatabase(file);
  opened.push(db);
  return { file, db, repo: new SqliteReplies(db, clock), clock };
}

/** A separate connection to the same file, as another process would have. */
function rawConnection(file: string): Database.Database {
  const db = new Database(file);
  opened.push(db);
  return db;
}

function counts(db: Database.Database): { replies: number; doc_numbers: number; revisions: number } {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { replies: count('replies'), doc_numbers: count('doc_numbers'), revisions: count('revisions') };
}

/** A new reply from a corpus record, without a doc number unless one is given. */
function draft(overrides: Partial<UnaddressedFields<NewReply>> = {}): NewReply {
  return changed(corpusRecord('000'), { docNumber: null, ...overrides });
}

function signed(date: string): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  return isoDay(y!, m!, d!);
}

function fieldsOf(reply: Reply): ReplyFields {
  const { id: _id, status: _status, createdAt: _c, updatedAt: _u, ...fields } = reply;
  return fields;
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

function expectReplyError(fn: () => unknown, key: string): ReplyError {
  const error = catchError(fn);
  expect(error).toBeInstanceOf(ReplyError);
  expect((error as ReplyError).key).toBe(key);
  return error as ReplyError;
}

describe('SqliteReplies.create: doc number allocation', () => {
  it('numbers on in the lowest gap when the year already holds the largest serial (taken in before serials were bounded)', () => {
    const { repo } = archive();
    const at = (seq: number) => draft({ signedOn: signed('2023-03-01'), docNumber: DocNumber.of(PREFIX, 2023, seq) });
    for (const seq of [1, 2, 4, 99999]) repo.create(at(seq), PREFIX);
    const next = () => repo.create(draft({ signedOn: signed('2023-05-18') }), PREFIX).docNumber!.seq;
    expect([next(), next(), next()]).toEqual([3, 5, 6]);
  });

  it('allocates 1, 2, 3 per (prefix, year), the year taken from the signed date', () => {
    const { repo } = archive();
    // The clock says 2026; the year comes from the signed date all the same.
    const a = repo.create(draft({ signedOn: signed('2021-05-18') }), PREFIX);
    const b = repo.create(draft({ signedOn: signed('2021-12-31') }), PREFIX);
    const c = repo.create(draft({ signedOn: signed('2021-01-01') }), PREFIX);
    expect([a, b, c].map((r) => r.docNumber!.toString())).toEqual([
      '普发改委〔2021〕1号',
      '普发改委〔2021〕2号',
      '普发改委〔2021〕3号',
    ]);
    for (const r of [a, b, c]) {
      expect(r.docNumber!.prefix).toBe(PREFIX);
      expect(r.docNumber!.year).toBe(2021);
      expect(repo.findByDocNumber(r.docNumber!)?.id).toBe(r.id);
    }
  });

  it('counts each year on its own, whatever the order of filing', () => {
    const { repo } = archive();
    const seqs = [
      ['2023-05-18', 2023, 1],
      ['2024-01-02', 2024, 1],
      ['2023-06-01', 2023, 2],
      ['2022-12-31', 2022, 1],
      ['2024-12-31', 2024, 2],
      ['2023-12-31', 2023, 3],
    ] as const;
    for (const [date, year, seq] of seqs) {
      const r = repo.create(draft({ signedOn: signed(date) }), PREFIX);
      expect({ year: r.docNumber!.year, seq: r.docNumber!.seq }).toEqual({ year, seq });
    }
  });

  it('counts each prefix on its own', () => {
    const { repo } = archive();
    const got = [
      repo.create(draft(), '普发改委'),
      repo.create(draft(), '普府'),
      repo.create(draft(), '普发改委'),
      repo.create(draft(), '普府'),
      repo.create(draft(), '普府'),
    ].map((r) => r.docNumber!.toString());
    expect(got).toEqual(['普发改委〔2023〕1号', '普府〔2023〕1号', '普发改委〔2023〕2号', '普府〔2023〕2号', '普府〔2023〕3号']);
  });

  it('accepts an explicit doc number, and the next automatic one is the highest plus one', () => {
    const { repo } = archive();
    expect(repo.create(draft(), PREFIX).docNumber!.seq).toBe(1);
    const explicit = repo.create(draft({ docNumber: DocNumber.of(PREFIX, 2023, 16) }), PREFIX);
    expect(explicit.docNumber!.toString()).toBe('普发改委〔2023〕16号');
    expect(repo.findByDocNumber(DocNumber.of(PREFIX, 2023, 16))?.id).toBe(explicit.id);
    expect(repo.create(draft(), PREFIX).docNumber!.seq).toBe(17);
    // A lower free number may still be taken by hand; the counter does not go back.
    expect(repo.create(draft({ docNumber: DocNumber.of(PREFIX, 2023, 5) }), PREFIX).docNumber!.seq).toBe(5);
    expect(repo.create(draft(), PREFIX).docNumber!.seq).toBe(18);
    // Another year is untouched by the numbers of 2023.
    expect(repo.create(draft({ signedOn: signed('2024-02-01') }), PREFIX).docNumber!.toString()).toBe('普发改委〔2024〕1号');
  });

  it('refuses a doc number that is taken, and writes nothing', () => {
    const { db, repo } = archive();
    const first = repo.create(draft({ docNumber: DocNumber.of(PREFIX, 2023, 16) }), PREFIX);
    repo.create(draft(), PREFIX);
    const before = counts(db);
    const error = expectReplyError(
      () => repo.create(draft({ docNumber: DocNumber.of(PREFIX, 2023, 16), proposalNo: '999999' }), PREFIX),
      'docNumber.taken',
    );
    expect(error.params).toMatchObject({ docNumber: '普发改委〔2023〕16号', id: first.id });
    expect(counts(db)).toEqual(before);
    expect(repo.list({}).some((r) => r.proposalNo === '999999')).toBe(false);
    expect(repo.get(first.id)).toEqual(first);
    // The refusal did not use up a number either.
    expect(repo.create(draft(), PREFIX).docNumber!.seq).toBe(18);
  });

  it('files every new reply as a draft with its creation time', () => {
    const { repo, clock } = archive();
    const r = repo.create(draft(), PREFIX);
    expect(r.status).toBe('draft');
    expect(r.createdAt).toBe(clock.now().toISOString());
    expect(r.updatedAt).toBe(r.createdAt);
  });
});

describe('SqliteReplies.get / findByDocNumber: round trip', () => {
  const ids = ['000', '001', '002', '004'] as const;

  it.each(ids)('keeps every field of corpus reply %s', (id) => {
    const { repo, clock } = archive();
    const record = corpusRecord(id);
    const created = repo.create({ ...record }, record.docNumber.prefix);
    const expected: Reply = {
      ...record,
      id: created.id,
      status: 'draft',
      inferred: [],
      version: created.version,
      createdAt: clock.now().toISOString(),
      updatedAt: clock.now().toISOString(),
    };
    expect(created.version).toBeGreaterThan(0);
    expect(created).toStrictEqual(expected);
    expect(repo.get(created.id)).toStrictEqual(expected);
    expect(repo.findByDocNumber(record.docNumber)).toStrictEqual(expected);
    expect(repo.findByDocNumber(DocNumber.parse(record.docNumber.toString()))).toStrictEqual(expected);
  });

  it('keeps the details the corpus depends on', () => {
    const { repo } = archive();
    const gov = corpusRecord('002');
    const noHeader = corpusRecord('004');
    const labels = corpusRecord('001');
    const a = repo.get(repo.create(gov, gov.docNumber.prefix).id)!;
    const b = repo.get(repo.create(noHeader, noHeader.docNumber.prefix).id)!;
    const c = repo.get(repo.create(labels, labels.docNumber.prefix).id)!;

    expect(a.proposalNo).toBe('0690');
    expect(a.kind).toBe('会办意见');
    expect(a.leadUnit).toBe('市发展改革委');
    expect(a.proposers).toEqual([{ name: '顾薇玲', role: '委员' }]);
    expect(a.cc).toEqual(['市政协提案委', '市政府办公厅建议提案处']);
    expect(a.contact).toEqual({ name: '杨益', phone: '52564588-3335', address: '大渡河路 1668 号 2 号楼 1109 室', postcode: '200333' });
    expect(a.contactLabels).toEqual({ name: '联系人', phone: '联系电话', address: '联系地址', postcode: '邮政编码' });
    expect(a.printingOrgan).toBe('上海市普陀区人民政府办公室');
    expect(a.issuedOn).toBeNull();
    expect(a.salutation).toBeNull();

    expect(b.header).toBeNull();
    expect(b.issuedOn).toBeNull();
    expect(b.docNumber!.toString()).toBe('普发改委〔2021〕9号');

    expect(c.proposers).toEqual([{ name: '经济委员会', role: '集体' }]);
    expect(c.contactLabels.address).toBe('承办单位通讯地址');
    expect(c.header).toBe('上海市普陀区发展和改革委员会文件');
  });

  it('keeps the body verbatim and optional fields when set', () => {
    const { repo } = archive();
    const body = '  首行缩进\r\n**加粗**与“引号”、\'单引号\'和 "双引号"；\t制表符  \n\n\n末尾空格   \n😀后\n';
    const proposers = [
      { name: '朱莺', role: '委员' },
      { name: '李明', role: '代表' },
      { name: '经济委员会', role: '集体' },
    ] as const;
    const r = repo.create(
      draft({
        body,
        proposers,
        proposalNo: '007',
        salutation: '各位委员：',
        // a lead unit is a 会办意见's
        kind: '会办意见',
        leadUnit: '区财政局',
        issuedOn: signed('2023-05-20'),
        header: null,
        contact: {},
        cc: ['甲', '乙', '丙'],
      }),
      PREFIX,
    );
    const back = repo.get(r.id)!;
    expect(back.body).toBe(body);
    expect(back.proposers).toEqual(proposers);
    expect(back.proposalNo).toBe('007');
    expect(back.salutation).toBe('各位委员：');
    expect(back).toMatchObject({ kind: '会办意见', leadUnit: '区财政局' });
    expect(back.issuedOn).toBe('2023-05-20');
    expect(back.header).toBeNull();
    expect(back.contact).toEqual({});
    expect(back.cc).toEqual(['甲', '乙', '丙']);
  });

  it('reads a lead unit an older version stored with a reply to proposers as none, and keeps the row as it is', () => {
    const { file, repo } = archive();
    const r = repo.create(draft(), PREFIX);
    const raw = rawConnection(file);
    raw.prepare("UPDATE replies SET lead_unit = '区财政局' WHERE id = ?").run(r.id);
    expect(repo.get(r.id)).toMatchObject({ kind: '提案答复', leadUnit: null });
    expect(raw.prepare('SELECT lead_unit FROM replies WHERE id = ?').get(r.id)).toEqual({ lead_unit: '区财政局' });
  });

  it('answers undefined for an unknown id or doc number', () => {
    const { repo } = archive();
    repo.create(draft(), PREFIX);
    expect(repo.get(999)).toBeUndefined();
    expect(repo.findByDocNumber(DocNumber.of(PREFIX, 2023, 2))).toBeUndefined();
    expect(repo.findByDocNumber(DocNumber.of('普府', 2023, 1))).toBeUndefined();
    expect(repo.findByDocNumber(DocNumber.of(PREFIX, 2024, 1))).toBeUndefined();
  });
});

describe('SqliteReplies.list', () => {
  function filled() {
    const a = archive();
    const { repo } = a;
    const mk = (o: Partial<NewReply>) => repo.create(draft(o), PREFIX);
    const zhu = [{ name: '朱莺', role: '委员' }] as const;
    const wang = [{ name: '王东伟', role: '委员' }] as const;
    const both = [{ name: '李明', role: '代表' }, { name: '朱莺英', role: '委员' }] as const;
    const econ = [{ name: '经济委员会', role: '集体' }] as const;
    const r = {
      a: mk({ signedOn: signed('2023-05-18'), proposers: zhu, result: '采纳解决' }),
      b: mk({ signedOn: signed('2024-03-01'), proposers: wang, result: '部分采纳', kind: '建议答复' }),
      c: mk({ signedOn: signed('2023-05-18'), proposers: both, result: '留作参考' }),
      d: mk({ signedOn: signed('2023-12-31'), proposers: econ, result: '采纳解决', kind: '会办意见', leadUnit: '市发展改革委' }),
      e: mk({ signedOn: signed('2022-12-31'), proposers: zhu, result: '采纳解决' }),
      f: mk({ signedOn: signed('2024-01-01'), proposers: wang, result: '采纳解决' }),
    };
    const s1 = repo.setStatus(r.c.id, 'signed', r.c.version);
    repo.setStatus(r.c.id, 'sent', s1.version);
    repo.setStatus(r.f.id, 'signed', r.f.version);
    repo.setStatus(r.e.id, 'void', r.e.version);
    return { ...a, r };
  }
  const ids = (list: Reply[]) => list.map((x) => x.id);

  it('lists everything by signed date, newest first, then by id, newest first', () => {
    const { repo, r } = filled();
    expect(ids(repo.list({}))).toEqual([r.b.id, r.f.id, r.d.id, r.c.id, r.a.id, r.e.id]);
  });

  it('filters by the year of the signed date', () => {
    const { repo, r } = filled();
    expect(ids(repo.list({ year: 2023 }))).toEqual([r.d.id, r.c.id, r.a.id]);
    expect(ids(repo.list({ year: 2024 }))).toEqual([r.b.id, r.f.id]);
    expect(ids(repo.list({ year: 2022 }))).toEqual([r.e.id]);
    expect(repo.list({ year: 2021 })).toEqual([]);
  });

  it('filters by the signed day, reading the date index for that day only', () => {
    const { db, repo, r } = filled();
    expect(ids(repo.list({ signedOn: signed('2023-05-18') }))).toEqual([r.c.id, r.a.id]);
    expect(ids(repo.list({ signedOn: signed('2023-12-31') }))).toEqual([r.d.id]);
    expect(repo.list({ signedOn: signed('2023-05-19') })).toEqual([]);
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT id FROM replies WHERE coalesce(signed_on, '') = ? ORDER BY coalesce(signed_on, '') DESC, id DESC").all('2023-05-18') as { detail: string }[]).map((p) => p.detail).join('; ');
    expect(plan).toMatch(/SEARCH replies USING (COVERING )?INDEX replies_signed_on/);
  });

  it('filters by status', () => {
    const { repo, r } = filled();
    expect(ids(repo.list({ status: 'draft' }))).toEqual([r.b.id, r.d.id, r.a.id]);
    expect(ids(repo.list({ status: 'signed' }))).toEqual([r.f.id]);
    expect(ids(repo.list({ status: 'sent' }))).toEqual([r.c.id]);
    expect(ids(repo.list({ status: 'void' }))).toEqual([r.e.id]);
  });

  it('filters by kind', () => {
    const { repo, r } = filled();
    expect(ids(repo.list({ kind: '建议答复' }))).toEqual([r.b.id]);
    expect(ids(repo.list({ kind: '会办意见' }))).toEqual([r.d.id]);
    expect(ids(repo.list({ kind: '提案答复' }))).toEqual([r.f.id, r.c.id, r.a.id, r.e.id]);
  });

  it('filters by result', () => {
    const { repo, r } = filled();
    expect(ids(repo.list({ result: '采纳解决' }))).toEqual([r.f.id, r.d.id, r.a.id, r.e.id]);
    expect(ids(repo.list({ result: '部分采纳' }))).toEqual([r.b.id]);
    expect(repo.list({ result: '采纳' })).toEqual([]);
  });

  it('filters by a substring of any proposer name', () => {
    const { repo, r } = filled();
    expect(ids(repo.list({ proposer: '朱莺' }))).toEqual([r.c.id, r.a.id, r.e.id]);
    expect(ids(repo.list({ proposer: '莺英' }))).toEqual([r.c.id]);
    expect(ids(repo.list({ proposer: '李明' }))).toEqual([r.c.id]);
    expect(ids(repo.list({ proposer: '东' }))).toEqual([r.b.id, r.f.id]);
    expect(ids(repo.list({ proposer: '委员会' }))).toEqual([r.d.id]);
    // The role is not part of the name.
    expect(repo.list({ proposer: '委员' }).map((x) => x.id)).toEqual([r.d.id]);
    expect(repo.list({ proposer: '张三' })).toEqual([]);
  });

  it('combines filters', () => {
    const { repo, r } = filled();
    expect(ids(repo.list({ year: 2023, result: '采纳解决' }))).toEqual([r.d.id, r.a.id]);
    expect(ids(repo.list({ year: 2023, result: '采纳解决', kind: '提案答复' }))).toEqual([r.a.id]);
    expect(ids(repo.list({ proposer: '朱莺', status: 'draft' }))).toEqual([r.a.id]);
    expect(ids(repo.list({ proposer: '王', year: 2024, status: 'signed' }))).toEqual([r.f.id]);
  });

  it('returns full records', () => {
    const { repo, r } = filled();
    const all = repo.list({});
    for (const x of all) expect(x).toStrictEqual(repo.get(x.id));
    expect(all.find((x) => x.id === r.c.id)!.status).toBe('sent');
  });
});

describe('SqliteReplies.update / setStatus / history', () => {
  it('keeps a revision per change, each snapshot equal to the state it records', () => {
    const { repo, clock } = archive();
    const states: Reply[] = [];
    states.push(repo.create(draft(), PREFIX));
    clock.advance(60_000);
    states.push(repo.update(states[0]!.id, { ...fieldsOf(states[0]!), proposalTitle: '新标题', body: '新正文\n' }, states[0]!.version));
    clock.advance(60_000);
    states.push(repo.setStatus(states[0]!.id, 'signed', states[1]!.version));
    clock.advance(60_000);
    states.push(repo.update(states[0]!.id, { ...fieldsOf(states[2]!), cc: ['区政协提案委'], issuedOn: signed('2023-05-19') }, states[2]!.version));
    clock.advance(60_000);
    states.push(repo.setStatus(states[0]!.id, 'sent', states[3]!.version));

    // A second reply's revisions are its own.
    const other = repo.create(draft(), PREFIX);

    const history = repo.history(states[0]!.id);
    expect(history.map((h) => h.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(history.map((h) => h.change)).toEqual(['created', 'edited', 'status', 'edited', 'status']);
    history.forEach((h, i) => {
      expect(h.reply).toStrictEqual(states[i]);
      expect(h.at).toBe(states[i]!.updatedAt);
    });
    expect(history.at(-1)!.reply).toStrictEqual(repo.get(states[0]!.id));

    // What each step changed is what the snapshot shows.
    expect(history[0]!.reply.proposalTitle).toBe(corpusRecord('000').proposalTitle);
    expect(history[1]!.reply.proposalTitle).toBe('新标题');
    expect(history[1]!.reply.body).toBe('新正文\n');
    expect(history.map((h) => h.reply.status)).toEqual(['draft', 'draft', 'signed', 'signed', 'sent']);
    expect(history[3]!.reply.cc).toEqual(['区政协提案委']);
    expect(history[3]!.reply.issuedOn).toBe('2023-05-19');
    expect(new Set(history.map((h) => h.reply.createdAt))).toEqual(new Set([states[0]!.createdAt]));

    expect(repo.history(other.id).map((h) => [h.revision, h.change])).toEqual([[1, 'created']]);
    expect(repo.history(other.id)[0]!.reply).toStrictEqual(other);
    expect(repo.history(12345)).toEqual([]);
  });

  it('orders the changes by their event when the clock does not move, and keeps the clock’s time as it was', () => {
    const { repo, clock } = archive();
    let r = repo.create(draft(), PREFIX);
    const versions = [r.version];
    for (let i = 0; i < 5; i++) {
      r = i % 2 ? repo.setStatus(r.id, i === 1 ? 'signed' : 'sent', r.version) : repo.update(r.id, { ...fieldsOf(r), session: `会议${i}` }, r.version);
      versions.push(r.version);
    }
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    const history = repo.history(r.id);
    expect(history.map((h) => h.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(history.map((h) => h.reply.version)).toEqual(versions);
    expect(history.map((h) => h.reply.session)).toEqual([draft().session, '会议0', '会议0', '会议2', '会议2', '会议4']);
    // No time is made up to keep the order: every change happened at the clock's one instant.
    expect(new Set(history.map((h) => h.at))).toEqual(new Set([clock.now().toISOString()]));
  });

  it('refuses an update or status change made on a stale copy, and writes nothing', () => {
    const { db, repo, clock } = archive();
    const created = repo.create(draft(), PREFIX);
    clock.advance(1000);
    const edited = repo.update(created.id, { ...fieldsOf(created), proposalTitle: '甲' }, created.version);
    const before = counts(db);

    clock.advance(1000);
    expectReplyError(() => repo.update(created.id, { ...fieldsOf(created), proposalTitle: '乙' }, created.version), 'reply.changedMeanwhile');
    expectReplyError(() => repo.setStatus(created.id, 'signed', created.version), 'reply.changedMeanwhile');
    expectReplyError(
      () => repo.update(created.id, { ...fieldsOf(created), docNumber: DocNumber.of(PREFIX, 2023, 40) }, created.version),
      'reply.changedMeanwhile',
    );

    expect(counts(db)).toEqual(before);
    expect(repo.get(created.id)).toStrictEqual(edited);
    expect(repo.history(created.id)).toHaveLength(2);
    // Number 40 was not burnt by the refused edit.
    expect(repo.create(draft(), PREFIX).docNumber!.seq).toBe(2);
  });

  it('refuses to update an unknown reply', () => {
    const { repo } = archive();
    const r = repo.create(draft(), PREFIX);
    expectReplyError(() => repo.update(r.id + 1, fieldsOf(r), r.version), 'reply.notFound');
    expectReplyError(() => repo.setStatus(r.id + 1, 'void', r.version), 'reply.notFound');
  });

  it('burns the old doc number when a reply is renumbered', () => {
    const { db, repo } = archive();
    const one = repo.create(draft(), PREFIX);
    const two = repo.create(draft(), PREFIX);
    const three = repo.create(draft(), PREFIX);
    expect(three.docNumber!.seq).toBe(3);

    // The highest number of 2023 moves to another year: 3 must still never be given again.
    const moved = repo.update(three.id, { ...fieldsOf(three), docNumber: DocNumber.of(PREFIX, 2024, 1) }, three.version);
    expect(moved.docNumber!.toString()).toBe('普发改委〔2024〕1号');
    expect(repo.findByDocNumber(DocNumber.of(PREFIX, 2023, 3))).toBeUndefined();
    expect(repo.findByDocNumber(DocNumber.of(PREFIX, 2024, 1))?.id).toBe(three.id);
    expect(repo.history(three.id).map((h) => h.reply.docNumber!.toString())).toEqual(['普发改委〔2023〕3号', '普发改委〔2024〕1号']);

    const four = repo.create(draft(), PREFIX);
    expect(four.docNumber!.toString()).toBe('普发改委〔2023〕4号');
    expect(repo.create(draft({ signedOn: signed('2024-06-01') }), PREFIX).docNumber!.toString()).toBe('普发改委〔2024〕2号');

    // Claiming the burnt number again is refused as used before (no reply holds it now),
    // for a new reply and for an edit of another one.
    const before = counts(db);
    expectReplyError(() => repo.create(draft({ docNumber: DocNumber.of(PREFIX, 2023, 3) }), PREFIX), 'docNumber.usedBefore');
    expectReplyError(
      () => repo.update(two.id, { ...fieldsOf(two), docNumber: DocNumber.of(PREFIX, 2023, 3) }, two.version),
      'docNumber.usedBefore',
    );
    // Taking a number that a live reply holds is refused too.
    expectReplyError(
      () => repo.update(two.id, { ...fieldsOf(two), docNumber: one.docNumber }, two.version),
      'docNumber.taken',
    );
    // Even the reply that once held it cannot take it back.
    expectReplyError(
      () => repo.update(three.id, { ...fieldsOf(moved), docNumber: DocNumber.of(PREFIX, 2023, 3) }, moved.version),
      'docNumber.usedBefore',
    );
    expect(counts(db)).toEqual(before);
    expect(repo.get(two.id)).toStrictEqual(two);
    expect(repo.get(three.id)).toStrictEqual(moved);

    // The ledger keeps both numbers against the reply.
    const ledger = db
      .prepare('SELECT prefix, year, seq FROM doc_numbers WHERE reply_id = ? ORDER BY year, seq')
      .all(three.id);
    expect(ledger).toEqual([
      { prefix: PREFIX, year: 2023, seq: 3 },
      { prefix: PREFIX, year: 2024, seq: 1 },
    ]);
  });

  it('burns a renumbered number inside the same year', () => {
    const { repo } = archive();
    const one = repo.create(draft(), PREFIX);
    const renumbered = repo.update(one.id, { ...fieldsOf(one), docNumber: DocNumber.of(PREFIX, 2023, 10) }, one.version);
    expect(renumbered.docNumber!.seq).toBe(10);
    expect(repo.create(draft(), PREFIX).docNumber!.seq).toBe(11);
    expectReplyError(() => repo.create(draft({ docNumber: DocNumber.of(PREFIX, 2023, 1) }), PREFIX), 'docNumber.usedBefore');
    expectReplyError(() => repo.create(draft({ docNumber: DocNumber.of(PREFIX, 2023, 10) }), PREFIX), 'docNumber.taken');
  });

  it('does not touch the ledger when an edit keeps the doc number', () => {
    const { db, repo } = archive();
    const r = repo.create(draft(), PREFIX);
    const before = counts(db);
    repo.update(r.id, { ...fieldsOf(r), proposalTitle: '改' }, r.version);
    expect(counts(db)).toEqual({ ...before, revisions: before.revisions + 1 });
  });
});

describe('the archive file', () => {
  it('refuses DELETE on replies, doc_numbers and revisions, and UPDATE on revisions', () => {
    const { file, repo } = archive();
    const r = repo.create(draft(), PREFIX);
    repo.setStatus(r.id, 'void', r.version);
    const raw = rawConnection(file);
    const before = counts(raw);
    for (const sql of [
      'DELETE FROM replies',
      `DELETE FROM replies WHERE id = ${r.id}`,
      'DELETE FROM doc_numbers',
      'DELETE FROM revisions',
      "UPDATE revisions SET revision = 9",
      "UPDATE revisions SET snapshot = '{}'",
      'DELETE FROM events',
      "UPDATE events SET type = 'edited'",
    ]) {
      expect(() => raw.exec(sql), sql).toThrow(/never/);
    }
    expect(counts(raw)).toEqual(before);
    expect(before).toEqual({ replies: 1, doc_numbers: 1, revisions: 1 });
  });

  it('refuses a database made by a newer version of the program', () => {
    const dir = tempDir();
    const file = join(dir, 'replies.db');
    // A newer archive names itself as every archive since schema step 9 does.
    const raw = rawConnection(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const error = expectReplyError(() => opened.push(openDatabase(file)), 'db.tooNew');
    expect(error.params).toMatchObject({ file, version: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
    // Nothing was created in it.
    const check = rawConnection(file);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
  });

  it('opens a database of the current version again without change', () => {
    const { file, repo, db } = archive();
    const r = repo.create(draft(), PREFIX);
    db.close();
    const again = openDatabase(file);
    opened.push(again);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(new SqliteReplies(again, new FakeClock()).get(r.id)).toStrictEqual(r);
  });

  it('creates missing parent folders', () => {
    const dir = tempDir();
    const file = join(dir, 'a', 'b', 'c', 'replies.db');
    expect(existsSync(join(dir, 'a'))).toBe(false);
    const db = openDatabase(file);
    opened.push(db);
    expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('uses WAL journal mode, visible to other connections', () => {
    const { db, file, repo } = archive();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    repo.create(draft(), PREFIX);
    expect(rawConnection(file).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(existsSync(`${file}-wal`)).toBe(true);
  });

  it('turns on foreign keys and a busy timeout', () => {
    const { db } = archive();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });
});

describe('SqliteReplies.summaries', () => {
  it('lists what list lists, in the same order and with the same filters, without the bodies', () => {
    const { repo } = archive();
    repo.create(draft(), PREFIX);
    repo.create(draft({ signedOn: signed('2021-04-19') }), PREFIX);
    repo.create(draft(), PREFIX);
    for (const filter of [{}, { year: 2023 }, { limit: 2 }, { proposer: '朱莺' }]) {
      const full = repo.list(filter);
      const summaries = repo.summaries(filter);
      expect(summaries).toEqual(full.map(({ body: _body, ...rest }) => rest));
      expect(summaries.every((s) => !('body' in s))).toBe(true);
    }
  });
});

/** The ledger rows of a reply: the numbers the office has given it. */
function ledgerOf(db: Database.Database, id: number): string[] {
  return (db.prepare('SELECT prefix, year, seq FROM doc_numbers WHERE reply_id = ? ORDER BY issued_at').all(id) as { prefix: string; year: number; seq: number }[]).map(
    (r) => DocNumber.of(r.prefix, r.year, r.seq).toString(),
  );
}

/** A reply that has none of the needed fields but its kind, title, result and disclosure. */
function bare(overrides: Partial<NewReply> = {}): NewReply {
  return draft({ docNumber: null, signedOn: null, session: null, proposalNo: null, proposers: [], organ: null, ...overrides });
}

describe('SqliteReplies.create: a reply filed without a number (numbering: none)', () => {
  it('keeps no number, enters nothing in the ledger and leaves the next own number as it was', () => {
    const { db, repo } = archive();
    repo.create(draft(), PREFIX); // 普发改委〔2023〕1号
    const none = repo.create(draft(), PREFIX, { numbering: 'none', status: 'sent' });
    expect(none.docNumber).toBeNull();
    expect(repo.get(none.id)!.docNumber).toBeNull();
    expect(ledgerOf(db, none.id)).toEqual([]);
    expect(repo.create(draft(), PREFIX).docNumber!.toString()).toBe('普发改委〔2023〕2号');
  });

  it('without numbering: none, a reply without a number is still given the next one (reply new)', () => {
    const { db, repo } = archive();
    const given = repo.create(draft(), PREFIX);
    expect(given.docNumber!.toString()).toBe('普发改委〔2023〕1号');
    expect(ledgerOf(db, given.id)).toEqual(['普发改委〔2023〕1号']);
  });

  it('files any number of replies without a number (the doc number stays unique where there is one)', () => {
    const { repo } = archive();
    const ids = [1, 2, 3].map(() => repo.create(draft(), PREFIX, { numbering: 'none' }).id);
    expect(ids.map((id) => repo.get(id)!.docNumber)).toEqual([null, null, null]);
  });
});

describe("SqliteReplies.create: another organ's doc number (foreignNumber)", () => {
  const GOV = DocNumber.of('普府', 2023, 19);

  it('is kept on the row and found by it, but not entered in the ledger; the office numbers on as before', () => {
    const { db, repo } = archive();
    repo.create(draft(), PREFIX); // 普发改委〔2023〕1号
    const gov = repo.create(draft({ docNumber: GOV }), PREFIX, { foreignNumber: true, status: 'sent' });
    expect(gov.docNumber!.toString()).toBe('普府〔2023〕19号');
    expect(repo.findByDocNumber(GOV)!.id).toBe(gov.id);
    expect(ledgerOf(db, gov.id)).toEqual([]);
    expect(db.prepare("SELECT count(*) AS n FROM doc_numbers WHERE prefix = '普府'").get()).toEqual({ n: 0 });
    expect(repo.create(draft(), PREFIX).docNumber!.toString()).toBe('普发改委〔2023〕2号');
  });

  it('is held by one reply only', () => {
    const { repo } = archive();
    const first = repo.create(draft({ docNumber: GOV }), PREFIX, { foreignNumber: true });
    const error = expectReplyError(() => repo.create(draft({ docNumber: GOV }), PREFIX, { foreignNumber: true }), 'docNumber.taken');
    expect(error.params).toMatchObject({ docNumber: '普府〔2023〕19号', id: first.id });
  });

  it("a number with the office's own prefix is entered in the ledger all the same, and is never given out again", () => {
    const { db, repo } = archive();
    const own = repo.create(draft({ docNumber: DocNumber.of(PREFIX, 2023, 7) }), PREFIX, { foreignNumber: true });
    expect(ledgerOf(db, own.id)).toEqual(['普发改委〔2023〕7号']);
    expect(repo.create(draft(), PREFIX).docNumber!.toString()).toBe('普发改委〔2023〕8号');
  });

  it("without foreignNumber another organ's number is entered, as before", () => {
    const { db, repo } = archive();
    const gov = repo.create(draft({ docNumber: GOV }), PREFIX);
    expect(ledgerOf(db, gov.id)).toEqual(['普府〔2023〕19号']);
  });
});

describe('SqliteReplies: records without a doc number, a date, a session, a number, proposers or an organ', () => {
  it('keep their nulls and blanks through create, get, list, summaries and history', () => {
    const { repo, clock } = archive();
    const filed = repo.create(bare(), PREFIX, { numbering: 'none' });
    const expected = { docNumber: null, signedOn: null, issuedOn: null, session: null, proposalNo: null, proposers: [], organ: null, inferred: [] };
    expect(filed).toMatchObject(expected);
    expect(repo.get(filed.id)).toStrictEqual(filed);
    expect(repo.list({})).toStrictEqual([filed]);
    const { body: _body, ...summary } = filed;
    expect(repo.summaries({})).toStrictEqual([summary]);
    clock.advance(1000);
    const edited = repo.update(filed.id, { ...fieldsOf(filed), result: '留作参考' }, filed.version);
    expect(edited).toMatchObject({ ...expected, result: '留作参考' });
    // the stored earlier state, with its nulls, reads back as it was
    expect(repo.history(filed.id).map((r) => r.reply)).toStrictEqual([filed, edited]);
  });

  it('a date and a number can be given later, and taken away again (the number stays burnt)', () => {
    const { db, repo } = archive();
    const filed = repo.create(bare(), PREFIX, { numbering: 'none' });
    const numbered = repo.update(filed.id, { ...fieldsOf(filed), docNumber: DocNumber.of(PREFIX, 2023, 5), signedOn: signed('2023-05-18') }, filed.version);
    expect(numbered.docNumber!.toString()).toBe('普发改委〔2023〕5号');
    expect(numbered.signedOn).toBe('2023-05-18');
    expect(ledgerOf(db, filed.id)).toEqual(['普发改委〔2023〕5号']);
    const cleared = repo.update(filed.id, { ...fieldsOf(numbered), docNumber: null }, numbered.version);
    expect(cleared.docNumber).toBeNull();
    expect(ledgerOf(db, filed.id)).toEqual(['普发改委〔2023〕5号']);
    expectReplyError(() => repo.create(draft({ docNumber: DocNumber.of(PREFIX, 2023, 5) }), PREFIX), 'docNumber.usedBefore');
  });

  it("update with ownPrefix keeps another organ's new number out of the ledger and enters the office's own", () => {
    const { db, repo } = archive();
    const a = repo.create(bare(), PREFIX, { numbering: 'none' });
    repo.update(a.id, { ...fieldsOf(a), docNumber: DocNumber.of('普府', 2023, 19) }, a.version, { ownPrefix: PREFIX });
    expect(ledgerOf(db, a.id)).toEqual([]);
    expect(repo.findByDocNumber(DocNumber.of('普府', 2023, 19))!.id).toBe(a.id);
    const b = repo.create(bare(), PREFIX, { numbering: 'none' });
    expectReplyError(
      () => repo.update(b.id, { ...fieldsOf(b), docNumber: DocNumber.of('普府', 2023, 19) }, b.version, { ownPrefix: PREFIX }),
      'docNumber.taken',
    );
    repo.update(b.id, { ...fieldsOf(b), docNumber: DocNumber.of(PREFIX, 2023, 3) }, b.version, { ownPrefix: PREFIX });
    expect(ledgerOf(db, b.id)).toEqual(['普发改委〔2023〕3号']);
  });

  it('come last in date order, newest filed first among them, and belong to no year', () => {
    const { repo } = archive();
    const undated1 = repo.create(bare(), PREFIX, { numbering: 'none' });
    const old = repo.create(draft({ signedOn: signed('2021-01-01') }), PREFIX);
    const undated2 = repo.create(bare(), PREFIX, { numbering: 'none' });
    const recent = repo.create(draft({ signedOn: signed('2023-05-18') }), PREFIX);
    const order = [recent.id, old.id, undated2.id, undated1.id];
    expect(repo.list({}).map((r) => r.id)).toEqual(order);
    expect(repo.summaries({}).map((r) => r.id)).toEqual(order);
    expect(repo.list({ limit: 3 }).map((r) => r.id)).toEqual(order.slice(0, 3));
    expect(repo.list({ year: 2021 }).map((r) => r.id)).toEqual([old.id]);
  });

  it('are found by full-text search, in date order with the undated last', () => {
    const { repo } = archive();
    const undated = repo.create(bare({ body: '无日期的答复：推进低空经济示范区建设。\n' }), PREFIX, { numbering: 'none' });
    const dated = repo.create(draft({ body: '有日期的答复：推进低空经济示范区建设。\n' }), PREFIX);
    const hits = repo.fullText().search(parseSearchQuery('低空经济示范区'), {});
    expect(hits.map((h) => h.reply.id)).toEqual([dated.id, undated.id]);
    expect(repo.fullText().search(parseSearchQuery('低空经济示范区'), { incomplete: true }).map((h) => h.reply.id)).toEqual([undated.id]);
  });
});

describe('SqliteReplies: inferred fields', () => {
  it('are kept as the import gave them', () => {
    const { repo } = archive();
    const filed = repo.create(draft(), PREFIX, { numbering: 'none', inferred: ['organ', 'session', 'organ'] });
    expect(filed.inferred).toEqual(['organ', 'session']);
    expect(repo.get(filed.id)!.inferred).toEqual(['organ', 'session']);
    expect(repo.summaries({})[0]!.inferred).toEqual(['organ', 'session']);
    expect(repo.create(draft(), PREFIX).inferred).toEqual([]);
  });

  it('a field the clerk changes is no longer inferred; one left as it was stays inferred; the revision keeps the list of its time', () => {
    const { repo } = archive();
    const filed = repo.create(draft(), PREFIX, { numbering: 'none', inferred: ['organ', 'session', 'signedOn'] });
    const sameValues = repo.update(filed.id, { ...fieldsOf(filed), result: '留作参考' }, filed.version);
    expect(sameValues.inferred).toEqual(['organ', 'session', 'signedOn']);
    const edited = repo.update(filed.id, { ...fieldsOf(sameValues), organ: '上海市普陀区人民政府', signedOn: signed('2023-06-01') }, sameValues.version);
    expect(edited.inferred).toEqual(['session']);
    expect(repo.get(filed.id)!.inferred).toEqual(['session']);
    expect(repo.history(filed.id).map((r) => r.reply.inferred)).toEqual([
      ['organ', 'session', 'signedOn'],
      ['organ', 'session', 'signedOn'],
      ['session'],
    ]);
  });

  it('a status change keeps them', () => {
    const { repo } = archive();
    const filed = repo.create(draft(), PREFIX, { inferred: ['organ'] });
    expect(repo.setStatus(filed.id, 'void', filed.version).inferred).toEqual(['organ']);
  });
});

describe('SqliteReplies: the incomplete filter', () => {
  it('lists only records that lack a needed field, exactly those missingOf names, with the other filters', () => {
    const { repo } = archive();
    const complete = repo.create(draft(), PREFIX);
    const lacking = {
      proposers: repo.create(draft({ proposers: [] }), PREFIX),
      session: repo.create(draft({ session: null }), PREFIX),
      proposalNo: repo.create(draft({ proposalNo: null }), PREFIX),
      signedOn: repo.create(draft({ signedOn: null }), PREFIX, { numbering: 'none' }),
      organ: repo.create(draft({ organ: null }), PREFIX),
      all: repo.create(bare(), PREFIX, { numbering: 'none' }),
    };
    // the doc number is not needed: a complete record without one is complete
    const noNumber = repo.create(draft(), PREFIX, { numbering: 'none' });
    expect([complete, noNumber].map(missingOf)).toEqual([[], []]);
    expect(lacking.all.signedOn).toBeNull();
    expect(missingOf(lacking.all)).toEqual(['proposers', 'session', 'proposalNo', 'signedOn', 'organ']);
    for (const [field, reply] of Object.entries(lacking)) {
      if (field !== 'all') expect(missingOf(reply), field).toEqual([field]);
    }
    const incomplete = repo.list({ incomplete: true }).map((r) => r.id).sort((a, b) => a - b);
    expect(incomplete).toEqual(Object.values(lacking).map((r) => r.id).sort((a, b) => a - b));
    expect(repo.list({}).filter((r) => missingOf(r).length > 0).map((r) => r.id).sort((a, b) => a - b)).toEqual(incomplete);
    expect(repo.summaries({ incomplete: true }).map((r) => r.id)).toEqual(repo.list({ incomplete: true }).map((r) => r.id));
    expect(repo.list({ incomplete: true, year: 2023 }).map((r) => r.id).sort((a, b) => a - b)).toEqual(
      [lacking.proposers.id, lacking.session.id, lacking.proposalNo.id, lacking.organ.id].sort((a, b) => a - b),
    );
    repo.setStatus(lacking.session.id, 'void', lacking.session.version);
    expect(repo.list({ incomplete: true, status: 'void' }).map((r) => r.id)).toEqual([lacking.session.id]);
  });

  it('a record completed by an edit is no longer listed', () => {
    const { repo } = archive();
    const filed = repo.create(bare(), PREFIX, { numbering: 'none' });
    expect(repo.list({ incomplete: true }).map((r) => r.id)).toEqual([filed.id]);
    const full = corpusRecord('000');
    repo.update(
      filed.id,
      { ...fieldsOf(filed), session: full.session, proposalNo: full.proposalNo, proposers: full.proposers, signedOn: full.signedOn, organ: full.organ },
      filed.version,
    );
    expect(repo.list({ incomplete: true })).toEqual([]);
  });
});

describe('SqliteReplies.answering: by session key and by number without leading zeros', () => {
  const proposal = { session: '区政协十五届二次会议', number: '57' };

  it('finds a reply that words the same sitting otherwise and writes the number with zeros', () => {
    const { repo } = archive();
    const other = repo.create(draft({ session: '政协上海市普陀区第十五届委员会第二次会议', proposalNo: '057' }), PREFIX);
    const same = repo.create(draft({ session: '区政协十五届二次会议', proposalNo: '0057' }), PREFIX);
    expect(repo.answering([proposal]).map((r) => r.id).sort()).toEqual([other.id, same.id].sort());
    expect(repo.answering([{ session: '普陀区政协十五届二次会议', number: '0057' }]).map((r) => r.id).sort()).toEqual([other.id, same.id].sort());
  });

  it('does not find a reply of another sitting, another number, or one without a number', () => {
    const { repo } = archive();
    repo.create(draft({ session: '区政协十五届三次会议', proposalNo: '57' }), PREFIX);
    repo.create(draft({ session: '区政协十四届二次会议', proposalNo: '57' }), PREFIX);
    repo.create(draft({ session: '区政协十五届二次会议', proposalNo: '570' }), PREFIX);
    repo.create(draft({ session: '区政协十五届二次会议', proposalNo: null }), PREFIX);
    expect(repo.answering([proposal])).toEqual([]);
  });

  it('matches by the text when either session names no sitting', () => {
    const { repo } = archive();
    const text = repo.create(draft({ session: '第二次全体会议（普陀）', proposalNo: '57' }), PREFIX);
    repo.create(draft({ session: '第二次全体会议', proposalNo: '57' }), PREFIX);
    expect(repo.answering([{ session: '第二次全体会议（普陀）', number: '057' }]).map((r) => r.id)).toEqual([text.id]);
    // the proposal's session has a key, the reply's has none: by the text, which differs
    expect(repo.answering([proposal]).map((r) => r.id)).toEqual([]);
  });

  it('answers the same as answersProposal, newest signed first', () => {
    const { repo } = archive();
    const a = repo.create(draft({ session: '政协上海市普陀区第十五届委员会第二次会议', proposalNo: '057', signedOn: signed('2023-04-01') }), PREFIX);
    const b = repo.create(draft({ session: '区政协十五届二次会议', proposalNo: '57', signedOn: signed('2023-06-01') }), PREFIX);
    repo.create(draft({ session: '区政协十五届三次会议', proposalNo: '57' }), PREFIX);
    const found = repo.answering([proposal]);
    expect(found.map((r) => r.id)).toEqual([b.id, a.id]);
    expect(repo.summaries({}).filter((r) => answersProposal(r, proposal)).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
  });
});
