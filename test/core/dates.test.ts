import { describe, expect, it } from 'vitest';
import { chineseDate, dateParts, dayOf, isoDay, parseDate, type IsoDate } from '../../src/core/dates.js';
import { issuesOf } from './support.js';

describe('parseDate reads every form clerks write', () => {
  it.each([
    ['2023-05-18', 'ISO'],
    ['2023-5-18', 'ISO without zeros'],
    ['2023/5/18', 'slashes'],
    ['2023/05/18', 'slashes with zeros'],
    ['2023.5.18', 'dots'],
    ['2023年5月18日', 'Chinese'],
    ['2023年05月18日', 'Chinese with zeros'],
    ['2023 年 5 月 18 日', 'Chinese with spaces, as in corpus 002'],
    ['20230518', 'compact'],
    ['  2023-05-18\n', 'surrounding blanks'],
  ])('reads %j (%s) as 2023-05-18', (input) => {
    expect(parseDate(input, 'signed-on')).toBe('2023-05-18');
  });

  it('reads the signed date of corpus 001 (2023年4月27日)', () => {
    expect(parseDate('2023年4月27日', 'signed-on')).toBe('2023-04-27');
  });

  it('reads 29 February of a leap year', () => {
    expect(parseDate('2024-02-29', 'signed-on')).toBe('2024-02-29');
  });
});

describe('parseDate refuses days that do not exist (date.noSuchDay)', () => {
  it('refuses 2023-02-30 and names the field given', () => {
    expect(issuesOf(() => parseDate('2023-02-30', 'issued-on'))).toEqual([
      { field: 'issued-on', key: 'date.noSuchDay', params: { value: '2023-02-30' } },
    ]);
  });

  it.each(['2023-02-29', '2023年2月30日', '2023-04-31', '2023-13-01', '2023-00-10', '2023-05-00', '20230532'])(
    'refuses %s',
    (input) => {
      expect(issuesOf(() => parseDate(input, 'signed-on'))[0]?.key).toBe('date.noSuchDay');
    },
  );
});

describe('parseDate refuses a year no reply bears as such (date.yearOutOfRange), not as a day that does not exist', () => {
  it.each(['1900-01-01', '9999-01-01', '9999年12月31日'])('refuses %s', (input) => {
    expect(issuesOf(() => parseDate(input, 'signed-on'))).toEqual([
      { field: 'signed-on', key: 'date.yearOutOfRange', params: { value: input, first: 1949, last: 2999 } },
    ]);
  });
});

describe('parseDate refuses what is not a date (date.unreadable)', () => {
  it.each(['', 'yesterday', '2023-05', '5/18/2023', '23-05-18', '2023年5月18', '2023-05-18 10:00', '2023518'])('refuses %j', (input) => {
    expect(issuesOf(() => parseDate(input, 'signed-on'))).toEqual([
      { field: 'signed-on', key: 'date.unreadable', params: { value: input } },
    ]);
  });
});

describe('isoDay pads month and day', () => {
  it('makes 2023-05-08 from 2023, 5, 8', () => {
    expect(isoDay(2023, 5, 8)).toBe('2023-05-08');
  });

  it('keeps two-digit months and days', () => {
    expect(isoDay(2025, 12, 31)).toBe('2025-12-31');
  });
});

describe('dayOf takes the local calendar day of an instant', () => {
  it('gives the local day late in the evening', () => {
    expect(dayOf(new Date(2023, 4, 18, 23, 59))).toBe('2023-05-18');
  });

  it('gives the local day just after midnight', () => {
    expect(dayOf(new Date(2023, 0, 1, 0, 1))).toBe('2023-01-01');
  });
});

describe('dateParts splits a day into numbers', () => {
  it('splits 2023-05-08', () => {
    expect(dateParts('2023-05-08' as IsoDate)).toEqual({ year: 2023, month: 5, day: 8 });
  });
});

describe('chineseDate prints the 成文日期 with Arabic numerals and no leading zeros', () => {
  it('prints 2023-05-18 as 2023年5月18日', () => {
    expect(chineseDate(parseDate('2023-05-18', 'signed-on'))).toBe('2023年5月18日');
  });

  it('prints 2025-03-06 as 2025年3月6日', () => {
    expect(chineseDate(isoDay(2025, 3, 6))).toBe('2025年3月6日');
  });

  it('prints 2021-10-01 as 2021年10月1日', () => {
    expect(chineseDate(isoDay(2021, 10, 1))).toBe('2021年10月1日');
  });
});
