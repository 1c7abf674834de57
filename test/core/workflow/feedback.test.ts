import { describe, expect, it } from 'vitest';
import type { Feedback, Rating } from '../../../src/core/handling.js';
import { decideFeedback } from '../../../src/core/workflow/feedback.js';
import { day, proposal, reply } from '../../helpers/handling.js';

const p = proposal(1);
const first = reply(p, 'sent', '2023-05-18');
const context = (over: Partial<Parameters<typeof decideFeedback>[2]> = {}) => ({ proposal: p, answers: [first], feedback: [], reopenMonths: 1, ...over });
const ask = (rating: Rating, receivedOn: string, today = '2024-12-31') => ({ rating, receivedOn: day(receivedOn), today: day(today) });
const recorded = (rating: Rating, receivedOn: string, replyId = first.id): Feedback => ({ id: 1, event: 1, replyId, rating, note: null, receivedOn: day(receivedOn), at: '2023-06-01T08:00:00.000Z', operator: null, retracted: null });

describe('feedback on a reply, decided', () => {
  it('is taken on a reply that went out, received no earlier than it was signed', () => {
    expect(decideFeedback({ ...first, status: 'signed' }, ask('满意', '2023-06-01'), context())).toEqual({ ok: false, refusal: 'notSent' });
    expect(decideFeedback({ ...first, status: 'void' }, ask('满意', '2023-06-01'), context())).toEqual({ ok: false, refusal: 'notSent' });
    expect(decideFeedback(first, ask('满意', '2023-05-17'), context())).toEqual({ ok: false, refusal: 'beforeSigned' });
    expect(decideFeedback(first, ask('满意', '2023-05-18'), context())).toEqual({ ok: true, reopenDueOn: null, unfollowed: false });
  });

  it('reopens the proposal on a 不满意, due reopenMonths after it came; a 满意 or 基本满意 reopens nothing', () => {
    expect(decideFeedback(first, ask('不满意', '2023-06-10'), context())).toEqual({ ok: true, reopenDueOn: '2023-07-10', unfollowed: false });
    expect(decideFeedback(first, ask('基本满意', '2023-06-10'), context())).toMatchObject({ reopenDueOn: null });
  });

  it('reopens nothing with a 不满意 that does not stand: on a reply a newer one replaced, or received before a later answer', () => {
    const newer = reply(p, 'sent', '2023-07-01');
    expect(decideFeedback(first, ask('不满意', '2023-07-05'), context({ answers: [first, newer] }))).toMatchObject({ ok: true, reopenDueOn: null });
    expect(decideFeedback(first, ask('不满意', '2023-06-10'), context({ feedback: [recorded('满意', '2023-06-20')] }))).toMatchObject({ ok: true, reopenDueOn: null });
  });

  it('outweighs an answer received the same day, recorded before it', () => {
    expect(decideFeedback(first, ask('不满意', '2023-06-20'), context({ feedback: [recorded('满意', '2023-06-20')] }))).toMatchObject({ reopenDueOn: '2023-07-20' });
  });

  it('reopens again, from its own date, on a second 不满意 while the proposal is reopened: the latest answer is the one that stands', () => {
    const reopened = context({ feedback: [recorded('不满意', '2023-06-10')] });
    expect(decideFeedback(first, ask('不满意', '2023-06-25'), reopened)).toEqual({ ok: true, reopenDueOn: '2023-07-25', unfollowed: false });
  });

  it('says a 不满意 on a reply to a proposal the office has not registered cannot be followed, and records no deadline', () => {
    expect(decideFeedback(first, ask('不满意', '2023-06-10'), context({ proposal: undefined, answers: [] }))).toEqual({ ok: true, reopenDueOn: null, unfollowed: true });
  });
});

describe('feedback received after today', () => {
  it('is refused: a mistyped year would reopen or lock the proposal for years', () => {
    expect(decideFeedback(first, ask('不满意', '2062-06-01', '2023-06-10'), context())).toEqual({ ok: false, refusal: 'future' });
    expect(decideFeedback(first, ask('满意', '2023-06-10', '2023-06-10'), context())).toMatchObject({ ok: true });
  });
});
