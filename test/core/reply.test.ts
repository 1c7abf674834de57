import { describe, expect, it } from 'vitest';
import { isoDay } from '../../src/core/dates.js';
import {
  assertEditable,
  canTransition,
  isAnswered,
  isGuardedStep,
  issueDate,
  KINDS,
  kindOf,
  STATUSES,
  statusAfterEdit,
  statusOf,
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
    ['signed', 'sent'],
    ['signed', 'void'],
    ['sent', 'published'],
    ['sent', 'void'],
    ['published', 'void'],
  ];

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('allows nothing else: no way back from signed, nothing after void', () => {
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

  it.each(['signed', 'sent', 'published'] as const)('refuses a %s reply unless forced', (status) => {
    expect(replyErrorOf(() => assertEditable({ id: 1, status }, false)).key).toBe('reply.signedFrozen');
    expect(() => assertEditable({ id: 1, status }, true)).not.toThrow();
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
});
