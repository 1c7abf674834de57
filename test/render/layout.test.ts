import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/core/body.js';
import {
  BODY_WRAP,
  LINES_PER_PAGE,
  breakLines,
  ccLines,
  layoutPages,
  textWidth,
  titleLines,
} from '../../src/render/layout.js';
import type { ReplyFields } from '../../src/core/reply.js';
import { PITCH } from '../../src/render/head.js';
import { corpusRecord } from '../helpers/corpus.js';

const cjk = (n: number, ch = '一') => ch.repeat(n);
/** The lines of a paragraph whose first line (indented 2 characters) is full of 二. */
const second = (text: string) => breakLines(cjk(26, '二') + text, BODY_WRAP).slice(1);

describe('breakLines: the 22 × 28 grid as LibreOffice sets the DOCX (each rule measured on a probe document)', () => {
  it('puts 28 full-width characters on a line and 26 after the first line’s indent', () => {
    const lines = breakLines(cjk(80), BODY_WRAP);
    expect(lines.map((l) => l.length)).toEqual([26, 28, 26]);
    expect(textWidth(cjk(28))).toBeLessThanOrEqual(442.25);
    expect(textWidth(cjk(29))).toBeGreaterThan(442.25);
  });

  it('hangs a sentence or pause mark past the line’s end rather than begin a line with it', () => {
    for (const mark of '，。、：；？！,.;:?!') expect(breakLines(cjk(26) + mark + cjk(3, '二'), BODY_WRAP)[0], mark).toBe(cjk(26) + mark);
  });

  it('moves the character before a closing bracket or quote down with it, and an opening one to the next line', () => {
    for (const mark of '）》」』】〕”’)]') expect(breakLines(cjk(26) + mark + cjk(3, '二'), BODY_WRAP)[0], mark).toBe(cjk(25));
    for (const mark of '（《“‘') expect(breakLines(cjk(25) + mark + cjk(3, '二'), BODY_WRAP)[1], mark).toBe(mark + cjk(3, '二'));
    // A hanging mark followed by a closing quote does not hang.
    expect(breakLines(cjk(26) + '。”' + cjk(3, '二'), BODY_WRAP)[0]).toBe(cjk(25));
    // Ellipses and dashes may begin a line; two em dashes stay together.
    expect(breakLines(cjk(25) + '……' + cjk(3, '二'), BODY_WRAP)[1]).toBe('…' + cjk(3, '二'));
    expect(breakLines(cjk(25) + '——' + cjk(3, '二'), BODY_WRAP)[1]).toBe('——' + cjk(3, '二'));
  });

  it('keeps numbers and Latin words whole, breaking only after a hyphen or before a letter after a slash', () => {
    expect(second(cjk(24, '基') + '2020-2022年二二')).toEqual([cjk(24, '基') + '2020-', '2022年二二']);
    expect(second(cjk(26, '基') + '2020-2022年二二')).toEqual([cjk(26, '基'), '2020-2022年二二']);
    expect(second(cjk(25, '基') + 'AR/VR/MR等二二')).toEqual([cjk(25, '基') + 'AR/', 'VR/MR等二二']);
    // A break right at the character after the slash is not taken: the whole run moves.
    expect(second(cjk(26, '基') + 'AR/VR/MR等二二')).toEqual([cjk(26, '基'), 'AR/VR/MR等二二']);
    expect(second(cjk(24, '基') + '“3+5+X”产业')).toEqual([cjk(24, '基'), '“3+5+X”产业']);
    // After a number the mark is part of its run and does not hang.
    expect(second(cjk(27, '基') + '1。二二')).toEqual([cjk(27, '基'), '1。二二']);
  });

  it('sets a fifth of an em between Chinese characters and Latin letters or digits, not next to marks', () => {
    // The condensing goes between the characters of a run of one script, not after its last one.
    expect(textWidth('年年')).toBeCloseTo(31.75, 5);
    expect(textWidth('年1') - textWidth('年') - textWidth('1')).toBeCloseTo(3.2, 5);
    expect(textWidth('。1') - textWidth('。') - textWidth('1')).toBeCloseTo(0, 5);
    // 年1 twenty times: LibreOffice puts 13 pairs on the first line and 7 on the second (measured).
    expect(breakLines('年1'.repeat(20), BODY_WRAP)).toEqual(['年1'.repeat(13), '年1'.repeat(7)]);
  });
});

describe('titleLines', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('对区人大十七届三次会议 第45号建议的答复')).toEqual(['对区人大十七届三次会议 第45号建议的答复']);
  });

  it('breaks before 第N号 at the space, not where the line fills', () => {
    expect(titleLines('对区政协十五届二次会议 第152104号提案的答复')).toEqual(['对区政协十五届二次会议', '第152104号提案的答复']);
    expect(titleLines('对市政协十四届三次会议 第0690号提案的会办意见')).toEqual(['对市政协十四届三次会议', '第0690号提案的会办意见']);
    expect(titleLines('对区政协十五届二次会议第152104号提案的答复')).toEqual(['对区政协十五届二次会议', '第152104号提案的答复']);
  });

  it('never splits a number or a 《…》, and breaks a long session name at a meaningful point', () => {
    const long = titleLines('对上海市普陀区第十七届人民代表大会第三次会议 第45号建议的答复');
    expect(long).toHaveLength(2);
    for (const line of long) expect(textWidth(line, { size: 22, spacing: 0 })).toBeLessThanOrEqual(442.25);
    expect(long[1]!.startsWith('第')).toBe(true);
    expect(titleLines('关于《长三角一体化智能数据平台建设方案》等建议的答复')).toEqual(['关于《长三角一体化智能数据平台建设方案》', '等建议的答复']);
    expect(titleLines('对区政协十五届二次会议关于推进城市数字化转型的提案的答复')).toEqual(['对区政协十五届二次会议', '关于推进城市数字化转型的提案的答复']);
    // A 《…》 longer than a line has to break inside.
    const book = titleLines('关于《上海市普陀区推进长三角一体化智能数据平台建设实施方案》的答复');
    expect(book.join('')).toBe('关于《上海市普陀区推进长三角一体化智能数据平台建设实施方案》的答复');
    for (const line of book) expect(textWidth(line, { size: 22, spacing: 0 })).toBeLessThanOrEqual(442.25);
  });
});

describe('layoutPages: the pages of a reply, line by line', () => {
  const record = corpusRecord('000');
  const oneLine = (i: number) => `第${i}段` + cjk(26 - `第${i}段`.length, '长');
  const withBody = (n: number, extra = {}) => ({ ...record, ...extra, body: Array.from({ length: n }, (_, i) => oneLine(i + 1)).join('\n\n') + '\n' });

  it('starts the title under the 版头 of GB/T 9704: the 标志 35 mm down the block, the doc number two lines under it, the title two lines under the rule', () => {
    const layout = layoutPages(withBody(40), parseBody(withBody(40).body));
    const page1 = layout.lines.filter((l) => l.page === 1);
    // The three lines of 份号, 密级 and 紧急程度 (empty here), the 标志, the doc number; then the title.
    expect(page1.slice(0, 9).map((l) => l.part)).toEqual(['marks', 'marks', 'marks', 'header', 'docNumber', 'title', 'title', 'blank', 'salutation']);
    // 35 mm, the 标志 (27.5 pt), two lines, the doc number's line, 4 mm to the rule and two lines: 9.64 lines.
    expect(layout.head.height / PITCH).toBeCloseTo(9.64, 2);
    // Under them the first page holds 12 lines (22.07 − 9.64): title, blank, salutation and 8 of body.
    expect(page1.filter((l) => l.part === 'block')).toHaveLength(8);
    expect(layout.lines.filter((l) => l.page === 2)).toHaveLength(LINES_PER_PAGE);
  });

  it('puts the 版记 under the text when its lines are free, else on a page of its own', () => {
    // Without a contact block: the 版头 (9.64 lines), title 2, blank, salutation, the body, a blank, signature and date.
    const plain = (n: number, more: Partial<ReplyFields> = {}) => withBody(n, { contact: {}, ...more });
    const fits = layoutPages(plain(4), parseBody(plain(4).body));
    expect([fits.pages, fits.imprintLines, fits.imprintAlone]).toEqual([1, 1, false]);
    expect(fits.lastPageLines).toBeCloseTo(20.64, 2);
    const alone = layoutPages(plain(5), parseBody(plain(5).body));
    expect([alone.pages, alone.lastPageLines, alone.imprintAlone]).toEqual([2, 0, true]);
    // 抄送 takes a line of its own.
    const cc = plain(4, { cc: ['市政协提案委'] });
    expect(layoutPages(cc, parseBody(cc.body)).imprintAlone).toBe(true);
    expect(ccLines(cc)).toEqual(['抄送：市政协提案委。']);
  });

  it('keeps a footnote on the page of its reference, under a separator line', () => {
    const layout = layoutPages(corpusRecord('004'), parseBody(corpusRecord('004').body));
    expect(layout.footnotes).toHaveLength(1);
    const [page] = layout.footnotes;
    expect(page!.notes[0]!.lines).toHaveLength(2);
    const ref = layout.lines.find((l) => /\ue001/u.test(l.text))!;
    expect(ref.page).toBe(page!.page);
    // The page holds its lines of text, the separator and the note's two lines.
    expect(layout.lines.filter((l) => l.page === page!.page)).toHaveLength(LINES_PER_PAGE - 3);
  });
});

describe('layoutPages of a record without a doc number or a date', () => {
  const full = corpusRecord('004');
  const lines = (reply: Parameters<typeof layoutPages>[0]) => layoutPages(reply, parseBody(reply.body)).lines;

  it('keeps the doc number’s line, empty, above the red rule, so every later line stays where it was', () => {
    const without = lines({ ...full, docNumber: null });
    const withNumber = lines(full);
    expect(without.filter((l) => l.part === 'docNumber').map((l) => l.text)).toEqual(['']);
    expect(without.map((l) => [l.part, l.page])).toEqual(withNumber.map((l) => [l.part, l.page]));
  });

  it('gives the signature no date line when the date is not known, and no organ line when the organ is not', () => {
    const signature = (reply: Parameters<typeof layoutPages>[0]) => lines(reply).filter((l) => l.part === 'signature').map((l) => l.text);
    expect(signature(full)).toEqual(['上海市普陀区发展和改革委员会', '2021年4月19日']);
    expect(signature({ ...full, signedOn: null })).toEqual(['上海市普陀区发展和改革委员会']);
    expect(signature({ ...full, organ: null })).toEqual(['2021年4月19日']);
  });
});
