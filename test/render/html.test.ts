import { describe, expect, it } from 'vitest';
import { htmlExporter } from '../../src/render/text.js';
import { corpusRecord } from '../helpers/corpus.js';

const html = async (record = corpusRecord('000'), options = {}) => (await htmlExporter.render(record, options)) as string;

describe('the HTML render', () => {
  it('is one self-contained file with the A4 page, the GB/T margins and the 22-line pitch', async () => {
    const page = await html();
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(page).toContain('line-height: 28.9pt');
    expect(page).not.toMatch(/<link|<script|src="http/);
  });

  it('prints the red header, the doc number over the red rule, the title and the salutation', async () => {
    const page = await html();
    expect(page).toContain('<p class="organ-header">上海市普陀区发展和改革委员会文件</p>');
    expect(page).toContain('<p class="doc-number">普发改委〔2023〕16号</p>');
    expect(page).toContain('<h1 class="title">对区政协十五届二次会议 第152104号提案的答复</h1>');
    expect(page).toContain('<p class="salutation">朱莺委员：</p>');
    expect(page).toMatch(/\.organ-header \{ color: #f00;/);
  });

  it('marks headings by level from the body tree, keeps bold, and links footnotes', async () => {
    expect(await html()).toContain('<p class="h1"><span class="heading">一、普陀区参与长三角一体化发展工作情况</span></p>');
    expect(await html(corpusRecord('001'))).toContain('一是<strong>组建重点产业工作专班</strong>。');
    const withNote = await html(corpusRecord('004'));
    expect(withNote).toContain('<sup class="fn-ref"><a href="#fn1" id="fnref1">1</a></sup>');
    expect(withNote).toContain('<li id="fn1">“411”倍增：');
  });

  it('ends with signature, date, contact block and the 版记', async () => {
    const page = await html(corpusRecord('002'));
    expect(page).toContain('<p class="organ">上海市普陀区人民政府</p><p class="date">2025年3月6日</p>');
    expect(page).toContain('<p>联系人：杨益</p>');
    expect(page).toContain('<p class="cc">抄送：市政协提案委，市政府办公厅建议提案处。</p>');
    expect(page).toContain('<span>上海市普陀区人民政府办公室</span><span>2025年3月6日印发</span>');
    expect(page).toContain('<div class="signature">');
    expect(await html(corpusRecord('002'), { stamped: true })).toContain('<div class="signature stamped">');
  });

  it('escapes every text from the record', async () => {
    const record = { ...corpusRecord('000'), proposalTitle: 'x', session: '<script>alert(1)</script>', body: '正文<b>"&\'</b>\n', organ: 'A&B' };
    const page = await html(record);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<p>正文&lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;</p>');
    expect(page).toContain('<p class="organ">A&amp;B</p>');
  });

  it('uses the configured fonts', async () => {
    const page = await html(corpusRecord('000'), { fonts: { fangsong: 'FangSong' } });
    expect(page).toContain('"FangSong", "FangSong", "Noto Serif CJK SC"');
  });
});
