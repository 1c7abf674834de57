import { describe, expect, it } from 'vitest';
import { finding } from '../../../src/core/checks/types.js';
import { isoDay } from '../../../src/core/dates.js';
import { DocNumber } from '../../../src/core/doc-number.js';
import type { Status } from '../../../src/core/reply.js';
import { decideStatusChange, parseStatusRequest } from '../../../src/core/workflow/status.js';

const signable = (status: Status) => ({ status, docNumber: DocNumber.parse('普发改委〔2023〕16号'), signedOn: isoDay(2023, 5, 18) });
const ask = (wanted: string, force = false, reason?: string) => {
  const parsed = parseStatusRequest({ wanted, force, reason });
  if (!parsed.ok) throw new Error(parsed.refusal);
  return parsed;
};
const clean = () => [];
const titleError = finding('title/missing', 9);
const lateWarning = finding('heading/skip', 22);

describe('a status request, before any reply is looked up', () => {
  it('reads the status in English or Chinese, and keeps a reason trimmed', () => {
    expect(parseStatusRequest({ wanted: '签发', force: false, reason: undefined })).toEqual({ ok: true, to: 'signed', force: false });
    expect(parseStatusRequest({ wanted: 'void', force: false, reason: ' 重复 ' })).toEqual({ ok: true, to: 'void', force: false, reason: '重复' });
  });

  it('refuses an unknown status, an empty reason, and --force without a reason', () => {
    expect(parseStatusRequest({ wanted: 'done', force: false, reason: undefined })).toEqual({ ok: false, refusal: 'unknownStatus' });
    expect(parseStatusRequest({ wanted: 'void', force: false, reason: '  ' })).toEqual({ ok: false, refusal: 'emptyReason' });
    expect(parseStatusRequest({ wanted: 'signed', force: true, reason: undefined })).toEqual({ ok: false, refusal: 'forceNeedsReason' });
  });
});

describe('a change of status, decided', () => {
  it('allows what the workflow allows and names the rest', () => {
    expect(decideStatusChange(signable('draft'), ask('checked'), clean)).toEqual({ ok: true, to: 'checked' });
    expect(decideStatusChange(signable('draft'), ask('sent'), clean)).toEqual({ ok: false, refusal: 'notAllowed', allowed: ['checked', 'signed', 'void'] });
    expect(decideStatusChange(signable('void'), ask('draft'), clean)).toEqual({ ok: false, refusal: 'notAllowed', allowed: [] });
    expect(decideStatusChange(signable('sent'), ask('sent'), clean)).toEqual({ ok: false, refusal: 'same' });
  });

  it('signs only a reply with a doc number and a date, forced or not', () => {
    const unnumbered = { ...signable('draft'), docNumber: null, signedOn: null };
    expect(decideStatusChange(unnumbered, ask('signed', true, '领导要求'), clean)).toEqual({ ok: false, refusal: 'cannotSign', lacking: ['docNumber', 'signedOn'] });
  });

  it('lets no checked or signed step past a check error unless forced with a reason, and then says which were passed', () => {
    const errors = () => [titleError, lateWarning];
    expect(decideStatusChange(signable('draft'), ask('signed'), errors)).toEqual({ ok: false, refusal: 'checkFailed', errors: [titleError] });
    expect(decideStatusChange(signable('draft'), ask('checked'), errors)).toMatchObject({ ok: false, refusal: 'checkFailed' });
    expect(decideStatusChange(signable('draft'), ask('signed', true, '时间紧'), errors)).toEqual({ ok: true, to: 'signed', reason: '时间紧', overridden: [titleError] });
    expect(decideStatusChange(signable('draft'), ask('signed'), () => [lateWarning])).toEqual({ ok: true, to: 'signed' });
  });

  it('runs the check only for the steps it guards', () => {
    let asked = 0;
    const counting = () => (asked++, [titleError]);
    expect(decideStatusChange(signable('signed'), ask('sent'), counting)).toEqual({ ok: true, to: 'sent' });
    expect(decideStatusChange(signable('sent'), ask('void', false, '重复'), counting)).toEqual({ ok: true, to: 'void', reason: '重复' });
    expect(asked).toBe(0);
  });
});

describe('signing a reply without a doc number', () => {
  const unnumbered = { status: 'checked' as Status, docNumber: null, signedOn: isoDay(2023, 5, 18) };

  it('is refused where signing gives no number, and allowed where it does (numbering "sign"); a date is still needed', () => {
    expect(decideStatusChange(unnumbered, ask('signed'), clean)).toEqual({ ok: false, refusal: 'cannotSign', lacking: ['docNumber'] });
    expect(decideStatusChange(unnumbered, ask('signed'), clean, true)).toEqual({ ok: true, to: 'signed' });
    expect(decideStatusChange({ ...unnumbered, signedOn: null }, ask('signed'), clean, true)).toEqual({ ok: false, refusal: 'cannotSign', lacking: ['signedOn'] });
  });
});
