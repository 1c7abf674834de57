import { describe, expect, it } from 'vitest';
import { simplified } from '../../../src/core/reader/simplified.js';
import { TRADITIONAL } from '../../../src/core/reader/traditional.js';
// @ts-expect-error: a plain script of the project, without types
import { traditionalCharacters } from '../../../scripts/traditional.mjs';

describe('traditional script is read as simplified, for matching only', () => {
  it('converts the words of mirror copies, character for character', () => {
    expect(simplified('鎮康縣交通運輸局 發文字號 會議 答復 聯系電話')).toBe('镇康县交通运输局 发文字号 会议 答复 联系电话');
    expect(simplified('普陀区发展和改革委员会')).toBe('普陀区发展和改革委员会');
  });

  it('knows every character the converter changes (the generated list is not stale)', () => {
    expect(TRADITIONAL).toBe(traditionalCharacters());
  });
});
