import { describe, expect, it } from 'vitest';
import { day } from '../../helpers/handling.js';
import { decideExtension, isExtensionMonths } from '../../../src/core/workflow/extension.js';

const pending = { state: 'pending' as const, dueOn: day('2023-06-01') };

describe('an extension of the deadline, decided', () => {
  it('moves the deadline in force to the day asked, or some months after it (the 31st falling back to the month\'s end)', () => {
    expect(decideExtension(pending, { to: day('2023-06-15') })).toEqual({ ok: true, to: '2023-06-15' });
    expect(decideExtension(pending, { months: 2 })).toEqual({ ok: true, to: '2023-08-01' });
    expect(decideExtension({ state: 'reopened', dueOn: day('2023-01-31') }, { months: 1 })).toEqual({ ok: true, to: '2023-02-28' });
  });

  it('refuses to move the deadline of a proposal answered, or to a day not later than the one in force', () => {
    expect(decideExtension({ ...pending, state: 'answered' }, { months: 1 })).toEqual({ ok: false, refusal: 'answered' });
    expect(decideExtension(pending, { to: day('2023-06-01') })).toEqual({ ok: false, refusal: 'notLater', to: '2023-06-01', from: '2023-06-01' });
    expect(decideExtension(pending, { to: day('2023-05-20') })).toMatchObject({ ok: false, refusal: 'notLater' });
  });

  it('takes one to 24 whole months', () => {
    expect([0, 1, 24, 25, 1.5, -1].map(isExtensionMonths)).toEqual([false, true, true, false, false, false]);
  });
});
