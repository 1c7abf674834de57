import { describe, expect, it } from 'vitest';
import { markerOf, parseBody, plainText, type Block, type Heading, type Inline } from '../../src/core/body.js';
import { superscript } from '../../src/core/numerals.js';
import { corpusBody } from './support.js';

const text = (t: string): Inline => ({ type: 'text', text: t });
const bold = (t: string): Inline => ({ type: 'bold', text: t });

function headings(blocks: readonly Block[]): Heading[] {
  return blocks.filter((b): b is Heading => b.type === 'heading');
}

/** A compact view of a heading: level, marker as written, value and title text. */
function outline(h: Heading): [number, string, number, string] {
  return [h.marker.level, h.marker.raw, h.marker.value, plainText(h.title)];
}

describe('markerOf recognises the official heading numbers', () => {
  it.each([
    ['一、总体情况', 1, '一、', 1],
    ['十一、其他', 1, '十一、', 11],
    ['二十、其他', 1, '二十、', 20],
    ['（一）汇聚创新要素', 2, '（一）', 1],
    ['（十二）其他', 2, '（十二）', 12],
    ['1、积极推进', 3, '1、', 1],
    ['12、积极推进', 3, '12、', 12],
    ['1.积极推进', 3, '1.', 1],
    ['2．积极推进', 3, '2．', 2],
    ['（1）具体措施', 4, '（1）', 1],
    ['（10）具体措施', 4, '（10）', 10],
  ])('reads %s as level %i with marker %s', (line, level, raw, value) => {
    expect(markerOf(line)).toEqual({ level, raw, value, halfWidthBrackets: false });
  });

  it('keeps the blank after a marker in raw', () => {
    expect(markerOf('一、 总体情况')?.raw).toBe('一、 ');
  });

  it('flags the half-width "(二) " of corpus 000 as level 2 with halfWidthBrackets', () => {
    expect(markerOf('(二) 深化产业联动')).toEqual({ level: 2, raw: '(二) ', value: 2, halfWidthBrackets: true });
  });

  it('flags half-width brackets of a level-4 marker', () => {
    expect(markerOf('(3)具体措施')).toEqual({ level: 4, raw: '(3)', value: 3, halfWidthBrackets: true });
  });

  it('flags a marker with only one half-width bracket', () => {
    expect(markerOf('（二)深化')?.halfWidthBrackets).toBe(true);
  });

  it.each([
    ['一是推进中以（上海）创新园建设。', 'a run-in 一是'],
    ['2022年，清华创新中心', 'a year'],
    ['1.5亿元的投资', 'a decimal number'],
    ['中以（上海）创新园', 'brackets inside the text'],
    ['零、总体', 'the numeral zero'],
    ['（0）总体', 'the number zero'],
    ['十一届市委十次全会首次提出', 'a Chinese numeral without 、'],
    ['123、总体', 'a three-digit number'],
    ['', 'an empty line'],
  ])('is undefined for %s (%s)', (line) => {
    expect(markerOf(line)).toBeUndefined();
  });
});

describe('parseBody builds the heading tree of corpus 000', () => {
  const tree = parseBody(corpusBody('000'));

  it('finds 21 blocks, one per paragraph', () => {
    expect(tree.blocks).toHaveLength(21);
  });

  it('finds the headings 一、 （一） (二) 二、 1、 2、 3、 in order', () => {
    expect(headings(tree.blocks).map(outline)).toEqual([
      [1, '一、', 1, '普陀区参与长三角一体化发展工作情况'],
      [2, '（一）', 1, '汇聚创新要素，打造特色创新高地'],
      [2, '(二) ', 2, '深化产业联动，提升服务辐射能力'],
      [1, '二、', 2, '下一步工作推进举措'],
      [3, '1、', 1, '积极推进长三角城市规划一体化智慧大脑建设'],
      [3, '2、', 2, '有序推进长三角三镇数字化算力中心建设'],
      [3, '3、', 3, '努力推进长三角经济数据共享互通'],
    ]);
  });

  it('flags only the half-width "(二) " marker', () => {
    expect(headings(tree.blocks).map((h) => h.marker.halfWidthBrackets)).toEqual([false, false, true, false, false, false, false]);
  });

  it('gives the headings the line they start on', () => {
    expect(headings(tree.blocks).map((h) => h.line)).toEqual([5, 9, 19, 25, 29, 33, 37]);
  });

  it('keeps the run-in 一是 paragraphs as paragraphs', () => {
    const para = tree.blocks.find((b) => b.line === 11);
    expect(para?.type).toBe('paragraph');
  });

  it('starts with the opening formula and ends with the closing formula', () => {
    const first = tree.blocks[0];
    const last = tree.blocks.at(-1);
    expect(first?.type === 'paragraph' && plainText(first.inlines)).toBe(
      '您提出的《开发长三角一体化智能数据图表研报平台的建议》的提案收悉，经研究，现将办理情况答复如下：',
    );
    expect(last).toMatchObject({ type: 'paragraph', line: 41 });
  });

  it('has no footnotes', () => {
    expect(tree.footnotes).toEqual([]);
  });
});

describe('parseBody reads bold runs (corpus 001)', () => {
  const source = corpusBody('001');
  const tree = parseBody(source);
  const bolds = tree.blocks.flatMap((b) => (b.type === 'paragraph' ? b.inlines : [...b.title, ...b.rest])).filter((i) => i.type === 'bold');

  it('finds one bold run per **…** pair of the source', () => {
    expect(bolds).toHaveLength(source.match(/\*\*[^*]+\*\*/g)!.length);
    expect(bolds).toHaveLength(10);
  });

  it('keeps the bold text without its marks', () => {
    expect(bolds[0]).toEqual(bold('组建重点产业工作专班'));
    expect(bolds.map((b) => b.text)).toContain('强化组织领导，完善组织架构');
  });

  it('splits a paragraph into text and bold runs in order', () => {
    const para = tree.blocks.find((b) => b.line === 7);
    expect(para?.type).toBe('paragraph');
    const inlines = para!.type === 'paragraph' ? para!.inlines : [];
    expect(inlines.slice(0, 3)).toEqual([text('下一步，一是'), bold('强化组织领导，完善组织架构'), expect.objectContaining({ type: 'text' })]);
    expect((inlines[2] as { text: string }).text.startsWith('。依托现有重点产业专班')).toBe(true);
  });

  it('leaves no ** in the plain text', () => {
    const all = tree.blocks.map((b) => (b.type === 'paragraph' ? plainText(b.inlines) : plainText(b.title) + plainText(b.rest))).join('');
    expect(all).not.toContain('**');
  });

  it('finds the three 一、二、三、 headings', () => {
    expect(headings(tree.blocks).map(outline)).toEqual([
      [1, '一、', 1, '关于协调机制'],
      [1, '二、', 2, '关于产业发展'],
      [1, '三、', 3, '关于应用场景'],
    ]);
  });

  it('leaves an unclosed ** as text', () => {
    expect(parseBody('一是**加强领导。').blocks[0]).toMatchObject({ inlines: [text('一是**加强领导。')] });
  });
});

describe('parseBody reads footnotes (corpus 004)', () => {
  const tree = parseBody(corpusBody('004'));

  it('finds the one footnote with its number, text and line', () => {
    expect(tree.footnotes).toEqual([
      {
        label: '1',
        number: 1,
        inlines: [text('“411”倍增：四大重点培育产业中的每个产业税收占比每年提高一个百分点，到 2025 年，占比合计达到 40%。')],
        line: 31,
      },
    ]);
  });

  it('does not take the footnote definition for a paragraph', () => {
    expect(tree.blocks.map((b) => b.line)).not.toContain(31);
    expect(tree.blocks.at(-1)?.line).toBe(29);
  });

  it('puts the reference in the paragraph of line 7', () => {
    const para = tree.blocks.find((b) => b.line === 7);
    const refs = para?.type === 'paragraph' ? para.inlines.filter((i) => i.type === 'footnoteRef') : [];
    expect(refs).toEqual([{ type: 'footnoteRef', label: '1', number: 1 }]);
  });

  it('prints the reference as a superscript in plain text', () => {
    const para = tree.blocks.find((b) => b.line === 7);
    expect(para?.type === 'paragraph' && plainText(para.inlines, superscript)).toContain('加快实施“411”倍增行动¹，推动四大重点培育产');
  });
});

describe('parseBody separates blocks', () => {
  it('splits paragraphs at blank lines', () => {
    const tree = parseBody('第一段。\n\n第二段。\n\n\n第三段。');
    expect(tree.blocks.map((b) => (b.type === 'paragraph' ? plainText(b.inlines) : ''))).toEqual(['第一段。', '第二段。', '第三段。']);
  });

  it('treats a line of blanks as a blank line', () => {
    expect(parseBody('第一段。\n   \t\n第二段。').blocks).toHaveLength(2);
  });

  it('starts a new block at a heading without a blank line before it', () => {
    const tree = parseBody('前文结束。\n二、下一步工作\n\n正文。');
    expect(tree.blocks.map((b) => [b.type, b.line])).toEqual([
      ['paragraph', 1],
      ['heading', 2],
      ['paragraph', 4],
    ]);
  });

  it('starts a new block at each of several headings in a row', () => {
    const tree = parseBody('一、总体\n（一）分项\n1、细项');
    expect(headings(tree.blocks).map((h) => h.marker.level)).toEqual([1, 2, 3]);
  });

  it('reads an empty body as no blocks and no footnotes', () => {
    expect(parseBody('')).toEqual({ blocks: [], footnotes: [] });
    expect(parseBody('\n\n  \n')).toEqual({ blocks: [], footnotes: [] });
  });
});

describe('parseBody joins the lines of one paragraph', () => {
  const joined = (source: string) => {
    const b = parseBody(source).blocks[0]!;
    return b.type === 'paragraph' ? plainText(b.inlines) : plainText(b.title) + plainText(b.rest);
  };

  it('joins Chinese lines without a space', () => {
    expect(joined('普陀区作为\n上海市中心城区')).toBe('普陀区作为上海市中心城区');
  });

  it('trims the blanks around each line before joining', () => {
    expect(joined('  普陀区作为  \n  上海市中心城区  ')).toBe('普陀区作为上海市中心城区');
  });

  it('joins two Latin words with a space', () => {
    expect(joined('science\nand technology')).toBe('science and technology');
  });

  it('joins Latin after a comma with a space', () => {
    expect(joined('AI,\nIoT')).toBe('AI, IoT');
  });

  it('joins a Latin word and Chinese without a space', () => {
    expect(joined('5G\n网络')).toBe('5G网络');
  });

  it('reads Windows line ends', () => {
    const tree = parseBody('普陀区作为\r\n上海市中心城区\r\n\r\n第二段');
    expect(tree.blocks).toHaveLength(2);
    expect(joined('普陀区作为\r\n上海市中心城区')).toBe('普陀区作为上海市中心城区');
    expect(tree.blocks[1]?.line).toBe(4);
  });
});

describe('parseBody drops stray Markdown heading marks', () => {
  it('drops "# " before a numbered heading', () => {
    const h = parseBody('# 一、总体情况').blocks[0];
    expect(h?.type === 'heading' && outline(h)).toEqual([1, '一、', 1, '总体情况']);
  });

  it('drops "## " before a paragraph', () => {
    expect(parseBody('## 普陀区作为枢纽。').blocks[0]).toMatchObject({ type: 'paragraph', inlines: [text('普陀区作为枢纽。')] });
  });

  it('drops the marks of a continuation line too', () => {
    expect(parseBody('普陀区作为\n### 枢纽。').blocks[0]).toMatchObject({ inlines: [text('普陀区作为枢纽。')] });
  });

  it('keeps a # that is not followed by a blank', () => {
    expect(parseBody('#话题').blocks[0]).toMatchObject({ inlines: [text('#话题')] });
  });
});

describe('parseBody splits a run-in heading at its first sentence end', () => {
  it('splits at the first 。', () => {
    const h = parseBody('1、积极推进规划建设。依托高端智库联盟。推进共享。').blocks[0] as Heading;
    expect(h.title).toEqual([text('积极推进规划建设。')]);
    expect(h.rest).toEqual([text('依托高端智库联盟。推进共享。')]);
  });

  it.each(['！', '？'])('splits at %s as well', (end) => {
    const h = parseBody(`一、坚持问题导向${end}下一步继续推进。`).blocks[0] as Heading;
    expect(plainText(h.title)).toBe(`坚持问题导向${end}`);
    expect(plainText(h.rest)).toBe('下一步继续推进。');
  });

  it('keeps a heading that ends with its only 。 whole', () => {
    const h = parseBody('一、总体情况。').blocks[0] as Heading;
    expect(h.title).toEqual([text('总体情况。')]);
    expect(h.rest).toEqual([]);
  });

  it('keeps a heading without sentence end whole', () => {
    const h = parseBody('（一）汇聚创新要素，打造特色创新高地').blocks[0] as Heading;
    expect(h.rest).toEqual([]);
  });

  it('joins the next line into a heading that has no blank line after it', () => {
    const h = parseBody('一、总体情况。\n近年来，普陀区积极作为。').blocks[0] as Heading;
    expect(plainText(h.title)).toBe('总体情况。');
    expect(plainText(h.rest)).toBe('近年来，普陀区积极作为。');
  });

  it('keeps bold runs in the title and the rest', () => {
    const h = parseBody('（一）**加强组织领导**。建立**工作专班**机制。').blocks[0] as Heading;
    expect(h.title).toEqual([bold('加强组织领导'), text('。')]);
    expect(h.rest).toEqual([text('建立'), bold('工作专班'), text('机制。')]);
  });

  it('does not break a bold run whose text ends with the 。', () => {
    const h = parseBody('1、**积极推进规划建设。**依托高端智库联盟。').blocks[0] as Heading;
    expect(h.title).toEqual([bold('积极推进规划建设。')]);
    expect(h.rest).toEqual([text('依托高端智库联盟。')]);
  });

  it('takes the marker off the title', () => {
    const h = parseBody('(二) 深化产业联动').blocks[0] as Heading;
    expect(plainText(h.title)).toBe('深化产业联动');
  });
});

describe('parseBody numbers footnotes by first reference', () => {
  const source = ['甲[^b]乙[^a]丙[^b]。', '', '[^a]: 注释A', '[^b]: 注释B'].join('\n');
  const tree = parseBody(source);

  it('numbers the first referenced note 1 even when defined last', () => {
    expect(tree.footnotes.map((f) => [f.label, f.number])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('gives a repeated reference the same number', () => {
    const para = tree.blocks[0]!;
    const refs = para.type === 'paragraph' ? para.inlines.filter((i) => i.type === 'footnoteRef') : [];
    expect(refs.map((r) => r.type === 'footnoteRef' && r.number)).toEqual([1, 2, 1]);
  });

  it('gives each note the line of its definition', () => {
    expect(tree.footnotes.map((f) => [f.label, f.line])).toEqual([
      ['b', 4],
      ['a', 3],
    ]);
  });

  it('numbers by the order of blocks, headings included', () => {
    const t = parseBody('一、总体[^x]\n\n正文[^y]。\n\n[^y]: Y\n[^x]: X');
    expect(t.footnotes.map((f) => f.label)).toEqual(['x', 'y']);
    expect((t.blocks[0] as Heading).title).toEqual([text('总体'), { type: 'footnoteRef', label: 'x', number: 1 }]);
  });
});

describe('parseBody keeps unreferenced footnotes and unknown references', () => {
  it('keeps a note nobody refers to, after the referenced ones', () => {
    const tree = parseBody('正文[^2]。\n\n[^1]: 未引用\n[^2]: 已引用');
    expect(tree.footnotes.map((f) => [f.label, f.number, plainText(f.inlines)])).toEqual([
      ['2', 1, '已引用'],
      ['1', 2, '未引用'],
    ]);
  });

  it('leaves a reference without a definition as text', () => {
    const tree = parseBody('正文[^9]结束。');
    expect(tree.blocks[0]).toMatchObject({ type: 'paragraph', inlines: [text('正文[^9]结束。')] });
    expect(tree.footnotes).toEqual([]);
  });

  it('reads bold runs inside a note', () => {
    const tree = parseBody('正文[^1]。\n\n[^1]: 见**附件**。');
    expect(tree.footnotes[0]?.inlines).toEqual([text('见'), bold('附件'), text('。')]);
  });

  it('ends the paragraph at a definition without blank line', () => {
    const tree = parseBody('正文[^1]。\n[^1]: 注释\n后文。');
    expect(tree.blocks.map((b) => b.line)).toEqual([1, 3]);
    expect(tree.footnotes[0]?.line).toBe(2);
  });
});

describe('parseBody gives every block the line it starts on', () => {
  it('counts blank lines and joined lines', () => {
    const tree = parseBody('\n\n第一段\n续行\n\n\n（一）标题\n\n第三段');
    expect(tree.blocks.map((b) => b.line)).toEqual([3, 7, 9]);
  });
});

describe('plainText flattens inline runs', () => {
  const inlines: Inline[] = [text('甲'), bold('乙'), { type: 'footnoteRef', label: 'n', number: 3 }, text('丙')];

  it('drops footnote references by default', () => {
    expect(plainText(inlines)).toBe('甲乙丙');
  });

  it('prints references as the function given', () => {
    expect(plainText(inlines, superscript)).toBe('甲乙³丙');
  });
});
