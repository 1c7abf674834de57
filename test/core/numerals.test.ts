import { describe, expect, it } from 'vitest';
import { fromChineseNumeral, fromSuperscript, superscript, toChineseNumeral } from '../../src/core/numerals.js';

describe('toChineseNumeral writes heading numbers', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [23, '二十三'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [120, '一百二十'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1005, '一千零五'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [2023, '二千零二十三'],
  ])('writes %i as %s', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text);
  });

  it.each([-1, 1.5, 10000])('falls back to Arabic digits for %s', (n) => {
    expect(toChineseNumeral(n)).toBe(String(n));
  });
});

describe('fromChineseNumeral reads heading numbers', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
    ['一百', 100],
    ['一百零五', 105],
    ['一百〇五', 105],
    ['一百一十', 110],
    ['零', 0],
  ])('reads %s as %i', (text, n) => {
    expect(fromChineseNumeral(text)).toBe(n);
  });

  it.each(['', '1', 'A', '一是', '两', '（一）', '十一、'])('gives undefined for %j', (text) => {
    expect(fromChineseNumeral(text)).toBeUndefined();
  });

  it.each(['十十', '一二', '五五', '百百'])('gives undefined for the malformed sequence %s', (text) => {
    expect(fromChineseNumeral(text)).toBeUndefined();
  });

  it('reads back every number it writes from 1 to 999', () => {
    const wrong: number[] = [];
    for (let n = 1; n <= 999; n++) if (fromChineseNumeral(toChineseNumeral(n)) !== n) wrong.push(n);
    expect(wrong).toEqual([]);
  });
});

describe('superscript writes footnote markers', () => {
  it.each([
    [0, '⁰'],
    [1, '¹'],
    [2, '²'],
    [3, '³'],
    [9, '⁹'],
    [12, '¹²'],
    [105, '¹⁰⁵'],
  ])('writes %i as %s', (n, text) => {
    expect(superscript(n)).toBe(text);
  });
});

describe('fromSuperscript reads footnote markers', () => {
  it.each([
    ['¹', 1],
    ['¹²', 12],
    ['⁴⁵⁶⁷⁸', 45678],
  ])('reads %s as %i', (text, n) => {
    expect(fromSuperscript(text)).toBe(n);
  });

  it.each(['', '1', '¹a', ' ¹'])('gives undefined for %j', (text) => {
    expect(fromSuperscript(text)).toBeUndefined();
  });

  it('reads back every marker it writes from 0 to 200', () => {
    for (let n = 0; n <= 200; n++) expect(fromSuperscript(superscript(n))).toBe(n);
  });
});
