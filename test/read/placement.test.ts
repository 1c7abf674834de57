import { describe, expect, it } from 'vitest';
import { placedLines, type PlacedPage, type Run } from '../../src/read/placement.js';

/**
 * Pages as a PDF of a reply sets them (A4 in points): a 3号 body (16 pt) of
 * 28 characters a line from x = 79.5 to 520.5, 28.9 pt apart, the first line
 * of a paragraph indented two characters.
 */
const LEFT = 79.5;
const SIZE = 16;
const PITCH = 28.9;
const run = (text: string, x: number, baseline: number, size = SIZE, width = [...text].length * size): Run => ({ text, x, baseline, width, size });
/** A body line of n characters starting at the margin or indented, on line k of the page. */
const body = (text: string, k: number, indent = false): Run => run(text, LEFT + (indent ? 2 * SIZE : 0), 120 + k * PITCH);
const page = (...runs: Run[]): PlacedPage => ({ height: 842, runs });
const full = (c: string, indent = false) => c.repeat(indent ? 26 : 28);

describe('runs on one baseline are a line', () => {
  it('joins the runs of a line in their order across the page, whatever order they come in', () => {
    const lines = placedLines([page(run('的答复', 200, 100), run('关于某某', 136, 100.4), body(full('字'), 2))]);
    expect(lines[0]!.text).toBe('关于某某的答复');
  });

  it('keeps a typed space and a wide gap (a table cell apart), drops the space a layout engine sets between Chinese and digits', () => {
    const lines = placedLines([
      page(
        run('自', LEFT, 100), run(' ', LEFT + 16, 100, 16, 3.2), run('2018', LEFT + 19.2, 100, 16, 31.2), run(' ', LEFT + 50.4, 100, 16, 3.2), run('年起', LEFT + 53.6, 100),
        run('失效日期:', LEFT, 140, 16, 72), run(' ', LEFT + 72, 140, 16, 4), run('发文字号:', LEFT + 76, 140, 16, 72),
        run('索引号', LEFT, 180), run('11532329/2020-00012', LEFT + 120, 180, 16, 152),
        run('G60', LEFT, 220, 16, 28), run('走廊', LEFT + 32, 220),
        body(full('字'), 5),
      ),
    ]);
    expect(lines.slice(0, 4).map((l) => l.text)).toEqual(['自2018年起', '失效日期: 发文字号:', '索引号 11532329/2020-00012', 'G60走廊']);
  });

  it('keeps a raised note mark on the line it marks, as a superscript number', () => {
    const lines = placedLines([page(run('推进行动', LEFT, 120), run('1', LEFT + 64, 114, 10, 5), run('，围绕', LEFT + 69, 120), body(full('字'), 3))]);
    expect(lines[0]!.text).toBe('推进行动¹，围绕');
  });
});

describe('what stands on every page is not the reply', () => {
  it('drops page numbers at the foot (— 1 —, -2-, 第3页 共5页) and a running head', () => {
    const pages = [1, 2, 3].map((n) =>
      page(run('某某局政府信息公开', 200, 50, 10.5), body(full(String(n)), 0), run(n === 3 ? '第3页 共5页' : n === 2 ? '-2-' : '— 1 —', 450, 800, 14, 46)),
    );
    expect(placedLines(pages).map((l) => l.text).join('')).toBe(full('1') + full('2') + full('3'));
  });

  it('keeps a line in the margin that is text, and a page number on a single page is dropped all the same', () => {
    const lines = placedLines([page(run('附件：办理情况表', LEFT, 60), body(full('字'), 0), run('— 1 —', 450, 800, 14, 46))]);
    expect(lines.map((l) => l.text)).toEqual(['附件：办理情况表', full('字')]);
  });
});

describe('a paragraph is one line, however many lines and pages it was printed on', () => {
  it('joins lines that fill the block to the next that starts at the margin; a new paragraph starts indented', () => {
    const lines = placedLines([page(body(full('甲', true), 0, true), body(full('乙'), 1), body('丙丙丙。', 2), body(full('丁', true), 3, true), body('戊。', 4))]);
    expect(lines.map((l) => l.text)).toEqual([full('甲', true) + full('乙') + '丙丙丙。', full('丁', true) + '戊。']);
  });

  it('does not join a short line (a salutation, a paragraph\'s end) to the line after it', () => {
    const lines = placedLines([page(body('朱莺委员：', 0), body(full('甲', true), 1, true), body(full('乙'), 2), body('乙。', 3), body('你好', 4))]);
    expect(lines.map((l) => l.text)).toEqual(['朱莺委员：', full('甲', true) + full('乙') + '乙。', '你好']);
  });

  it('joins a paragraph a page break split, with the notes at the foot of the page after it', () => {
    const lines = placedLines([
      page(body(full('甲', true), 20, true), body(full('乙'), 21), run('¹ 数据来源：区统计局。', LEFT, 760, 10.5), run('— 1 —', 450, 800, 14, 46)),
      page(body('丙。', 0), body(full('丁', true), 1, true)),
    ]);
    expect(lines.map((l) => l.text)).toEqual([full('甲', true) + full('乙') + '丙。', '¹ 数据来源：区统计局。', full('丁', true)]);
  });
});

describe('where a line stands in the text block is evidence', () => {
  it('says a title is centred and a signature and date are set right; a heading indented two characters is not centred', () => {
    const lines = placedLines([
      page(
        run('关于某某的答复', 79.5 + (441 - 7 * 22) / 2, 90, 22),
        body('一、工作情况', 0, true),
        body(full('字'), 1),
        body(full('字'), 2),
        run('上海市普陀区发展和改革委员会', 79.5 + 8 * 16, 200 + 3 * PITCH),
        run('2023年5月18日', 79.5 + 441 - 4 * 16 - 9 * 16, 200 + 4 * PITCH, 16, 9 * 16),
      ),
    ]);
    expect(lines.map((l) => [l.text, l.align ?? 'left'])).toEqual([
      ['关于某某的答复', 'center'],
      ['一、工作情况', 'left'],
      [full('字') + full('字'), 'left'],
      ['上海市普陀区发展和改革委员会', 'right'],
      ['2023年5月18日', 'right'],
    ]);
  });

  it('takes a title set larger over several lines as one centred line, its first line filling the block or not', () => {
    const first = '马关县交通运输局关于马关县第十八届人大二';
    const lines = placedLines([page(run(first, LEFT, 90, 22, 441), run('次会议第124号建议的答复', LEFT + (441 - 12 * 22) / 2, 90 + 1.3 * 22, 22, 12 * 22), body(full('字'), 2), body(full('字'), 3))]);
    expect(lines[0]).toMatchObject({ text: first + '次会议第124号建议的答复', align: 'center' });
  });

  it('does not take a paragraph\'s single line indented two characters, ending as far from the edge, for a centred one', () => {
    const lines = placedLines([page(body(full('字'), 0), body('希望以后多提宝贵意见，以利我们改进教育管理工作。', 1, true), body(full('字'), 2))]);
    expect(lines[1]!.align).toBeUndefined();
  });

  it('measures the block of a short reply with no full line by the page, its margins even', () => {
    const lines = placedLines([{ width: 595, height: 842, runs: [run('关于某某建议的答复', (595 - 9 * 22) / 2, 90, 22, 9 * 22), body('某某代表：', 0), body('您的建议收悉。', 1, true)] }]);
    expect(lines.map((l) => [l.text, l.align ?? 'left'])).toEqual([['关于某某建议的答复', 'center'], ['某某代表：', 'left'], ['您的建议收悉。', 'left']]);
  });

  it('parts two Latin words a line break parted, and nothing else', () => {
    const latin = 'A'.repeat(53);
    const lines = placedLines([page(run(latin + ' word', LEFT, 120, 16, 441), body('wrapped here。', 1), body(full('字'), 3))]);
    expect(lines[0]!.text).toBe(latin + ' word wrapped here。');
  });

  it('gives each line its font size', () => {
    expect(placedLines([page(run('标题', 250, 90, 22), body(full('字'), 0))]).map((l) => l.size)).toEqual([22, 16]);
  });

  it('reads nothing from an empty page', () => expect(placedLines([page()])).toEqual([]));
});
