import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HANDLING } from '../../src/core/config.js';
import { isoDay } from '../../src/core/dates.js';
import { DocNumber } from '../../src/core/doc-number.js';
import { buildProposal } from '../../src/core/proposal.js';
import { openDatabase } from '../../src/store/db.js';
import { SqliteHandling } from '../../src/store/handling.js';
import { SqliteReplies } from '../../src/store/replies.js';
import { tempDir } from '../helpers/cli.js';
import { FakeClock } from '../helpers/clock.js';
import { corpusRecord } from '../helpers/corpus.js';
import { replyErrorOf } from '../core/support.js';

const opened: Database.Database[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function archive(operator: string | null = null) {
  const clock = new FakeClock(new Date('2023-03-02T08:00:00.000Z'));
  const db = openDatabase(join(tempDir(), 'replies.db'));
  opened.push(db);
  return { db, clock, replies: new SqliteReplies(db, clock, operator), handling: new SqliteHandling(db, clock, operator) };
}

/** 区政协十五届二次会议第152104号, the proposal of corpus reply 000. */
const FIELDS = buildProposal(
  {
    kind: '提案',
    session: '区政协十五届二次会议',
    number: '152104',
    title: '开发长三角一体化智能数据图表研报平台的建议',
    proposers: ['朱莺委员'],
    assignedOn: '2023-03-01',
    role: '主办',
  },
  { handling: DEFAULT_HANDLING },
);

describe('proposals: filed once, with their first deadline', () => {
  it('files a proposal and reads it back by id, by number and by year', () => {
    const { handling } = archive();
    const p = handling.addProposal(FIELDS);
    expect(p).toMatchObject({ ...FIELDS, id: 1, createdAt: '2023-03-02T08:00:00.000Z' });
    expect(p).toMatchObject({ status: 'open', version: expect.any(Number) });
    expect(p.deadlines).toEqual([
      { event: p.version, at: '2023-03-02T08:00:00.000Z', operator: null, dueOn: '2023-06-01', cause: 'assigned', reason: null, feedbackId: null },
    ]);
    expect(handling.proposal(1)).toEqual(p);
    expect(handling.proposalsByNumber('152104')).toEqual([p]);
    expect(handling.proposalsByNumber('152104', '区政协十五届一次会议')).toEqual([]);
    expect(handling.proposals(2023)).toEqual([p]);
    expect(handling.proposals(2024)).toEqual([]);
  });

  it('refuses a second proposal of the same session and number, and writes nothing', () => {
    const { db, handling } = archive();
    handling.addProposal(FIELDS);
    expect(replyErrorOf(() => handling.addProposal({ ...FIELDS, title: '另一件' })).key).toBe('proposal.exists');
    expect(db.prepare('SELECT count(*) AS n FROM deadlines').get()).toEqual({ n: 1 });
    // The same number in another session is another proposal.
    expect(handling.addProposal({ ...FIELDS, session: '区政协十五届三次会议' }).id).toBe(2);
    expect(handling.proposalsByNumber('152104').map((p) => p.session)).toHaveLength(2);
  });

  it('keeps a 会办 proposal with its lead unit, and the database refuses one without', () => {
    const { db, handling } = archive();
    const p = handling.addProposal({ ...FIELDS, role: '会办', leadUnit: '区科委' });
    expect(p).toMatchObject({ role: '会办', leadUnit: '区科委' });
    expect(() =>
      db
        .prepare("INSERT INTO proposals (kind, session, number, title, proposers, assigned_on, role, lead_unit, created_at) VALUES ('提案', 's', '1', 't', '[]', '2023-01-01', '会办', NULL, 'x')")
        .run(),
    ).toThrow(/CHECK/);
  });
});

describe('deadlines: extensions and reopenings are added, never changed', () => {
  it('records an extension with its reason, in order, even within one millisecond (by event; the times are the clock’s)', () => {
    const { handling } = archive();
    const p = handling.addProposal(FIELDS);
    handling.extend(p.id, isoDay(2023, 7, 1), '需市级部门协调');
    const after = handling.extend(p.id, isoDay(2023, 7, 15), '再延半月');
    expect(after.deadlines.map((d) => [d.dueOn, d.cause, d.reason])).toEqual([
      ['2023-06-01', 'assigned', null],
      ['2023-07-01', 'extended', '需市级部门协调'],
      ['2023-07-15', 'extended', '再延半月'],
    ]);
    const events = after.deadlines.map((d) => d.event);
    expect(events).toEqual([...events].sort((a, b) => a - b));
    expect(new Set(events).size).toBe(3);
    expect(new Set(after.deadlines.map((d) => d.at))).toEqual(new Set(['2023-03-02T08:00:00.000Z']));
  });

  it('refuses to extend a proposal that is not there', () => {
    const { handling } = archive();
    expect(replyErrorOf(() => handling.extend(9, isoDay(2023, 7, 1), 'x')).key).toBe('proposal.notFound');
  });

  it('refuses to delete or change a deadline, a proposal or feedback', () => {
    const { db, handling, replies } = archive();
    handling.addProposal(FIELDS);
    const reply = replies.create({ ...corpusRecord('000') }, '普发改委', { status: 'sent' });
    handling.addFeedback({ replyId: reply.id, rating: '满意', note: null, receivedOn: isoDay(2023, 6, 1), reopenDueOn: null });
    expect(() => db.exec('DELETE FROM deadlines')).toThrow(/never deleted/);
    expect(() => db.exec("UPDATE deadlines SET due_on = '2030-01-01'")).toThrow(/never changed/);
    expect(() => db.exec('DELETE FROM proposals')).toThrow(/never deleted/);
    expect(() => db.exec('DELETE FROM feedback')).toThrow(/never deleted/);
    expect(() => db.exec("UPDATE feedback SET rating = '不满意'")).toThrow(/never changed/);
  });
});

describe('feedback: a 不满意 reopens the proposal in the same transaction', () => {
  it('records feedback, and a reopening deadline for the reply’s proposal', () => {
    const { handling, replies, clock } = archive();
    const p = handling.addProposal(FIELDS);
    const reply = replies.create({ ...corpusRecord('000') }, '普发改委', { status: 'sent' });
    clock.advance(1000);
    const f = handling.addFeedback({ replyId: reply.id, rating: '不满意', note: '希望进一步落实', receivedOn: isoDay(2023, 6, 10), reopenDueOn: isoDay(2023, 7, 10) });
    expect(f).toMatchObject({ id: 1, replyId: reply.id, rating: '不满意', note: '希望进一步落实', receivedOn: '2023-06-10' });
    expect(handling.feedback(reply.id)).toEqual([f]);
    expect(handling.proposal(p.id)!.deadlines.at(-1)).toMatchObject({ dueOn: '2023-07-10', cause: 'reopened', reason: null, feedbackId: f.id });
  });

  it('records feedback on a reply whose proposal is not filed, with no deadline', () => {
    const { db, handling, replies } = archive();
    const reply = replies.create({ ...corpusRecord('001') }, '普发改委', { status: 'sent' });
    handling.addFeedback({ replyId: reply.id, rating: '不满意', note: null, receivedOn: isoDay(2023, 6, 10), reopenDueOn: isoDay(2023, 7, 10) });
    expect(handling.feedback()).toHaveLength(1);
    expect(db.prepare('SELECT count(*) AS n FROM deadlines').get()).toEqual({ n: 0 });
  });

  it('refuses feedback on a reply that is not there, and writes nothing', () => {
    const { handling } = archive();
    expect(replyErrorOf(() => handling.addFeedback({ replyId: 5, rating: '满意', note: null, receivedOn: isoDay(2023, 6, 1), reopenDueOn: null })).key).toBe(
      'reply.notFound',
    );
    expect(handling.feedback()).toEqual([]);
  });
});

describe('status changes: every change is logged with its reason and what it overrode', () => {
  it('logs each change; a forced one keeps the reason and the errors it went past', () => {
    const { replies, clock } = archive();
    let reply = replies.create({ ...corpusRecord('000') }, '普发改委');
    clock.advance(1000);
    const overridden = [{ code: 'text/duplicate', line: 47, message: '词语「城市」重复' }];
    reply = replies.setStatus(reply.id, 'signed', reply.version, { reason: '领导已审定', overridden });
    clock.advance(1000);
    reply = replies.setStatus(reply.id, 'sent', reply.version);
    reply = replies.setStatus(reply.id, 'published', reply.version);
    expect(replies.statusChanges(reply.id)).toEqual([
      { event: expect.any(Number), at: '2023-03-02T08:00:01.000Z', operator: null, from: 'draft', to: 'signed', reason: '领导已审定', overridden },
      { event: expect.any(Number), at: '2023-03-02T08:00:02.000Z', operator: null, from: 'signed', to: 'sent' },
      // within one millisecond: the same time, ordered by the event
      { event: expect.any(Number), at: '2023-03-02T08:00:02.000Z', operator: null, from: 'sent', to: 'published' },
    ]);
    // Each status revision is the very event of its logged change.
    const statusRevisions = replies.history(reply.id).filter((r) => r.change === 'status');
    expect(statusRevisions.map((r) => r.reply.version)).toEqual(replies.statusChanges(reply.id).map((c) => c.event));
    expect(statusRevisions.map((r) => r.at)).toEqual(replies.statusChanges(reply.id).map((c) => c.at));
  });

  it('sends an edited checked reply back to draft, keeping the checked state as a revision', () => {
    const { replies } = archive();
    let reply = replies.create({ ...corpusRecord('004') }, '普发改委');
    reply = replies.setStatus(reply.id, 'checked', reply.version);
    reply = replies.update(reply.id, { ...reply, result: '留作参考' }, reply.version);
    expect(reply.status).toBe('draft');
    expect(replies.history(reply.id).map((r) => r.reply.status)).toEqual(['draft', 'checked', 'draft']);
  });
});

describe('who and why: every event names its operator and the reason given', () => {
  it('records the operator of this connection on every change, and the reason where one was given', () => {
    const { db, replies, handling } = archive('王敏');
    const p = handling.addProposal(FIELDS);
    handling.extend(p.id, isoDay(2023, 7, 1), '需市级部门协调');
    let reply = replies.create({ ...corpusRecord('000') }, '普发改委');
    reply = replies.update(reply.id, { ...reply, result: '留作参考' }, reply.version, { reason: '主任意见' });
    reply = replies.setStatus(reply.id, 'void', reply.version, { reason: '重复登记' });
    const log = db.prepare('SELECT type, operator, reason FROM events ORDER BY id').all();
    expect(log).toEqual([
      { type: 'proposed', operator: '王敏', reason: null },
      { type: 'deadline', operator: '王敏', reason: '需市级部门协调' },
      { type: 'created', operator: '王敏', reason: null },
      { type: 'edited', operator: '王敏', reason: '主任意见' },
      { type: 'status', operator: '王敏', reason: '重复登记' },
    ]);
    expect(replies.history(reply.id).map((r) => [r.change, r.operator, r.reason])).toEqual([
      ['created', '王敏', null],
      ['edited', '王敏', '主任意见'],
      ['status', '王敏', '重复登记'],
    ]);
    expect(replies.statusChanges(reply.id)).toMatchObject([{ operator: '王敏', reason: '重复登记' }]);
  });

  it('a revert is logged as one', () => {
    const { replies } = archive('王敏');
    let reply = replies.create({ ...corpusRecord('000') }, '普发改委');
    const first = reply;
    reply = replies.update(reply.id, { ...reply, result: '留作参考' }, reply.version);
    reply = replies.update(reply.id, { ...first }, reply.version, { revert: true, reason: '恢复到第 1 版' });
    expect(replies.history(reply.id).map((r) => r.change)).toEqual(['created', 'edited', 'reverted']);
    expect(reply.result).toBe(first.result);
  });
});

describe('proposals are corrected and withdrawn, never changed in place without a trace', () => {
  it('an edit keeps the state before as a revision, with who and why; the deadlines stay', () => {
    const { handling } = archive('王敏');
    const p = handling.addProposal(FIELDS);
    const edited = handling.editProposal(p.id, { ...FIELDS, title: '开发长三角一体化数据研报平台的建议' }, p.version, '标题录错');
    expect(edited).toMatchObject({ title: '开发长三角一体化数据研报平台的建议', status: 'open', deadlines: p.deadlines });
    expect(edited.version).toBeGreaterThan(p.version);
    const history = handling.proposalHistory(p.id);
    expect(history.map((h) => [h.revision, h.change, h.operator, h.reason, h.proposal.title])).toEqual([
      [1, 'proposed', '王敏', null, FIELDS.title],
      [2, 'proposal-edited', '王敏', '标题录错', '开发长三角一体化数据研报平台的建议'],
    ]);
  });

  it('refuses an edit on a stale version, and one that takes another proposal’s session and number; writes nothing', () => {
    const { db, handling } = archive();
    const p = handling.addProposal(FIELDS);
    const other = handling.addProposal({ ...FIELDS, number: '152105' });
    handling.editProposal(p.id, { ...FIELDS, title: '新标题' }, p.version, '录错');
    const events = db.prepare('SELECT count(*) AS n FROM events').get();
    expect(replyErrorOf(() => handling.editProposal(p.id, { ...FIELDS, title: '再改' }, p.version, '录错')).key).toBe('proposal.changedMeanwhile');
    const now = handling.proposal(p.id)!;
    expect(replyErrorOf(() => handling.editProposal(p.id, { ...FIELDS, number: other.number }, now.version, '录错')).key).toBe('proposal.exists');
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual(events);
    expect(handling.proposalHistory(p.id)).toHaveLength(2);
  });

  it('a withdrawal keeps the proposal, marked withdrawn, with its reason', () => {
    const { db, handling } = archive('王敏');
    const p = handling.addProposal(FIELDS);
    const withdrawn = handling.withdrawProposal(p.id, p.version, '并入第152105号');
    expect(withdrawn.status).toBe('withdrawn');
    expect(handling.proposals()).toHaveLength(1);
    expect(handling.proposalHistory(p.id).at(-1)).toMatchObject({ change: 'withdrawn', reason: '并入第152105号', operator: '王敏' });
    expect(() => db.exec('DELETE FROM proposal_revisions')).toThrow(/never deleted/);
    expect(() => db.exec("UPDATE proposal_revisions SET snapshot = '{}'")).toThrow(/never changed/);
  });
});

describe('feedback recorded by mistake is retracted, never deleted', () => {
  it('marks the answer retracted with who and why; it stays listed', () => {
    const { db, handling, replies } = archive('王敏');
    const reply = replies.create({ ...corpusRecord('000') }, '普发改委', { status: 'sent' });
    const f = handling.addFeedback({ replyId: reply.id, rating: '不满意', note: null, receivedOn: isoDay(2023, 6, 10), reopenDueOn: null });
    const retracted = handling.retractFeedback(f.id, '录入错误，应为满意');
    expect(retracted.retracted).toEqual({ event: expect.any(Number), at: '2023-03-02T08:00:00.000Z', operator: '王敏', reason: '录入错误，应为满意' });
    expect(handling.feedback(reply.id)).toEqual([retracted]);
    expect(replyErrorOf(() => handling.retractFeedback(f.id, '再撤')).key).toBe('feedback.retractedAlready');
    expect(replyErrorOf(() => handling.retractFeedback(99, '没有')).key).toBe('feedback.notFound');
    expect(() => db.exec('DELETE FROM feedback_retractions')).toThrow(/never deleted/);
    expect(() => db.exec('UPDATE feedback_retractions SET feedback_id = 2')).toThrow(/never changed/);
  });
});

describe('answering: the replies to given proposals, by session and number', () => {
  it('finds the replies of the same session and number, void ones included, newest first, without bodies', () => {
    const { replies } = archive();
    const first = replies.create({ ...corpusRecord('000') }, '普发改委', { status: 'sent' });
    const again = replies.create({ ...corpusRecord('000'), docNumber: DocNumber.of('普发改委', 2023, 17), signedOn: isoDay(2023, 6, 1) }, '普发改委');
    replies.setStatus(again.id, 'void', again.version);
    replies.create({ ...corpusRecord('004') }, '普发改委');
    const found = replies.answering([{ session: '区政协十五届二次会议', number: '152104' }]);
    expect(found.map((r) => [r.id, r.status])).toEqual([
      [again.id, 'void'],
      [first.id, 'sent'],
    ]);
    expect(found[0]).not.toHaveProperty('body');
    expect(replies.answering([{ session: '区政协十五届一次会议', number: '152104' }])).toEqual([]);
    expect(replies.answering([])).toEqual([]);
  });
});
