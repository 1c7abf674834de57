import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readReply } from '../../src/core/reader/read.js';
import { ofdReader } from '../../src/read/ofd.js';
import { fieldsOf } from '../core/reader/wild.test.js';
import { ofdOf, ofdPack, textObject } from '../helpers/ofd.js';
import { EXPECTED, WILD_FILES, wild } from '../helpers/wild.js';

async function linesOf(bytes: Buffer) {
  const read = await ofdReader.read(bytes);
  if (!read.ok) throw new Error(read.reason);
  return read.lines!;
}

/** A paragraph of four lines filled to the edge of the text block, which layout.ts measures the other lines against. */
const BLOCK = [0, 1, 2, 3].map((i) => textObject('全'.repeat(28), 27, 60 + i * 10.5, 5.6)).join('');

/** One TextObject with its TextCode as given. */
const object = (attributes: string, code: string) => `<ofd:TextObject ID="9" ${attributes}><ofd:FillColor Value="0 0 0"/>${code}</ofd:TextObject>`;

describe('an OFD file: its pages and their lines', () => {
  it('joins a paragraph split over a page break into one line, and drops the page numbers', async () => {
    const long = '我局高度重视代表建议的办理工作，及时召开专题会议研究。'.repeat(4) + '特此答复。';
    const fillers = Array.from({ length: 19 }, (_, i) => `这是第${'一二三四五六七八九十'[i % 10]}段。`);
    const bytes = await ofdOf(['关于某某建议的答复', ...fillers, long].join('\n'));
    const zip = await JSZip.loadAsync(bytes);
    // The paragraph starts on the last line of page 1 and goes on on page 2.
    expect(await zip.file('Doc_0/Pages/Page_0/Content.xml')!.async('string')).toContain('我局高度重视');
    expect(await zip.file('Doc_0/Pages/Page_1/Content.xml')!.async('string')).toContain('答复。');
    const lines = await linesOf(bytes);
    expect(lines.map((l) => l.text)).toEqual(['关于某某建议的答复', ...fillers, long]);
  });

  it('says the title is centred, and reads the layer of a template the page is laid on (a red 版头)', async () => {
    const body = '您的建议收悉。我局高度重视，及时召开专题会议研究，现将办理情况答复如下。'.repeat(2);
    const lines = await linesOf(await ofdOf(`关于某某建议的答复\n某某代表：\n${body}`, { template: '某某局文件' }));
    expect(lines).toEqual([
      { text: '某某局文件', align: 'center', size: 34 },
      { text: '关于某某建议的答复', align: 'center', size: 22 },
      { text: '某某代表：', size: 16 },
      { text: body, size: 16 },
    ]);
  });

  it('reads element names without the ofd: prefix and BaseLocs from the zip’s root alike', async () => {
    const text = '关于某某建议的答复\n某某代表：\n您的建议收悉，现答复如下。';
    const plain = await ofdOf(text, { unprefixed: true, absolute: true });
    await expect((await JSZip.loadAsync(plain)).file('OFD.xml')!.async('string')).resolves.toContain('<DocRoot>/Doc_0/Document.xml</DocRoot>');
    expect(await linesOf(plain)).toEqual(await linesOf(await ofdOf(text)));
  });

  it('takes a page’s own PhysicalBox over the document’s: on an A3 page the number at 280 mm is no foot', async () => {
    const pages = (box?: string) => ofdPack([{ objects: BLOCK + textObject('— 1 —', 160, 276, 4.9), ...(box ? { box } : {}) }]);
    expect((await linesOf(await pages())).map((l) => l.text)).not.toContain('— 1 —');
    expect((await linesOf(await pages('0 0 297 420'))).map((l) => l.text)).toContain('— 1 —');
  });
});

describe('an OFD file: where a TextCode stands', () => {
  it('reads DeltaX as `g N v`, as plain numbers, both mixed, or none (a Size a character): each line centred only if so measured', async () => {
    // Ten Latin letters advance 2.8 mm each: 30.8 mm wide, centred from x = 90; a Size each would set them right.
    const at = (y: number, delta: string) => object(`Boundary="90 ${y} 31 7" Size="5.6"`, `<ofd:TextCode X="0" Y="4.9"${delta}>ABCDEFGHIJ</ofd:TextCode>`);
    const lines = await linesOf(
      await ofdPack([
        {
          objects:
            BLOCK +
            at(110, ' DeltaX="g 9 2.8"') +
            at(120, ` DeltaX="${'2.8 '.repeat(9).trim()}"`) +
            at(130, ' DeltaX="g 4 2.8 2.8 2.8 g 3 2.8 2.8"') +
            object('Boundary="88.6 140 34 7" Size="5.6"', '<ofd:TextCode X="0" Y="4.9">六个汉字居中</ofd:TextCode>'),
        },
      ]),
    );
    expect(lines.slice(1)).toEqual([
      { text: 'ABCDEFGHIJ', align: 'center', size: 16 },
      { text: 'ABCDEFGHIJ', align: 'center', size: 16 },
      { text: 'ABCDEFGHIJ', align: 'center', size: 16 },
      { text: '六个汉字居中', align: 'center', size: 16 },
    ]);
  });

  it('places a text object by its CTM (a scale and a shift), its size the vertical scale of Size; a rotated one is not read', async () => {
    // Size 15.877 at a scale of 0.3527 is 5.6 mm; the shift sets the line centred.
    const scaled = object('Boundary="0 100 40 10" Size="15.877" CTM="0.3527 0 0 0.3527 88.6 0"', '<ofd:TextCode X="0" Y="13.9" DeltaX="g 5 15.877">六个汉字居中</ofd:TextCode>');
    const rotated = object('Boundary="150 200 20 20" Size="5" CTM="0.7071 0.7071 -0.7071 0.7071 0 0"', '<ofd:TextCode X="0" Y="5">某某局专用章</ofd:TextCode>');
    const lines = await linesOf(await ofdPack([{ objects: BLOCK + scaled + rotated }]));
    expect(lines.slice(1)).toEqual([{ text: '六个汉字居中', align: 'center', size: 16 }]);
  });

  it('reads text objects in page blocks to a depth of 50, none deeper, and does not throw for thousands', async () => {
    const nested = (depth: number, text: string) =>
      '<ofd:PageBlock ID="7">'.repeat(depth) + textObject(text, 27, 120, 5.6) + '</ofd:PageBlock>'.repeat(depth);
    const read = await ofdReader.read(await ofdPack([{ objects: BLOCK + nested(10, '浅处的文字') + nested(60, '深处的文字') + nested(5000, '更深') }]));
    if (!read.ok) throw new Error(read.reason);
    expect(read.text).toContain('浅处的文字');
    expect(read.text).not.toContain('深处');
  });
});

describe('what is not an OFD, or more than a reply', () => {
  it('refuses what is no zip, a zip cut short, a zip without OFD.xml and an OFD.xml whose Document.xml is missing', async () => {
    const bad = { ok: false, reason: 'import.badOfd' };
    expect(await ofdReader.read(Buffer.from('%PDF-1.7 not an ofd'))).toEqual(bad);
    const whole = await ofdOf('某某代表：\n您的建议收悉。');
    expect(await ofdReader.read(whole.subarray(0, whole.length / 2))).toEqual(bad);
    const zip = new JSZip();
    zip.file('Doc_0/Document.xml', '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>');
    expect(await ofdReader.read(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual(bad);
    const noDocument = await JSZip.loadAsync(whole);
    noDocument.remove('Doc_0/Document.xml');
    expect(await ofdReader.read(await noDocument.generateAsync({ type: 'nodebuffer' }))).toEqual(bad);
  });

  it('says pages with no text (a scan’s images) are a scan, for OCR', async () => {
    const image = '<ofd:ImageObject ID="8" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="5"/>';
    expect(await ofdReader.read(await ofdPack([{ objects: image }]))).toEqual({ ok: false, reason: 'import.scanned' });
  });

  it('refuses a file over 50 MB and a part that inflates past 20 MB as too large', async () => {
    const huge = Buffer.alloc(50_000_001);
    huge.write('PK\x03\x04', 'latin1');
    expect(await ofdReader.read(huge)).toEqual({ ok: false, reason: 'import.tooLarge' });
    const bomb = await JSZip.loadAsync(await ofdOf('某某代表：\n您的建议收悉。'));
    bomb.file('Doc_0/Pages/Page_0/Content.xml', `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><!--${' '.repeat(21_000_000)}--></ofd:Page>`);
    const bytes = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(1_000_000);
    expect(await ofdReader.read(bytes)).toEqual({ ok: false, reason: 'import.tooLarge' });
  });

  it('reads the first 200 pages of a longer file', async () => {
    const pages = Array.from({ length: 201 }, (_, i) => ({ objects: textObject(`这是第${i + 1}页的文字`, 27, 100, 5.6) }));
    const read = await ofdReader.read(await ofdPack(pages));
    if (!read.ok) throw new Error(read.reason);
    expect(read.text).toContain('这是第200页的文字');
    expect(read.text).not.toContain('第201页');
  });
});

describe('each real reply set as an OFD writer sets it (A4, 3号, 28 characters a line, paragraphs over pages) reads to the fields a person reads', () => {
  for (const file of WILD_FILES) {
    it(file.slice(0, 2), async () => {
      expect(fieldsOf(readReply(await linesOf(await ofdOf(wild(file)))))).toEqual(EXPECTED[file]);
    });
  }
});

describe('each real reply with its title set over centred lines of narrowing width, and with lines not justified, reads to the same fields', () => {
  for (const file of WILD_FILES) {
    it(file.slice(0, 2), async () => {
      expect(fieldsOf(readReply(await linesOf(await ofdOf(wild(file), { title: 'trapezium' }))))).toEqual(EXPECTED[file]);
      expect(fieldsOf(readReply(await linesOf(await ofdOf(wild(file), { ragged: true }))))).toEqual(EXPECTED[file]);
    });
  }
});
