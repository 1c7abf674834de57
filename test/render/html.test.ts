import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/core/body.js';
import { breakLines, BODY_WRAP, layoutPages } from '../../src/render/layout.js';
import { BUILTIN_TEMPLATES } from '../../src/render/templates.js';
import { htmlExporter } from '../../src/render/text.js';
import { edgeRecords } from './paged.js';
import { corpusRecord } from '../helpers/corpus.js';

const html = async (record = corpusRecord('000'), options = {}) => (await htmlExporter.render(record, options)) as string;
/** The text of the lines (<span class="l">) of an HTML fragment, tags dropped. */
const lines = (fragment: string) => [...fragment.matchAll(/<span class="l">(.*?)<\/span>(?=<span class="l">|<\/p>|<\/h1>|$)/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('the HTML render', () => {
  it('is one self-contained file with the A4 page, the GB/T margins and the 22-line pitch', async () => {
    const page = await html();
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<html lang="zh-CN">');
    // The page area is 6 mm wider than the 156 mm text block on the right, for sentence marks that hang past a line.
    expect(page).toContain('@page { size: A4; margin: 37mm 20mm 35mm 28mm; }');
    expect(page).toMatch(/\.reply \{ width: 156mm; margin: 0; padding: 0; \}/);
    expect(page).toContain('line-height: 28.9pt');
    expect(page).toContain('letter-spacing: -0.25pt');
    expect(page).toMatch(/\.reply \.l \{ display: block; height: 28\.9pt; white-space: nowrap; \}/);
    expect(page).not.toMatch(/<link|<script|src="http/);
  });

  it('prints the red header, the doc number over the red rule, the title in its two lines and the salutation', async () => {
    const page = await html();
    // The 版头's bands as the Word file has them (head.ts): the 标志's line, the doc number's with the rule 4 mm under its characters.
    expect(page).toContain('<div class="band mark" style="height: 45.89pt; line-height: 45.89pt; font-size: 27.5pt"><span class="centre">上海市普陀区发展和改革委员会文件</span></div>');
    expect(page).toContain('<div class="band docNumber" style="height: 28.9pt; line-height: 28.9pt"><span class="centre">普发改委〔2023〕16号</span><span class="rule" style="top: 35.63pt; border-top-width: 1.5pt"></span></div>');
    expect(page).toContain('<h1 class="title"><span class="l">对区政协十五届二次会议</span><span class="l">第152104号提案的答复</span></h1>');
    expect(page).toContain('<title>普发改委〔2023〕16号 对区政协十五届二次会议 第152104号提案的答复</title>');
    expect(page).toContain('<p class="salutation"><span class="l">朱莺委员：</span></p>');
    expect(page).toMatch(/\.head \.band\.mark, \.letterhead \.organ-header \{ color: #f00;/);
  });

  it('sets every paragraph in the lines the DOCX has', async () => {
    const record = corpusRecord('000');
    const page = await html(record);
    const body = /<div class="body">(.*?)<\/div>\n<div class="signature/s.exec(page)![1]!;
    const expected = parseBody(record.body).blocks.flatMap((b) =>
      breakLines(b.type === 'paragraph' ? b.inlines.map((i) => ('text' in i ? i.text : '')).join('') : b.marker.raw + [...b.title, ...b.rest].map((i) => ('text' in i ? i.text : '')).join(''), BODY_WRAP),
    );
    expect(lines(body)).toEqual(expected);
    expect(body).toContain('<p><span class="l">您提出的《开发长三角一体化智能数据图表研报平台的建</span><span class="l">议》的提案收悉，经研究，现将办理情况答复如下：</span></p>');
    // A sentence mark that hangs past the line takes no room.
    expect(body).toContain('完成高水平设计<span class="hang">、</span></span>');
  });

  it('marks headings by level from the body tree, keeps bold, and links footnotes', async () => {
    expect(await html()).toContain('<p class="h1"><span class="l"><span class="heading">一、普陀区参与长三角一体化发展工作情况</span></span></p>');
    expect(await html(corpusRecord('001'))).toContain('一是<strong>强化组织领导，完善组织架构</strong>。');
    // Bold that runs over a line break is bold on both lines.
    expect(await html(corpusRecord('001'))).toContain('一是<strong>形成海纳</strong></span><span class="l"><strong>小镇应用场景集聚</strong>。');
    const withNote = await html(corpusRecord('004'));
    expect(withNote).toContain('<sup class="fn-ref"><a href="#fn1" id="fnref1">1</a></sup>');
    expect(withNote).toContain('<p class="note" id="fn1"><span class="l"><sup><a href="#fnref1">1</a></sup>“411”倍增：');
  });

  it('puts a page’s footnotes after its last line and ends the page there, as at the foot of the Word page', async () => {
    const record = corpusRecord('004');
    const page = await html(record);
    const layout = layoutPages(record, parseBody(record.body));
    const notePage = layout.footnotes[0]!.page;
    const lastLine = layout.lines.filter((l) => l.page === notePage && l.part === 'block').pop()!;
    const firstNext = layout.lines.find((l) => l.page === notePage + 1)!;
    // (A heading's words stand in a span of their own.)
    const heading = parseBody(record.body).blocks[lastLine.block!]!.type === 'heading';
    expect(page).toContain(`${lastLine.text}</span>${heading ? '</span>' : ''}</p>\n<div class="notes page-end"><p class="note" id="fn1">`);
    // The next page's first paragraph (one the page ends in goes on, not indented: cont) begins where the browser
    // is told to break, as the Word file does.
    const next = layout.lines.filter((l) => l.page === notePage + 1 && l.part === 'block');
    const continued = next[0]!.block === lastLine.block;
    expect(page).toContain(`</div>\n<p class="${continued ? 'cont ' : ''}page-start"><span class="l">${firstNext.text}</span>`);
    expect(page).toMatch(/\.notes\.page-end \{ break-after: page; \}/);
    expect(page).toMatch(/\.page-start, \.break-page, \.break-blank \{ break-before: page; \}/);
  });

  it('ends with signature, date, contact block and the 版记, at the bottom of the last page', async () => {
    const record = corpusRecord('002');
    const page = await html(record);
    expect(page).toContain('<p class="organ l">上海市普陀区人民政府</p><p class="date l">2025年3月6日</p>');
    expect(page).toContain('<p><span class="l">联系人：杨益</span></p>');
    expect(page).toContain('<p class="cc"><span class="l">抄送：市政协提案委，市政府办公厅建议提案处。</span></p>');
    expect(page).toContain('<p class="issued l"><span>上海市普陀区人民政府办公室</span> <span>2025年3月6日印发</span></p>');
    expect(page).toContain('<div class="signature">');
    expect(await html(record, { stamped: true })).toContain('<div class="signature stamped">');
    // Above the 版记, the lines the last page leaves free.
    const layout = layoutPages(record, parseBody(record.body));
    expect(page).toContain(`.imprint { margin-top: calc(${22 - layout.lastPageLines - layout.imprintLines} * 28.9pt);`);
    expect(page).toContain('<div class="imprint">');
  });

  it('puts a 版记 that does not fit under the text on a page of its own with no page number', async () => {
    const page = await html(edgeRecords()['alone-plain']!);
    expect(page).toContain('<div class="imprint alone">');
    expect(page).toContain('.imprint.alone { break-before: page; page: imprint; }');
    expect(page).toContain('@page imprint { @bottom-right { content: none; } @bottom-left { content: none; } }');
    expect(page).toContain(`.imprint { margin-top: calc(21 * 28.9pt);`);
  });

  it('escapes every text from the record', async () => {
    const record = { ...corpusRecord('000'), proposalTitle: 'x', session: '<script>alert(1)</script>', body: '正文<b>"&\'</b>\n', organ: 'A&B' };
    const page = await html(record);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<p><span class="l">正文&lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;</span></p>');
    expect(page).toContain('<p class="organ l">A&amp;B</p>');
  });

  it('uses the configured fonts', async () => {
    const page = await html(corpusRecord('000'), { fonts: { fangsong: 'FangSong', latin: 'Arial' } });
    expect(page).toContain('"ReplyLatin", "FangSong", "FangSong", "Noto Serif CJK SC"');
    expect(page).toContain('src: local("Arial")');
  });

  it('lets a workspace replace a template, the title breaking the same', async () => {
    const templates = mkdtempSync(join(tmpdir(), 'reply-html-'));
    mkdirSync(join(templates, 'html'));
    const proposal = readFileSync(join(BUILTIN_TEMPLATES, 'html', 'proposal.hbs'), 'utf8');
    expect(proposal).toContain('{{replyTitle}}');
    writeFileSync(join(templates, 'html', 'proposal.hbs'), proposal.replace('{{replyTitle}}', '关于{{session}}第{{proposalNo}}号提案的答复'));
    const page = await html(corpusRecord('000'), { workspaceTemplates: templates });
    expect(page).toContain('<h1 class="title"><span class="l">关于区政协十五届二次会议</span><span class="l">第152104号提案的答复</span></h1>');
  });
});
