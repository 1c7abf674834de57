import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/checks/index.js';
import { finding } from '../../../src/core/checks/types.js';
import { DEFAULT_HANDLING } from '../../../src/core/config.js';
import type { IsoDate } from '../../../src/core/dates.js';
import { buildProposal } from '../../../src/core/proposal.js';
import type { Reply } from '../../../src/core/reply.js';
import { Workflow, type StatusOutcome } from '../../../src/core/workflow/service.js';
import { dueList } from '../../../src/core/handling.js';
import { parseStatusRequest } from '../../../src/core/workflow/status.js';
import { openDatabase } from '../../../src/store/db.js';
import { SqliteHandling } from '../../../src/store/handling.js';
import { SqliteReplies } from '../../../src/store/replies.js';
import { SqliteLog } from '../../../src/store/events.js';
import { FakeClock } from '../../helpers/clock.js';
import { corpusRecord } from '../../helpers/corpus.js';
import { ReplyError } from '../../../src/core/errors.js';

const day = (text: string) => text as IsoDate;
const opened: Database.Database[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

/** The workflow over an archive in memory, a clock the test moves and a checker that reports what it is told. */
function office(options: { errors?: Finding[]; archive?: boolean } = {}) {
  const db = openDatabase(':memory:');
  opened.push(db);
  const clock = new FakeClock(new Date('2023-05-18T08:00:00.000Z'));
  const replies = new SqliteReplies(db, clock, '王敏');
  const handling = new SqliteHandling(db, clock, '王敏');
  const log = new SqliteLog(db);
  const opens = { replies: 0, checker: 0 };
  const workflow = new Workflow({
    replies: async () => (opens.replies++, replies),
    handling: async () => (opens.replies++, handling),
    log: async () => (opens.replies++, log),
    exists: () => options.archive ?? true,
    checker: async () => (opens.checker++, { findings: () => options.errors ?? [] }),
    clock,
    docPrefix: () => '普发改委',
  });
  const counts = () =>
    Object.fromEntries(
      ['replies', 'revisions', 'status_changes', 'feedback', 'deadlines', 'events', 'feedback_retractions', 'proposal_revisions'].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
    );
  return { workflow, replies, handling, clock, opens, counts };
}

/** The ReplyError a use case is refused with. */
async function refusal(run: Promise<unknown>): Promise<ReplyError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ReplyError) return error;
    throw error;
  }
  throw new Error('expected a ReplyError, but nothing was thrown');
}

const request = (wanted: string, force = false, reason?: string) => {
  const parsed = parseStatusRequest({ wanted, force, reason });
  if (!parsed.ok) throw new Error(parsed.refusal);
  return parsed;
};

/** Corpus reply 000 (普发改委〔2023〕16号), filed as a draft, and its proposal registered. */
function filed(o: ReturnType<typeof office>, proposal = true): Reply {
  if (proposal) {
    o.handling.addProposal(
      buildProposal(
        { kind: '提案', session: '区政协十五届二次会议', number: '152104', title: '开发长三角一体化智能数据图表研报平台的建议', proposers: ['朱莺委员'], assignedOn: '2023-03-01', role: '主办' },
        { handling: DEFAULT_HANDLING },
      ),
    );
  }
  return o.replies.create({ ...corpusRecord('000') }, '普发改委');
}

async function sent(o: ReturnType<typeof office>, reply: Reply): Promise<Reply> {
  let r = reply;
  for (const to of ['checked', 'signed', 'sent']) {
    const outcome = await o.workflow.changeStatus(r, request(to));
    if (!outcome.ok) throw new Error(outcome.refusal);
    r = outcome.reply;
  }
  return r;
}

describe('Workflow.reply / proposal: lookups', () => {
  it('finds a reply by id and by its doc number as typed, with or without the office’s prefix', async () => {
    const o = office();
    const r = filed(o);
    expect((await o.workflow.reply(String(r.id))).id).toBe(r.id);
    expect((await o.workflow.reply('普发改委〔2023〕16号')).id).toBe(r.id);
    expect((await o.workflow.reply('2023-16')).id).toBe(r.id);
    expect((await refusal(o.workflow.reply('99'))).key).toBe('reply.notFound');
    expect((await refusal(o.workflow.reply('第几号'))).key).toBe('reply.badId');
  });

  it('finds nothing, and opens no archive, where there is none yet', async () => {
    const o = office({ archive: false });
    expect((await refusal(o.workflow.reply('1'))).key).toBe('reply.notFound');
    expect((await refusal(o.workflow.proposal('152104'))).key).toBe('proposal.notFound');
    expect(o.opens.replies).toBe(0);
  });

  it('finds a proposal by number, by 第…号 and by register id', async () => {
    const o = office();
    filed(o);
    for (const ref of ['152104', '第152104号', '#1']) expect((await o.workflow.proposal(ref)).number).toBe('152104');
  });
});

describe('Workflow.changeStatus: the check gate, --force, and nothing written on a refusal', () => {
  it('moves a clean draft on, asking the checker only for a guarded step', async () => {
    const o = office();
    const r = filed(o);
    const checked = await o.workflow.changeStatus(r, request('checked'));
    expect(checked).toMatchObject({ ok: true, from: 'draft', reply: { status: 'checked' }, note: {} });
    expect(o.opens.checker).toBe(1);
    const voided = await o.workflow.changeStatus(checked.ok ? checked.reply : r, request('void', false, '重复登记'));
    expect(voided.ok).toBe(true);
    expect(o.opens.checker).toBe(1);
  });

  it('refuses a step the check fails, and writes nothing', async () => {
    const errors = [finding('punctuation/half-width', 12, { char: ',' })];
    const o = office({ errors });
    const r = filed(o);
    const before = o.counts();
    expect(await o.workflow.changeStatus(r, request('checked'))).toEqual({ ok: false, refusal: 'checkFailed', errors });
    expect(o.counts()).toEqual(before);
  });

  it('a forced step keeps the reason and what it went past, as codes and message keys', async () => {
    const errors = [finding('punctuation/half-width', 12, { char: ',' })];
    const o = office({ errors });
    const r = filed(o);
    const outcome = await o.workflow.changeStatus(r, request('checked', true, '领导已审定'));
    expect(outcome.ok).toBe(true);
    const [change] = o.replies.statusChanges(r.id);
    expect(change).toMatchObject({ from: 'draft', to: 'checked', reason: '领导已审定', overridden: [{ code: 'punctuation/half-width', line: 12, key: errors[0]!.key, params: { char: ',' } }] });
  });

  it('refuses an illegal step and one on a reply changed meanwhile, writing nothing', async () => {
    const o = office();
    const r = filed(o);
    expect(await o.workflow.changeStatus(r, request('sent'))).toMatchObject({ ok: false, refusal: 'notAllowed' });
    await o.workflow.changeStatus(r, request('checked'));
    const before = o.counts();
    // r is the draft as it was before the step just taken (voiding needs a reason: given)
    expect((await refusal(o.workflow.changeStatus(r, request('void', false, '重复登记')))).key).toBe('reply.changedMeanwhile');
    expect(o.counts()).toEqual(before);
  });
});

describe('Workflow.recordFeedback: taken on a reply that went out; a 不满意 that stands reopens, in one transaction', () => {
  it('refuses feedback on a draft, and one received before the reply was signed', async () => {
    const o = office();
    const r = filed(o);
    const before = o.counts();
    expect(await o.workflow.recordFeedback(r, { rating: '满意', receivedOn: day('2023-06-01'), note: null, reopenMonths: 1 })).toEqual({ ok: false, refusal: 'notSent' });
    const out = await sent(o, r);
    const afterSending = o.counts();
    expect(await o.workflow.recordFeedback(out, { rating: '满意', receivedOn: day('2023-05-01'), note: null, reopenMonths: 1 })).toEqual({ ok: false, refusal: 'beforeSigned' });
    expect(o.counts()).toEqual(afterSending);
    expect(before.feedback).toBe(0);
  });

  it('a 不满意 on the latest reply sent reopens its proposal, reopenMonths after it came', async () => {
    const o = office();
    const out = await sent(o, filed(o));
    o.clock.advance(30 * 86_400_000); // the answer comes in June
    const outcome = await o.workflow.recordFeedback(out, { rating: '不满意', receivedOn: day('2023-06-10'), note: '措施不具体', reopenMonths: 1 });
    expect(outcome).toMatchObject({ ok: true, reopenDueOn: '2023-07-10', unfollowed: false, filed: { rating: '不满意', note: '措施不具体' } });
    const [handling] = await o.workflow.handlings([await o.workflow.proposal('152104')], day('2023-06-20'));
    expect(handling).toMatchObject({ state: 'reopened', dueOn: '2023-07-10' });
  });

  it('a 不满意 on a reply to a proposal nobody registered is kept, and says it reopens nothing that is followed', async () => {
    const o = office();
    const out = await sent(o, filed(o, false));
    o.clock.advance(30 * 86_400_000);
    expect(await o.workflow.recordFeedback(out, { rating: '不满意', receivedOn: day('2023-06-10'), note: null, reopenMonths: 1 })).toMatchObject({
      ok: true,
      reopenDueOn: null,
      unfollowed: true,
    });
    expect(o.counts().deadlines).toBe(0);
  });
});

describe('Workflow.extend: a later deadline for a proposal not yet answered', () => {
  it('extends, and refuses a day not later than the one in force or an answered proposal', async () => {
    const o = office();
    const r = filed(o);
    const proposal = await o.workflow.proposal('152104');
    expect(await o.workflow.extend(proposal, { to: day('2023-05-01') }, '需协调', day('2023-05-20'))).toEqual({
      ok: false,
      refusal: 'notLater',
      to: '2023-05-01',
      from: '2023-06-01',
    });
    const outcome = await o.workflow.extend(proposal, { months: 1 }, '需协调', day('2023-05-20'));
    expect(outcome).toMatchObject({ ok: true, before: { dueOn: '2023-06-01' }, after: { dueOn: '2023-07-01' } });
    await sent(o, r);
    const before = o.counts();
    expect(await o.workflow.extend(await o.workflow.proposal('152104'), { months: 1 }, '再延', day('2023-05-20'))).toEqual({ ok: false, refusal: 'answered' });
    expect(o.counts()).toEqual(before);
  });
});

describe('Workflow.fix: what is mechanical, saved as an edit', () => {
  it('saves the repaired body as a revision, and does nothing when nothing needs it', async () => {
    const o = office();
    // Corpus reply 000 as published writes a heading's brackets half-width: (二)
    const published = filed(o);
    const clean = (await o.workflow.fix(published, false))!.reply;
    expect(clean.body).toContain('（二）');
    expect(await o.workflow.fix(clean, false)).toBeUndefined();
    const sloppy = o.replies.update(clean.id, { ...clean, body: clean.body.replace('收悉，', '收悉,') }, clean.version);
    const fixed = await o.workflow.fix(sloppy, false);
    expect(fixed).toMatchObject({ revision: 4 });
    expect(fixed!.reply.body).toBe(clean.body);
    expect(o.replies.history(clean.id).map((h) => h.change)).toEqual(['created', 'edited', 'edited', 'edited']);
  });

  it('fixes a reply that went out only when forced', async () => {
    const o = office();
    const out = await sent(o, filed(o));
    expect((await refusal(o.workflow.fix(out, false))).key).toBe('reply.signedFrozen');
  });
});

describe('Workflow.changeStatus: numbers at signing', () => {
  const unnumbered = (o: ReturnType<typeof office>) => o.replies.create({ ...corpusRecord('004'), docNumber: null }, '普发改委', { numbering: 'none' });

  it('gives a reply without a number the next of the office’s prefix and the signed year as it is signed, in the same change', async () => {
    const o = office();
    const r = unnumbered(o);
    const outcome = await o.workflow.changeStatus(r, request('signed'), { prefix: '普发改委', atSigning: true });
    expect(outcome.ok && outcome.reply.docNumber?.toString()).toBe('普发改委〔2021〕1号');
    expect(o.replies.history(r.id).map((h) => h.reply.docNumber?.toString() ?? null)).toEqual([null, '普发改委〔2021〕1号']);
  });

  it('takes a number given, and refuses one for a step that gives none, writing nothing', async () => {
    const o = office();
    const r = unnumbered(o);
    const given = (await import('../../../src/core/doc-number.js')).DocNumber.parse('2021-16', '普发改委');
    const before = o.counts();
    expect(await o.workflow.changeStatus(r, request('checked'), { prefix: '普发改委', docNumber: given })).toEqual({ ok: false, refusal: 'numberNotNeeded' });
    expect(o.counts()).toEqual(before);
    const outcome = await o.workflow.changeStatus(r, request('signed'), { prefix: '普发改委', docNumber: given });
    expect(outcome.ok && outcome.reply.docNumber?.toString()).toBe('普发改委〔2021〕16号');
  });

  it('an office numbering its drafts does not number at signing: a reply without one cannot be signed', async () => {
    const o = office();
    expect(await o.workflow.changeStatus(unnumbered(o), request('signed'), { prefix: '普发改委', atSigning: false })).toEqual({
      ok: false,
      refusal: 'cannotSign',
      lacking: ['docNumber'],
    });
  });
});

describe('Workflow: steps back and voiding need a reason; a signed reply taken back keeps its number', () => {
  it('refuses to void, or to take a signed reply back, without a reason, writing nothing', async () => {
    const o = office();
    const signed = (await o.workflow.changeStatus(filed(o), request('signed'))) as Extract<StatusOutcome, { ok: true }>;
    const before = o.counts();
    expect(await o.workflow.changeStatus(signed.reply, request('void'))).toEqual({ ok: false, refusal: 'needsReason' });
    expect(await o.workflow.changeStatus(signed.reply, request('draft'))).toEqual({ ok: false, refusal: 'needsReason' });
    expect(o.counts()).toEqual(before);
  });

  it('takes a signed reply back to draft for correction, keeping its number; signing again gives none new', async () => {
    const o = office();
    const r = o.replies.create({ ...corpusRecord('004'), docNumber: null }, '普发改委', { numbering: 'none' });
    const numbering = { prefix: '普发改委', atSigning: true };
    const signed = (await o.workflow.changeStatus(r, request('signed'), numbering)) as Extract<StatusOutcome, { ok: true }>;
    const back = await o.workflow.changeStatus(signed.reply, request('draft', false, '错别字'), numbering);
    expect(back).toMatchObject({ ok: true, reply: { status: 'draft', docNumber: signed.reply.docNumber } });
    const again = await o.workflow.changeStatus((back as typeof signed).reply, request('signed'), numbering);
    expect(again.ok && again.reply.docNumber?.toString()).toBe(signed.reply.docNumber!.toString());
    expect(o.replies.statusChanges(r.id).map((c) => [c.to, c.reason ?? null, c.operator])).toEqual([
      ['signed', null, '王敏'],
      ['draft', '错别字', '王敏'],
      ['signed', null, '王敏'],
    ]);
  });
});

describe('Workflow.edit and revert: a new revision each, a signed text changed only with --force and a reason', () => {
  it('refuses to force an edit of a reply that went out without a reason; with one, the reason is on its revision', async () => {
    const o = office();
    const out = await sent(o, filed(o));
    const next = { ...out, result: '留作参考' };
    expect((await refusal(o.workflow.edit(out, next))).key).toBe('reply.signedFrozen');
    expect((await refusal(o.workflow.edit(out, next, { force: true }))).key).toBe('reply.forceNeedsReason');
    const edited = await o.workflow.edit(out, next, { force: true, reason: '办理结果录错' });
    expect(edited).toMatchObject({ reply: { result: '留作参考' }, revision: 5 });
    expect(o.replies.history(out.id).at(-1)).toMatchObject({ change: 'edited', operator: '王敏', reason: '办理结果录错' });
  });

  it('reverts to an earlier revision: a new revision equal to it, the number kept, nothing removed', async () => {
    const o = office();
    const r = filed(o);
    const first = await o.workflow.edit(r, { ...r, result: '留作参考' });
    const second = await o.workflow.edit((first as { reply: Reply }).reply, { ...r, result: '正在解决', body: r.body + '\n特此说明。' });
    const now = (second as { reply: Reply }).reply;
    const reverted = await o.workflow.revert(now, 1);
    expect(reverted).toMatchObject({ revision: 4, reply: { result: r.result, body: r.body, docNumber: r.docNumber } });
    expect(o.replies.history(r.id).map((h) => h.change)).toEqual(['created', 'edited', 'edited', 'reverted']);
    const latest = (reverted as { reply: Reply }).reply;
    expect(await o.workflow.revert(latest, 1)).toEqual({ ok: false, refusal: 'noChange' });
    expect(await o.workflow.revert(latest, 9)).toEqual({ ok: false, refusal: 'noRevision', revisions: 4 });
  });
});

describe('Workflow.retractFeedback: an answer recorded by mistake counts no more, and its reopening with it', () => {
  it('a retracted 不满意 no longer reopens the proposal: the deadline in force is the earlier one again', async () => {
    const o = office();
    const out = await sent(o, filed(o));
    o.clock.advance(30 * 86_400_000);
    await o.workflow.recordFeedback(out, { rating: '不满意', receivedOn: day('2023-06-10'), note: null, reopenMonths: 1 });
    const outcome = await o.workflow.retractFeedback(out, 1, '录错，应为满意');
    expect(outcome).toMatchObject({ ok: true, retracted: { rating: '不满意', retracted: { reason: '录错，应为满意', operator: '王敏' } } });
    const [handling] = await o.workflow.handlings([await o.workflow.proposal('152104')], day('2023-06-20'));
    expect(handling).toMatchObject({ state: 'answered', dueOn: '2023-06-01', feedback: null });
    const before = o.counts();
    expect(await o.workflow.retractFeedback(out, 1, '再撤')).toEqual({ ok: false, refusal: 'retractedAlready' });
    expect(await o.workflow.retractFeedback(out, 2, '没有')).toEqual({ ok: false, refusal: 'noFeedback', count: 1 });
    expect(o.counts()).toEqual(before);
  });
});

describe('Workflow.editProposal and withdrawProposal', () => {
  it('corrects a proposal with a reason, and a withdrawn one is out of what is due', async () => {
    const o = office();
    filed(o);
    const p = await o.workflow.proposal('152104');
    expect(await o.workflow.editProposal(p, p, '无')).toEqual({ ok: false, refusal: 'noChange' });
    const edited = await o.workflow.editProposal(p, { ...p, title: '开发长三角一体化数据研报平台的建议' }, '标题录错');
    expect(edited).toMatchObject({ ok: true, proposal: { title: '开发长三角一体化数据研报平台的建议' } });
    const withdrawn = await o.workflow.withdrawProposal((edited as { proposal: typeof p }).proposal, '并案');
    expect(withdrawn).toMatchObject({ ok: true, proposal: { status: 'withdrawn' } });
    const [handling] = await o.workflow.allHandlings(day('2023-07-01'));
    expect(handling).toMatchObject({ state: 'withdrawn', overdue: false });
    expect(dueList([handling!])).toEqual([]);
    const gone = (withdrawn as { proposal: typeof p }).proposal;
    expect(await o.workflow.withdrawProposal(gone, '再撤')).toEqual({ ok: false, refusal: 'withdrawnAlready' });
    expect(await o.workflow.editProposal(gone, { ...gone, title: 'x' }, '改')).toEqual({ ok: false, refusal: 'withdrawnAlready' });
    expect(await o.workflow.extend(gone, { months: 1 }, '延', day('2023-05-20'))).toEqual({ ok: false, refusal: 'withdrawn' });
  });
});

describe('Workflow.log: every change, newest first, with who and why', () => {
  it('lists the changes of the archive and of one reply, by operator and since a time', async () => {
    const o = office();
    const r = filed(o);
    const other = o.replies.create({ ...corpusRecord('004') }, '普发改委');
    await o.workflow.changeStatus(other, request('void', false, '重复'));
    const all = await o.workflow.log({ limit: 50 });
    expect(all.map((e) => [e.type, e.replyId, e.proposalId, e.operator])).toEqual([
      ['status', other.id, null, '王敏'],
      ['created', other.id, null, '王敏'],
      ['created', r.id, null, '王敏'],
      ['proposed', null, 1, '王敏'],
    ]);
    expect(all[0]).toMatchObject({ from: 'draft', to: 'void', reason: '重复' });
    expect((await o.workflow.log({ limit: 50, replyId: r.id })).map((e) => e.type)).toEqual(['created']);
    expect(await o.workflow.log({ limit: 50, by: '李强' })).toEqual([]);
    expect(await o.workflow.log({ limit: 1 })).toHaveLength(1);
    expect(await o.workflow.log({ limit: 50, since: '2030-01-01T00:00:00.000Z' })).toEqual([]);
  });
});
