import { describe, expect, it } from 'vitest';
import { isoDay } from '../../src/core/dates.js';
import {
  assertEditable,
  canTransition,
  needsReason,
  isAnswered,
  isGuardedStep,
  issueDate,
  KINDS,
  kindOf,
  missingOf,
  NEEDED_FIELDS,
  RECORD_FIELDS,
  STATUSES,
  statusAfterEdit,
  statusOf,
  stillInferred,
  unsignable,
  type ReplyFields,
  type Status,
} from '../../src/core/reply.js';
import { replyErrorOf } from './support.js';

describe('kindOf reads the three kinds and their aliases', () => {
  it.each([
    ['提案答复', '提案答复'],
    ['提案', '提案答复'],
    ['proposal-reply', '提案答复'],
    ['建议答复', '建议答复'],
    ['Suggestion', '建议答复'],
    ['deputy', '建议答复'],
    ['会办意见', '会办意见'],
    ['joint', '会办意见'],
    ['  cohandling  ', '会办意见'],
  ])('reads %j as %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it.each(['', '答复', 'memo', '提案 答复'])('knows no kind %j', (text) => {
    expect(kindOf(text)).toBeUndefined();
  });

  it('reads every kind by its own name', () => {
    for (const kind of KINDS) expect(kindOf(kind)).toBe(kind);
  });
});

describe('statusOf reads statuses in English and Chinese', () => {
  it.each([
    ['草稿', 'draft'],
    ['已签发', 'signed'],
    ['签发', 'signed'],
    ['SENT', 'sent'],
    ['已发送', 'sent'],
    ['作废', 'void'],
    ['已核稿', 'checked'],
    ['checked', 'checked'],
    ['已公开', 'published'],
    ['公开', 'published'],
  ])('reads %s as %s', (text, status) => {
    expect(statusOf(text)).toBe(status);
  });

  it('knows no status 归档', () => {
    expect(statusOf('归档')).toBeUndefined();
  });
});

describe('canTransition: drafted, checked, signed, sent, published; any live reply may be voided', () => {
  const allowed: [Status, Status][] = [
    ['draft', 'checked'],
    ['draft', 'signed'],
    ['draft', 'void'],
    ['checked', 'draft'],
    ['checked', 'signed'],
    ['checked', 'void'],
    ['signed', 'draft'],
    ['signed', 'checked'],
    ['signed', 'sent'],
    ['signed', 'void'],
    ['sent', 'published'],
    ['sent', 'void'],
    ['published', 'void'],
  ];

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('allows nothing else: no way back once sent, nothing after void', () => {
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it('guards checked and signed by the format check, nothing else', () => {
    expect(STATUSES.filter(isGuardedStep)).toEqual(['checked', 'signed']);
  });

  it('counts sent and published replies as answered', () => {
    expect(STATUSES.filter(isAnswered)).toEqual(['sent', 'published']);
  });
});

describe('editing: a checked reply goes back to draft; signed ones need force; void ones never', () => {
  it('returns a checked reply to draft and leaves the others', () => {
    expect(STATUSES.map((s) => [s, statusAfterEdit(s)])).toEqual([
      ['draft', 'draft'],
      ['checked', 'draft'],
      ['signed', 'signed'],
      ['sent', 'sent'],
      ['published', 'published'],
      ['void', 'void'],
    ]);
  });

  it.each(['draft', 'checked'] as const)('lets a %s reply be edited', (status) => {
    expect(() => assertEditable({ id: 1, status }, false)).not.toThrow();
  });

  it.each(['signed', 'sent', 'published'] as const)('refuses a %s reply unless forced, with a reason', (status) => {
    expect(replyErrorOf(() => assertEditable({ id: 1, status }, false)).key).toBe('reply.signedFrozen');
    expect(replyErrorOf(() => assertEditable({ id: 1, status }, true)).key).toBe('reply.forceNeedsReason');
    expect(replyErrorOf(() => assertEditable({ id: 1, status }, true, '  ')).key).toBe('reply.forceNeedsReason');
    expect(() => assertEditable({ id: 1, status }, true, '主任审定后更正')).not.toThrow();
  });

  it('asks a reason to void a reply, or to take a signed one back; no other step', () => {
    const needing = STATUSES.flatMap((from) => STATUSES.filter((to) => canTransition(from, to) && needsReason(from, to)).map((to) => `${from}→${to}`));
    expect(needing).toEqual(['draft→void', 'checked→void', 'signed→draft', 'signed→checked', 'signed→void', 'sent→void', 'published→void']);
  });

  it('refuses a void reply even when forced', () => {
    expect(replyErrorOf(() => assertEditable({ id: 1, status: 'void' }, true)).key).toBe('reply.voidFrozen');
  });
});

describe('issueDate is the issued date, else the signed date', () => {
  const base = { signedOn: isoDay(2023, 5, 18), issuedOn: null } as unknown as ReplyFields;

  it('falls back to the signed date', () => {
    expect(issueDate(base)).toBe('2023-05-18');
  });

  it('takes the issued date when there is one', () => {
    expect(issueDate({ ...base, issuedOn: isoDay(2023, 5, 22) })).toBe('2023-05-22');
  });

  it('is null when neither is known', () => {
    expect(issueDate({ ...base, signedOn: null })).toBeNull();
  });
});

/** A complete record, as far as missingOf looks at it. */
const complete = {
  proposers: [{ name: '朱莺', role: '委员' }],
  session: '区政协十五届二次会议',
  proposalNo: '152104',
  signedOn: isoDay(2023, 5, 18),
  organ: '上海市普陀区发展和改革委员会',
  docNumber: null,
} as unknown as ReplyFields;

describe('missingOf names the needed fields a record lacks', () => {
  it('names none for a complete record, even one without a doc number', () => {
    expect(missingOf(complete)).toEqual([]);
  });

  it('names each needed field that is empty, in the order proposers, session, proposalNo, signedOn, organ', () => {
    expect(missingOf({ ...complete, organ: null, signedOn: null, proposalNo: null, session: null, proposers: [] })).toEqual([
      'proposers', 'session', 'proposalNo', 'signedOn', 'organ',
    ]);
    expect(missingOf({ ...complete, signedOn: null, session: null })).toEqual(['session', 'signedOn']);
    expect(NEEDED_FIELDS).toEqual(['proposers', 'session', 'proposalNo', 'signedOn', 'organ']);
  });

  it('never names the doc number, which is a record field all the same', () => {
    expect(RECORD_FIELDS).toContain('docNumber');
    expect(NEEDED_FIELDS).not.toContain('docNumber' as never);
  });
});

describe('stillInferred: a field the clerk changes is no longer inferred', () => {
  it('keeps the fields whose values did not change, drops those that did', () => {
    const after = { ...complete, organ: '上海市普陀区人民政府' } as ReplyFields;
    expect(stillInferred(['organ', 'session'], complete, after)).toEqual(['session']);
    expect(stillInferred(['organ', 'session'], complete, complete)).toEqual(['organ', 'session']);
  });

  it('compares dates, proposers and doc numbers by value', () => {
    const copy = { ...complete, proposers: [{ name: '朱莺', role: '委员' }], signedOn: isoDay(2023, 5, 18) } as ReplyFields;
    expect(stillInferred(['proposers', 'signedOn', 'docNumber'], complete, copy)).toEqual(['proposers', 'signedOn', 'docNumber']);
    expect(stillInferred(['signedOn'], complete, { ...complete, signedOn: isoDay(2023, 5, 19) })).toEqual([]);
  });
});

describe('unsignable: a reply is signed under a doc number and a date', () => {
  it('names what signing lacks', () => {
    expect(unsignable(complete)).toEqual(['docNumber']);
    expect(unsignable({ ...complete, signedOn: null })).toEqual(['docNumber', 'signedOn']);
    expect(unsignable({ docNumber: {} as never, signedOn: isoDay(2023, 5, 18) })).toEqual([]);
  });
});
