import { describe, expect, it } from 'vitest';
import { dueList, handlingOf, latestOf, ratingOf, type Feedback, type Rating } from '../../src/core/handling.js';
import type { ReplySummary } from '../../src/core/reply.js';
import { computeStats } from '../../src/core/stats.js';
import { day, proposal, reply } from '../helpers/handling.js';


let nextFeedback = 1;
function feedback(r: ReplySummary, rating: Rating, receivedOn: string, at = `${receivedOn}T09:00:00.000Z`): Feedback {
  const id = nextFeedback++;
  return { id, event: 1000 + id, replyId: r.id, rating, note: null, receivedOn: day(receivedOn), at, operator: null, retracted: null };
}

describe('a reply on its due day', () => {
  it('is on time when signed on the due day itself, late the day after', () => {
    const p = proposal(90);
    expect(handlingOf(p, [reply(p, 'sent', '2023-06-01')], [], day('2023-06-10')).onTime).toBe(true);
    expect(handlingOf(p, [reply(p, 'sent', '2023-06-02')], [], day('2023-06-10')).onTime).toBe(false);
  });
});

describe('handlingOf: where a proposal stands', () => {
  it('is pending until a reply has gone out; drafts and signed replies do not answer', () => {
    const p = proposal(1);
    const replies = [reply(p, 'draft', '2023-05-10'), reply(p, 'signed', '2023-05-12')];
    const h = handlingOf(p, replies, [], day('2023-05-25'));
    expect(h).toMatchObject({ state: 'pending', dueOn: '2023-06-01', daysLeft: 7, overdue: false, firstAnsweredOn: null, onTime: null });
    expect(h.replies.map((r) => r.status)).toEqual(['signed', 'draft']);
  });

  it('is answered by a sent or published reply, on time when signed by the due date', () => {
    const p = proposal(2);
    expect(handlingOf(p, [reply(p, 'sent', '2023-05-18')], [], day('2023-07-01'))).toMatchObject({
      state: 'answered',
      firstAnsweredOn: '2023-05-18',
      onTime: true,
      overdue: false,
    });
    expect(handlingOf(p, [reply(p, 'published', '2023-06-02')], [], day('2023-07-01'))).toMatchObject({ state: 'answered', onTime: false });
  });

  it('is overdue once past the due date while open', () => {
    const p = proposal(3);
    expect(handlingOf(p, [], [], day('2023-06-04'))).toMatchObject({ state: 'pending', daysLeft: -3, overdue: true });
    expect(handlingOf(p, [], [], day('2023-06-01'))).toMatchObject({ daysLeft: 0, overdue: false });
  });

  it('does not count a void reply, nor one of another proposal', () => {
    const p = proposal(4);
    const other = proposal(5);
    const h = handlingOf(p, [reply(p, 'void', '2023-05-01'), reply(other, 'sent', '2023-05-01')], [], day('2023-05-02'));
    expect(h.state).toBe('pending');
    expect(h.replies).toEqual([]);
  });

  it('follows the latest deadline: an extension moves the due date, and on-time is judged against it', () => {
    const p = proposal(6, {
      deadlines: [
        { event: 1, at: '2023-03-01T08:00:00.000Z', dueOn: day('2023-06-01'), cause: 'assigned', reason: null, operator: null, feedbackId: null },
        { event: 2, at: '2023-05-20T08:00:00.000Z', dueOn: day('2023-07-01'), cause: 'extended', reason: '需市级部门协调', operator: null, feedbackId: null },
      ],
    });
    expect(handlingOf(p, [], [], day('2023-06-10'))).toMatchObject({ dueOn: '2023-07-01', daysLeft: 21, overdue: false });
    expect(handlingOf(p, [reply(p, 'sent', '2023-06-20')], [], day('2023-06-30')).onTime).toBe(true);
  });

  it('reopens on a 不满意 to the latest reply sent, with the reopening due date; a later 满意 closes it again', () => {
    const p = proposal(7, {
      deadlines: [
        { event: 3, at: '2023-03-01T08:00:00.000Z', dueOn: day('2023-06-01'), cause: 'assigned', reason: null, operator: null, feedbackId: null },
        { event: 4, at: '2023-06-10T08:00:00.000Z', dueOn: day('2023-07-10'), cause: 'reopened', reason: 'feedback:1', operator: null, feedbackId: null },
      ],
    });
    const first = reply(p, 'sent', '2023-05-18');
    const unhappy = feedback(first, '不满意', '2023-06-10');
    const reopened = handlingOf(p, [first], [unhappy], day('2023-06-20'));
    expect(reopened).toMatchObject({ state: 'reopened', dueOn: '2023-07-10', daysLeft: 20, onTime: true, feedback: unhappy });

    // The second answer goes out: the handling is answered again, whatever the first reply's feedback.
    const second = reply(p, 'sent', '2023-07-05');
    expect(handlingOf(p, [first, second], [unhappy], day('2023-07-06')).state).toBe('answered');
    // A 满意 received after the 不满意 stands over it.
    expect(handlingOf(p, [first], [unhappy, feedback(first, '满意', '2023-06-15')], day('2023-06-20')).state).toBe('answered');
    // …but one received before it, even if recorded later, does not.
    expect(handlingOf(p, [first], [unhappy, feedback(first, '满意', '2023-06-01', '2023-06-30T00:00:00.000Z')], day('2023-06-20')).state).toBe(
      'reopened',
    );
  });
});

describe('handlingOf: replies without a signed date', () => {
  it('lists them after the dated ones, and takes the first dated answer as the first answer', () => {
    const p = proposal(8);
    const undated = reply(p, 'sent', '2023-05-01', { signedOn: null });
    const dated = reply(p, 'sent', '2023-05-18');
    const h = handlingOf(p, [undated, dated], [], day('2023-07-01'));
    expect(h.replies.map((r) => r.id)).toEqual([dated.id, undated.id]);
    expect(h).toMatchObject({ state: 'answered', firstAnsweredOn: '2023-05-18', onTime: true });
  });

  it('an answer without a date answers the proposal, but is neither on time nor late', () => {
    const p = proposal(9);
    expect(handlingOf(p, [reply(p, 'sent', '2023-05-01', { signedOn: null })], [], day('2023-07-01'))).toMatchObject({
      state: 'answered',
      firstAnsweredOn: null,
      onTime: null,
    });
  });
});

describe('dueList: open proposals, soonest first', () => {
  const a = proposal(11, { deadlines: [{ event: 5, at: 'a', dueOn: day('2023-06-10'), cause: 'assigned', reason: null, operator: null, feedbackId: null }] });
  const b = proposal(12, { deadlines: [{ event: 6, at: 'a', dueOn: day('2023-05-20'), cause: 'assigned', reason: null, operator: null, feedbackId: null }] });
  const c = proposal(13, { deadlines: [{ event: 7, at: 'a', dueOn: day('2023-06-01'), cause: 'assigned', reason: null, operator: null, feedbackId: null }] });
  const today = day('2023-05-25');
  const handlings = [a, b, c].map((p) => handlingOf(p, p === c ? [reply(p, 'sent', '2023-05-18')] : [], [], today));

  it('leaves out the answered, and puts the overdue first', () => {
    expect(dueList(handlings).map((h) => [h.proposal.id, h.daysLeft, h.overdue])).toEqual([
      [12, -5, true],
      [11, 16, false],
    ]);
  });

  it('keeps those due within the days given, overdue ones included', () => {
    expect(dueList(handlings, 10).map((h) => h.proposal.id)).toEqual([12]);
    expect(dueList(handlings, 16).map((h) => h.proposal.id)).toEqual([12, 11]);
  });
});

describe('feedback ratings', () => {
  it('reads the three answers and their English names', () => {
    expect(['满意', '基本满意', '不满意', 'satisfied', 'dissatisfied'].map(ratingOf)).toEqual(['满意', '基本满意', '不满意', '满意', '不满意']);
    expect(ratingOf('很好')).toBeUndefined();
  });

  it('takes the answer received last as the one that stands', () => {
    const p = proposal(20);
    const r = reply(p, 'sent', '2023-05-18');
    const x = feedback(r, '基本满意', '2023-06-02');
    const y = feedback(r, '满意', '2023-06-02', '2023-06-02T10:00:00.000Z');
    expect(latestOf([y, x, feedback(r, '不满意', '2023-06-01')])).toBe(y);
    expect(latestOf([])).toBeUndefined();
  });
});

describe('computeStats: the figures of a known archive', () => {
  const p2023 = [proposal(31, { assignedOn: day('2023-03-01') }), proposal(32, { assignedOn: day('2023-03-01') }), proposal(33, { assignedOn: day('2023-03-01') })];
  const p2024 = proposal(34, { assignedOn: day('2024-03-01'), deadlines: [{ event: 8, at: 'a', dueOn: day('2024-06-01'), cause: 'assigned', reason: null, operator: null, feedbackId: null }] });
  const replies = [
    reply(p2023[0]!, 'sent', '2023-05-18', { result: '解决或采纳' }),
    reply(p2023[1]!, 'published', '2023-06-20', { result: '采纳解决', kind: '会办意见' }),
    reply(p2023[2]!, 'draft', '2023-05-30', { result: '留作参考' }),
    reply(p2023[2]!, 'void', '2023-05-01', { result: '解决或采纳' }),
    reply(p2024, 'sent', '2024-05-01', { result: '列入计划拟解决', kind: '建议答复' }),
    reply(p2024, 'signed', '2024-05-02', { result: '自定结果' }),
  ];
  const fb = [feedback(replies[0]!, '满意', '2023-06-01'), feedback(replies[1]!, '基本满意', '2023-07-01'), feedback(replies[4]!, '不满意', '2024-05-10')];
  const today = day('2024-06-05');
  const handlings = [...p2023, p2024].map((p) => handlingOf(p, replies, fb, today));
  const input = {
    replies,
    handlings,
    feedback: fb,
    results: ['解决或采纳', '采纳解决', '部分采纳', '列入计划拟解决', '留作参考'],
    adoptedResults: ['解决或采纳', '采纳解决'],
  };

  it('counts the whole archive', () => {
    const s = computeStats(input);
    expect(s.replies).toBe(5);
    // The draft's 留作参考 is no result yet: the four signed, sent or published replies are counted, the draft apart.
    expect(s.unsigned).toBe(1);
    expect(s.byResult.map((c) => [c.label, c.count])).toEqual([
      ['解决或采纳', 1],
      ['采纳解决', 1],
      ['部分采纳', 0],
      ['列入计划拟解决', 1],
      ['留作参考', 0],
      ['自定结果', 1],
    ]);
    expect(s.adopted).toEqual({ label: 'adopted', count: 2, base: 4, of: 'signed', share: 0.5 });
    expect(s.byKind.map((c) => c.count)).toEqual([3, 1, 1]);
    expect(Object.fromEntries(s.byStatus.map((c) => [c.label, c.count]))).toEqual({ draft: 1, checked: 0, signed: 1, sent: 2, published: 1, void: 1 });
    expect(s.proposals).toEqual({
      total: 4,
      answered: 2,
      pending: 1,
      reopened: 1,
      overdue: 2,
      onTime: { label: 'onTime', count: 2, base: 3, of: 'answeredEver', share: 2 / 3 },
    });
    expect(s.feedback.byRating.map((c) => c.count)).toEqual([1, 1, 1]);
    expect(s.feedback.satisfied).toEqual({ label: 'satisfied', count: 2, base: 3, of: 'rated', share: 2 / 3 });
  });

  it('counts a year: replies by signed date, proposals by assigned date', () => {
    const s = computeStats({ ...input, year: 2023 });
    expect(s.year).toBe(2023);
    expect(s.replies).toBe(3);
    // Both signed replies of 2023 are adopted; the draft is not counted under 办理结果.
    expect(s.adopted).toMatchObject({ count: 2, base: 2, share: 1 });
    expect(s.byStatus.find((c) => c.label === 'void')!.count).toBe(1);
    expect(s.proposals).toMatchObject({ total: 3, answered: 2, pending: 1, reopened: 0, overdue: 1 });
    expect(s.proposals.onTime).toMatchObject({ count: 1, share: 0.5 });
    expect(s.feedback.total).toBe(2);
  });

  it('puts a reply without a signed date in no year, but counts it in the whole archive', () => {
    const undated = reply(p2023[0]!, 'sent', '2023-05-18', { signedOn: null, result: '解决或采纳' });
    const withUndated = { ...input, replies: [...replies, undated] };
    expect(computeStats(withUndated).replies).toBe(6);
    expect(computeStats({ ...withUndated, year: 2023 }).replies).toBe(3);
  });

  it('gives shares of 0, not NaN, for an empty year', () => {
    const s = computeStats({ ...input, year: 2020 });
    expect(s.replies).toBe(0);
    expect(s.adopted.share).toBe(0);
    expect(s.proposals.onTime.share).toBe(0);
    expect(s.feedback.satisfied.share).toBe(0);
  });
});
