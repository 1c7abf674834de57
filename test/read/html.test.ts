import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readReply } from '../../src/core/reader/read.js';
import { htmlReader } from '../../src/read/html.js';
import { readerFor } from '../../src/read/index.js';
import { fieldsOf } from '../core/reader/wild.test.js';
import { EXPECTED, WILD_FILES, wild } from '../helpers/wild.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A disclosure portal's page around a reply's text, as a clerk saves it: a
 * GB2312 charset (holding GBK characters, as such pages do), a script and a
 * style, the site's navigation, a breadcrumb, a share bar and a footer; the
 * reply's lines as paragraphs, an info table as a table of label and value
 * cells when the copy printed one as lines.
 */
function savedPage(text: string): Buffer {
  const paragraphs = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p style="text-indent:2em">${escape(l)}&nbsp;</p>`)
    .join('\n');
  const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>政府信息公开</title><style>p { color: red } .答复 { }</style><script>var 答复如下 = "收悉"; document.write('<p>尊敬的</p>')</script></head>
<body><div class="top-nav"><ul><li><a href="/">首页</a></li><li>政务公开</li><li>关于我们</li></ul></div>
<nav>网站导航 政务公开 办事服务</nav>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开 &gt; 建议提案办理</div>
<div class="article"><div class="content">${paragraphs}</div></div>
<div class="bdshare_t">分享到：微信 微博</div>
<footer>主办单位：县人民政府办公室 版权所有 网站标识码 5323290001 滇ICP备05001234号</footer>
<script>console.log('统计')</script></body></html>`;
  return iconv.encode(html, 'gbk');
}

describe('a saved web page: its charset', () => {
  it('reads a page that says gb2312 as GB18030, whose subset it is (GBK characters included)', async () => {
    const bytes = iconv.encode('<html><head><meta charset="gb2312"></head><body><p>鎔基礎設施</p></body></html>', 'gbk');
    const read = await htmlReader.read(bytes);
    expect(read).toMatchObject({ ok: true, encoding: 'gb18030', text: '鎔基礎設施' });
  });

  it('reads a page without a charset as UTF-8 when its bytes are, else as GB18030; a BOM says UTF-8', async () => {
    const page = '<html><body><p>答复如下</p></body></html>';
    expect(await htmlReader.read(Buffer.from(page))).toMatchObject({ ok: true, encoding: 'utf-8', text: '答复如下' });
    expect(await htmlReader.read(iconv.encode(page, 'gbk'))).toMatchObject({ ok: true, encoding: 'gb18030', text: '答复如下' });
    expect(await htmlReader.read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page)]))).toMatchObject({ text: '答复如下' });
  });

  it('refuses bytes with no markup and a page with no text, each with its reason', async () => {
    expect(await htmlReader.read(Buffer.from('只是一段文字'))).toEqual({ ok: false, reason: 'import.badHtml' });
    expect(await htmlReader.read(Buffer.from('<html><script>x()</script></html>'))).toEqual({ ok: false, reason: 'import.empty' });
  });
});

describe('a saved web page: its lines', () => {
  it('drops scripts, styles, navigation, breadcrumb, share bar and footer', async () => {
    const read = await htmlReader.read(savedPage('您好：\n您的提案收悉，现答复如下：'));
    if (!read.ok) throw new Error(read.reason);
    expect(read.text).toBe('您好：\n您的提案收悉，现答复如下：');
  });

  it('gives each block a line, a table row its cells on one line, a <br> a new line, entities decoded', async () => {
    const read = await htmlReader.read(
      Buffer.from(`<html><body><table><tr><td>索引号：</td><td>11532329/2020-00012</td><td>发文字号：</td><td>武农复〔2020〕11号</td></tr>
      <tr><th>成文日期：</th><td>2020年09月16日</td></tr></table><div>第一行<br>第二行&nbsp;&lt;续&gt;</div><p>末  段
      文字</p></body></html>`),
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.lines!.map((l) => l.text)).toEqual([
      '索引号： 11532329/2020-00012 发文字号： 武农复〔2020〕11号',
      '成文日期： 2020年09月16日',
      '第一行',
      '第二行\u00a0<续>',
      '末 段 文字',
    ]);
  });

  it('says which lines are centred or set right (align, text-align, <center>), which the reader takes as evidence', async () => {
    const read = await htmlReader.read(
      Buffer.from(`<html><body><p align="center">关于某某的答复</p><p>正文</p><div style="TEXT-ALIGN: right"><p>某某局</p><p>2020年1月2日</p></div><center>附件</center></body></html>`),
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.lines).toEqual([
      { text: '关于某某的答复', align: 'center' },
      { text: '正文' },
      { text: '某某局', align: 'right' },
      { text: '2020年1月2日', align: 'right' },
      { text: '附件', align: 'center' },
    ]);
  });

  it('marks a bold run inside a paragraph as the body does, says a line is bold when all of it is, and reads a note mark <sup>1</sup> as ¹', async () => {
    const read = await htmlReader.read(
      Buffer.from(`<html><body><p><strong>一、工作情况</strong></p><p>一是<b>组建专班</b>。实施行动<sup>1</sup>，<span style="font-weight:700">加强</span>协同。</p><p>面积100m<sup>2</sup></p></body></html>`),
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.lines).toEqual([{ text: '一、工作情况', bold: true }, { text: '一是**组建专班**。实施行动¹，**加强**协同。' }, { text: '面积100m²' }]);
  });

  it('gives the record\'s properties a page names in its <meta> first, as the info lines a portal prints; other metas give nothing', async () => {
    const read = await htmlReader.read(
      Buffer.from('<html><head><meta name="办理结果" content="采纳解决"><meta name="keywords" content="答复"><meta name="公开属性" content="主动公开"></head><body><p>正文</p></body></html>'),
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.lines!.map((l) => l.text)).toEqual(['办理结果：采纳解决', '公开属性：主动公开', '正文']);
  });

  it('is the reader of .html and .htm files', () => {
    expect(readerFor('a/答复.HTML')).toBe(htmlReader);
    expect(readerFor('a/答复.htm')).toBe(htmlReader);
  });

  it('leaves a page nested deeper than any portal makes unread below that depth, and does not throw', async () => {
    const deep = '<div>'.repeat(5000) + '太深' + '</div>'.repeat(5000);
    const read = await htmlReader.read(Buffer.from(`<html><body><p>浅处</p>${deep}</body></html>`));
    expect(read).toMatchObject({ ok: true, text: '浅处' });
  });
});

describe('each real reply saved as the page of a portal (GB2312, with its chrome) reads to the fields a person reads', () => {
  for (const file of WILD_FILES) {
    it(file.slice(0, 2), async () => {
      const read = await htmlReader.read(savedPage(wild(file)));
      if (!read.ok) throw new Error(read.reason);
      expect(read.encoding).toBe('gb18030');
      expect(fieldsOf(readReply(read.lines!))).toEqual(EXPECTED[file]);
    });
  }
});
