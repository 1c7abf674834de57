import { describe, expect, it } from 'vitest';
import { BLOCK_TOP, emBox, headOf, mm, PITCH, type Band } from '../../src/render/head.js';
import { BLOCK_WIDTH_PT, emWidth } from '../../src/render/layout.js';

/** Where each band starts, down from the top of the text block. */
function tops(bands: readonly Band[]): number[] {
  let y = 0;
  return bands.map((band) => {
    const top = y;
    y += band.height;
    return top;
  });
}

const parts = { header: '上海市普陀区发展和改革委员会文件', docNumber: '普发改委〔2023〕16号' };

describe('headOf: the 文件 layout of GB/T 9704 7.2, in points from the top of the text block', () => {
  const head = headOf('文件', parts, BLOCK_WIDTH_PT, emWidth);
  const at = tops(head.bands);
  const band = (part: Band['part']) => head.bands.findIndex((b) => b.part === part);

  it('keeps the block’s first three lines for 份号, 密级 and 紧急程度 and puts the 标志’s upper edge 35 mm down', () => {
    expect(head.bands.slice(0, 3).map((b) => [b.part, b.height])).toEqual([['marks', PITCH], ['marks', PITCH], ['marks', PITCH]]);
    const mark = head.bands[band('mark')]!;
    expect(mark.size).toBe(27.5);
    expect(emBox(at[band('mark')]!, mark.height, 27.5).top).toBeCloseTo(mm(35), 6);
  });

  it('sets the doc number two lines under the 标志, the rule 4 mm under it, the title two lines under the rule', () => {
    const mark = emBox(at[band('mark')]!, head.bands[band('mark')]!.height, 27.5);
    const docAt = at[band('docNumber')]!;
    expect(docAt).toBeCloseTo(mark.bottom + 2 * PITCH, 6);
    const doc = emBox(docAt, PITCH, 16);
    const rule = docAt + head.bands[band('docNumber')]!.rule!.at;
    expect(rule).toBeCloseTo(doc.bottom + mm(4), 6);
    expect(head.height).toBeCloseTo(rule + 2 * PITCH, 6);
    expect(head.letterhead).toBeNull();
  });

  it('puts the doc number on the first line when the organ prints no 标志', () => {
    const bare = headOf('文件', { ...parts, header: null }, BLOCK_WIDTH_PT, emWidth);
    expect(bare.bands[0]!.part).toBe('docNumber');
    expect(bare.height).toBeCloseTo(emBox(0, PITCH, 16).bottom + mm(4) + 2 * PITCH, 6);
  });
});

describe('headOf: the letter layout of GB/T 9704 10.1', () => {
  const head = headOf('信函', parts, BLOCK_WIDTH_PT, emWidth);
  const letterhead = head.letterhead!;

  it('stands the organ’s name, without 文件, 30 mm from the paper’s top, the double rules 4 mm under it and 20 mm above the bottom', () => {
    expect(letterhead.mark).toBe('上海市普陀区发展和改革委员会');
    expect(letterhead.markTop).toBeCloseTo(mm(30), 6);
    const upper = letterhead.upperRule;
    expect(upper.at - upper.thickness / 2).toBeCloseTo(mm(30) + letterhead.markSize + mm(4), 6);
    expect([upper.double, letterhead.lowerRule.double]).toEqual(['thickOverThin', 'thinOverThick']);
    expect(letterhead.lowerRule.at).toBeCloseTo(mm(277), 6);
    expect(upper.length).toBeCloseTo(mm(170), 6);
  });

  it('sets the doc number flush right 7/8 of a 3号 character under the first rule, the title two lines under it', () => {
    const [space, doc] = head.bands;
    expect(doc!.right).toBe(parts.docNumber);
    const box = emBox(space!.height, PITCH, 16);
    const upper = letterhead.upperRule;
    expect(BLOCK_TOP + box.top).toBeCloseTo(upper.at + upper.thickness / 2 + 14, 6);
    expect(head.height).toBeCloseTo(box.bottom + 2 * PITCH, 6);
  });
});
