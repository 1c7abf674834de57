import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readReply } from '../../src/core/reader/read.js';
import { htmlReader } from '../../src/read/html.js';
import { mhtReader } from '../../src/read/mht.js';
import { fieldsOf } from '../core/reader/wild.test.js';
import { EXPECTED, WILD_FILES, wild } from '../helpers/wild.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A portal's page around a reply, each line a paragraph, its charset named by its meta. */
function pageOf(text: string, charset: string): string {
  const paragraphs = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p style="text-indent:2em">${escape(l)}</p>`)
    .join('\r\n');
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>政府信息公开</title>
<link rel="stylesheet" href="style.css"></head><body><div class="top-nav"><a href="/">首页</a> 政务公开</div><img src="logo.png">
<div class="article">${paragraphs}</div><footer>主办单位：县人民政府办公室 版权所有</footer></body></html>`;
}

/** Quoted-printable as IE writes it: lines of at most 76 characters, soft breaks falling wherever, inside a character too. */
function quotedPrintable(bytes: Buffer): string {
  let out = '';
  let line = '';
  bytes.forEach((b, i) => {
    if (b === 0x0d) return;
    if (b === 0x0a) {
      out += line + '\r\n';
      line = '';
      return;
    }
    const atEnd = bytes[i + 1] === 0x0d || bytes[i + 1] === 0x0a || i === bytes.length - 1;
    const literal = (b > 32 && b < 127 && b !== 0x3d) || (b === 32 && !atEnd);
    const token = literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + token.length > 75) {
      out += line + '=\r\n';
      line = '';
    }
    line += token;
  });
  return out + line;
}

const base64 = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');

/** A PNG's first bytes, as a saved page's images are. */
const IMAGE = base64(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 0xa7)]));

interface Part {
  readonly headers: string;
  /** Bytes as they are, a string as UTF-8. */
  readonly body: string | Buffer;
}

/** A MIME message of those parts (headers folded as IE and Chrome fold them), as bytes. */
function message(top: string, boundary: string, parts: readonly Part[]): Buffer {
  return Buffer.concat([
    Buffer.from(`${top}\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n`),
    ...parts.flatMap((p) => [Buffer.from(`--${boundary}\r\n${p.headers}\r\n\r\n`), Buffer.from(p.body), Buffer.from('\r\n')]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}

/** Header lines as a message has them; a line starting with a tab or a blank continues the one above (folding). */
const head = (...lines: string[]) => lines.join('\r\n');

/** As Internet Explorer saves a page: its HTML first, quoted-printable in the page's GB2312 (holding GBK characters). */
function savedByIe(text: string): Buffer {
  const boundary = '----=_NextPart_000_0000_01D68B2A.5F3C1E20';
  const top = head(
    'From: <Saved by Windows Internet Explorer 11>',
    'Subject: =?gb2312?B?1f64rtDFz6K5q7+q?=',
    'Date: Wed, 16 Sep 2020 10:21:05 +0800',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    'X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24158',
  );
  const site = 'http://www.example.gov.cn';
  return message(top, boundary, [
    {
      headers: head('Content-Type: text/html;', '\tcharset="gb2312"', 'Content-Transfer-Encoding: quoted-printable', `Content-Location: ${site}/xxgk/2020/0916/123.html`),
      body: quotedPrintable(iconv.encode(pageOf(text, 'gb2312'), 'gbk')),
    },
    { headers: head('Content-Type: image/png', 'Content-Transfer-Encoding: base64', `Content-Location: ${site}/logo.png`), body: IMAGE },
    { headers: head('Content-Type: text/css;', '\tcharset="gb2312"', 'Content-Transfer-Encoding: quoted-printable', `Content-Location: ${site}/style.css`), body: 'p { color: red }' },
  ]);
}

/** As Chrome saves a page, here with its style and image parts first: the HTML base64, in UTF-8. */
function savedByChrome(text: string): Buffer {
  const boundary = '----MultipartBoundary--dTz3GtXKVmM6ixKZ3iVBtcRFv4xgNQrOJZWQYiQBhb----';
  const page = 'https://www.example.gov.cn/art/2021/5/8/art_1.html';
  const top = head(
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${page}`,
    'Subject: =?utf-8?Q?=E6=94=BF=E5=BA=9C?=',
    'Date: Sat, 8 May 2021 09:00:00 -0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
  );
  return message(top, boundary, [
    { headers: head('Content-Type: text/css', 'Content-Transfer-Encoding: quoted-printable', 'Content-Location: cid:css-1@mhtml.blink'), body: '@charset "utf-8";\r\np { color: red }' },
    { headers: head('Content-Type: image/png', 'Content-Transfer-Encoding: base64', 'Content-Location: https://www.example.gov.cn/logo.png'), body: IMAGE },
    {
      headers: head('Content-Type: text/html;', ' charset=utf-8', 'Content-ID: <frame-1@mhtml.blink>', 'Content-Transfer-Encoding: base64', `Content-Location: ${page}`),
      body: base64(Buffer.from(pageOf(text, 'utf-8'))),
    },
  ]);
}

/** A message of one HTML part with those headers. */
function onePart(headers: string, body: string | Buffer): Buffer {
  return message('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"', 'b1', [{ headers, body }]);
}

describe('a web page saved as MHTML: its MIME structure', () => {
  it('takes the first text/html part, whichever parts (styles, images) stand before or after it, headers folded or not', async () => {
    const reply = '您好：\n您的提案收悉，现答复如下：';
    expect(await mhtReader.read(savedByIe(reply))).toMatchObject({ ok: true, encoding: 'gb18030', text: reply });
    expect(await mhtReader.read(savedByChrome(reply))).toMatchObject({ ok: true, encoding: 'utf-8', text: reply });
  });

  it('gives the lines the html reader gives the same page saved as .html', async () => {
    const text = wild(WILD_FILES[0]!);
    const page = await htmlReader.read(Buffer.from(pageOf(text, 'utf-8')));
    for (const saved of [savedByIe(text), savedByChrome(text)]) {
      const read = await mhtReader.read(saved);
      if (!read.ok || !page.ok) throw new Error('not read');
      expect(read.lines).toEqual(page.lines);
    }
  });

  it('reads an MHT of one part, its top-level Content-Type text/html, and a page in a multipart inside the message', async () => {
    const single = Buffer.from('MIME-Version: 1.0\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<html><body><p>答复如下</p></body></html>');
    expect(await mhtReader.read(single)).toMatchObject({ ok: true, encoding: 'utf-8', text: '答复如下' });
    const inner = message('Content-Type: multipart/alternative; boundary=inner', 'inner', [
      { headers: 'Content-Type: text/plain', body: '纯文本' },
      { headers: 'Content-Type: text/html; charset=utf-8', body: '<p>内层页面</p>' },
    ]).toString('latin1');
    const nested = message('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="outer"', 'outer', [
      { headers: 'Content-Type: image/gif\r\nContent-Transfer-Encoding: base64', body: 'R0lGODlhAQABAAAAACw=' },
      { headers: inner.slice(0, inner.indexOf('\r\n\r\n')), body: Buffer.from(inner.slice(inner.indexOf('\r\n\r\n') + 4), 'latin1') },
    ]);
    expect(await mhtReader.read(nested)).toMatchObject({ ok: true, text: '内层页面' });
  });

  it('is the reader of .mht and .mhtml files', () => {
    expect(mhtReader).toMatchObject({ format: 'mht', extensions: ['.mht', '.mhtml'] });
  });
});

describe('a web page saved as MHTML: its transfer encoding and charset', () => {
  it('decodes a quoted-printable soft break that falls inside a character, in GB2312 and in UTF-8', async () => {
    const split = (bytes: Buffer, at: number) => {
      const hex = [...bytes].map((b) => `=${b.toString(16).toUpperCase()}`);
      return `<p>${hex.slice(0, at).join('')}=\r\n${hex.slice(at).join('')}</p>`;
    };
    const gb = onePart('Content-Type: text/html; charset=gb2312\r\nContent-Transfer-Encoding: quoted-printable', split(iconv.encode('答复如下', 'gbk'), 1));
    expect(await mhtReader.read(gb)).toMatchObject({ ok: true, encoding: 'gb18030', text: '答复如下' });
    for (const at of [1, 2]) {
      const utf8 = onePart('Content-Type: text/html; charset="UTF-8"\r\nContent-Transfer-Encoding: Quoted-Printable', split(Buffer.from('答复如下'), at));
      expect(await mhtReader.read(utf8)).toMatchObject({ ok: true, encoding: 'utf-8', text: '答复如下' });
    }
  });

  it('reads the part in the charset it names over the one the page’s meta names, GBK as GB18030', async () => {
    const page = iconv.encode('<html><head><meta charset="utf-8"></head><body><p>鎔基礎設施</p></body></html>', 'gbk');
    const gbk = onePart('Content-Type: text/html; charset=GBK\r\nContent-Transfer-Encoding: base64', base64(page));
    expect(await mhtReader.read(gbk)).toMatchObject({ ok: true, encoding: 'gb18030', text: '鎔基礎設施' });
    const big5 = onePart('Content-Type: text/html; charset=big5\r\nContent-Transfer-Encoding: 8bit', iconv.encode('<p>答覆如下</p>', 'big5'));
    expect(await mhtReader.read(big5)).toMatchObject({ ok: true, encoding: 'big5', text: '答覆如下' });
  });

  it('reads a part that names no charset (or one unknown) as a .html file is read: the page’s meta, else UTF-8 when valid, else GB18030', async () => {
    const meta = iconv.encode('<html><head><meta charset="gb2312"></head><body><p>答复如下</p></body></html>', 'gbk');
    expect(await mhtReader.read(onePart('Content-Type: text/html\r\nContent-Transfer-Encoding: 8bit', meta))).toMatchObject({ ok: true, encoding: 'gb18030', text: '答复如下' });
    const bare = iconv.encode('<p>答复如下</p>', 'gbk');
    expect(await mhtReader.read(onePart('Content-Type: text/html; charset=x-unknown', bare))).toMatchObject({ ok: true, encoding: 'gb18030', text: '答复如下' });
    expect(await mhtReader.read(onePart('Content-Type: text/html\r\nContent-Transfer-Encoding: binary', '<p>答复如下</p>'))).toMatchObject({ ok: true, encoding: 'utf-8', text: '答复如下' });
  });
});

describe('what is not an MHT, or too large', () => {
  it('refuses a file over 20 MB', async () => {
    expect(await mhtReader.read(Buffer.alloc(20_000_001, 0x41))).toEqual({ ok: false, reason: 'import.tooLarge' });
  });

  it('refuses what is no MIME message holding a page: a bare page, text, a message of images only, a boundary never found', async () => {
    const bad = { ok: false, reason: 'import.badMht' };
    expect(await mhtReader.read(Buffer.from('<html><body><p>答复如下</p></body></html>'))).toEqual(bad);
    expect(await mhtReader.read(Buffer.from('只是一段文字'))).toEqual(bad);
    expect(await mhtReader.read(onePart('Content-Type: image/png\r\nContent-Transfer-Encoding: base64', IMAGE))).toEqual(bad);
    expect(await mhtReader.read(Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n--b2\r\nContent-Type: text/html\r\n\r\n<p>答复</p>'))).toEqual(bad);
    expect(await mhtReader.read(Buffer.from('Content-Type: multipart/related\r\n\r\n<p>答复</p>'))).toEqual(bad);
  });

  it('refuses a page with no text as empty, and one with no markup as no MHT', async () => {
    expect(await mhtReader.read(onePart('Content-Type: text/html', '<html><script>x()</script></html>'))).toEqual({ ok: false, reason: 'import.empty' });
    expect(await mhtReader.read(onePart('Content-Type: text/html', '只是一段文字'))).toEqual({ ok: false, reason: 'import.badMht' });
  });

  it('never throws for a message cut anywhere or garbled', async () => {
    const whole = savedByIe(wild(WILD_FILES[1]!));
    for (let cut = 0; cut < whole.length; cut += 97) {
      const read = await mhtReader.read(whole.subarray(0, cut));
      expect(typeof read.ok).toBe('boolean');
    }
    const garbled = Buffer.from(whole.map((b, i) => (i % 7 === 0 ? (b * 31) & 0xff : b)));
    expect(typeof (await mhtReader.read(garbled)).ok).toBe('boolean');
  });
});

describe('each real reply saved as MHTML by IE (quoted-printable GB2312) and by Chrome (base64 UTF-8) reads to the fields a person reads', () => {
  for (const file of WILD_FILES) {
    it(file.slice(0, 2), async () => {
      for (const [saved, encoding] of [[savedByIe(wild(file)), 'gb18030'], [savedByChrome(wild(file)), 'utf-8']] as const) {
        const read = await mhtReader.read(saved);
        if (!read.ok) throw new Error(read.reason);
        expect(read.encoding).toBe(encoding);
        expect(fieldsOf(readReply(read.lines!))).toEqual(EXPECTED[file]);
      }
    });
  }
});
