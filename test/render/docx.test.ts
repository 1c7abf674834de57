import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { BLOCK_WIDTH, LINE, PAGE, renderDocx } from '../../src/render/docx.js';
import { corpusRecord } from '../helpers/corpus.js';

/** The parts of a rendered .docx, as XML text. */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) out[name] = await zip.file(name)!.async('string');
  return out;
}

const MM = 1440 / 25.4;
let doc000: Record<string, string>;
let doc004: Record<string, string>;
let doc002: Record<string, string>;

beforeAll(async () => {
  doc000 = await parts(await renderDocx(corpusRecord('000')));
  doc004 = await parts(await renderDocx(corpusRecord('004')));
  doc002 = await parts(await renderDocx(corpusRecord('002')));
});

describe('the DOCX page follows GB/T 9704', () => {
  it('is A4 with margins 37/35/28/26 mm, a 156 mm text block', () => {
    const body = doc000['word/document.xml']!;
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(body)![1]!;
    const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]);
    expect(attr('top') / MM).toBeCloseTo(37, 0);
    expect(attr('bottom') / MM).toBeCloseTo(35, 0);
    expect(attr('left') / MM).toBeCloseTo(28, 0);
    expect(attr('right') / MM).toBeCloseTo(26, 0);
    expect((11906 - attr('left') - attr('right')) / MM).toBeCloseTo(156, 0);
    expect(BLOCK_WIDTH).toBe(11906 - PAGE.left - PAGE.right);
  });

  it('sets an exact line pitch that gives 22 lines in the 225 mm block, and 28 condensed characters of 3号 a line', () => {
    const block = 16838 - PAGE.top - PAGE.bottom;
    expect(Math.floor(block / LINE)).toBe(22);
    expect(Math.floor(block / (LINE + 2))).toBe(21); // 29 pt would give 21: the pitch is at its limit
    const body = doc000['word/document.xml']!;
    const paragraphs = body.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)!;
    expect(paragraphs.length).toBeGreaterThan(20);
    const pitches = paragraphs.map((p) => Number(/<w:spacing [^>]*w:line="(\d+)" w:lineRule="exact"/.exec(p)![1]));
    // One line gives back the height of the red rule and its 4 mm (1.5 pt + 11 pt), so the rest stays on the grid.
    expect(pitches.filter((p) => p !== 578)).toEqual([578 - 250]);
    expect(paragraphs[pitches.indexOf(328) - 1]).toContain('普发改委〔2023〕16号');
    // 28 characters of 16 pt condensed by 0.25 pt fit 442 pt; 29 do not.
    expect(body).toMatch(/<w:spacing w:val="-5"\/>/);
    expect(28 * (320 - 5)).toBeLessThanOrEqual(BLOCK_WIDTH);
    expect(29 * (320 - 5)).toBeGreaterThan(BLOCK_WIDTH);
  });

  it('indents body paragraphs by two characters', () => {
    expect(doc000['word/document.xml']).toMatch(/<w:ind w:firstLine="640"\/>.*普陀区作为上海市中心城区/s);
  });
});

describe('the DOCX fonts and sizes', () => {
  const runOf = (xml: string, text: string) => {
    const at = xml.indexOf(`>${text}`);
    expect(at, text).toBeGreaterThan(0);
    return xml.slice(xml.lastIndexOf('<w:r>', at), at);
  };

  it('puts the Chinese font in eastAsia and hAnsi and Times New Roman in ascii, with no theme fonts', () => {
    const run = runOf(doc000['word/document.xml']!, '普陀区作为');
    const fonts = /<w:rFonts ([^>]*)\/>/.exec(run)![1]!;
    expect(fonts).toContain('w:ascii="Times New Roman"');
    expect(fonts).toContain('w:eastAsia="仿宋_GB2312"');
    expect(fonts).toContain('w:hAnsi="仿宋_GB2312"');
    expect(doc000['word/document.xml']).not.toMatch(/Theme=/);
    expect(doc000['word/styles.xml']).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(doc000['word/styles.xml']).toMatch(/<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/);
  });

  it('sets the body in 3号, the title in 2号 方正小标宋简体, headings in 黑体 and 楷体_GB2312', () => {
    const xml = doc000['word/document.xml']!;
    expect(runOf(xml, '普陀区作为')).toMatch(/<w:sz w:val="32"\/>/);
    const title = runOf(xml, '对区政协十五届二次会议 第152104号提案的答复');
    expect(title).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(title).toMatch(/<w:sz w:val="44"\/>/);
    expect(runOf(xml, '一、')).toMatch(/w:eastAsia="黑体"/);
    expect(runOf(xml, '（一）')).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(runOf(xml, '1、')).toMatch(/w:eastAsia="仿宋_GB2312"/);
  });

  it('keeps bold run-in headings bold', () => {
    const run = runOf(doc000Bold(), '组建重点产业工作专班');
    expect(run).toMatch(/<w:b\/>/);
  });

  it('prints the organ header red, in 小标宋, shrunk to one line', () => {
    const run = runOf(doc000['word/document.xml']!, '上海市普陀区发展和改革委员会文件');
    expect(run).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(run).toMatch(/w:eastAsia="方正小标宋简体"/);
    const size = Number(/<w:sz w:val="(\d+)"\/>/.exec(run)![1]) / 2;
    expect(16 * size * 20).toBeLessThanOrEqual(BLOCK_WIDTH); // 16 characters at that size fit one line
  });

  it('has no header paragraph for an organ that prints none', () => {
    expect(doc004['word/document.xml']).not.toContain('文件<');
  });

  it('draws the red rule under the doc number', () => {
    expect(doc000['word/document.xml']).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="11"\/><\/w:pBdr>.*普发改委〔2023〕16号/s);
  });
});

describe('the DOCX page numbers, footnotes and 版记', () => {
  it('numbers pages — 1 — in 4号 宋体, odd pages right and even pages left', () => {
    expect(doc000['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const footers = Object.entries(doc000).filter(([name]) => /word\/footer\d+\.xml/.test(name)).map(([, xml]) => xml);
    expect(footers).toHaveLength(2);
    for (const xml of footers) {
      expect(xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(xml).toMatch(/— /);
      expect(xml).toMatch(/w:eastAsia="宋体"/);
      expect(xml).toMatch(/<w:sz w:val="28"\/>/);
    }
    expect(footers.map((xml) => /<w:jc w:val="(\w+)"\/>/.exec(xml)![1]).sort()).toEqual(['left', 'right']);
  });

  it('makes the footnote a real Word footnote', () => {
    expect(doc004['word/footnotes.xml']).toContain('“411”倍增：四大重点培育产业中的每个产业税收占比每年提高一个百分点');
    expect(doc004['word/document.xml']).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(doc004['word/document.xml']).not.toContain('[^1]');
  });

  it('puts 抄送 and the 印发 line between full-width rules, thick outside and thin between, at the bottom of the block', () => {
    const xml = doc002['word/document.xml']!;
    const cc = xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf('抄送：')), xml.indexOf('抄送：'));
    expect(cc).toMatch(/<w:framePr [^>]*w:yAlign="bottom"[^>]*\/>|<w:framePr [^>]*w:vAnchor="margin"[^>]*\/>/);
    expect(cc).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"/);
    expect(cc).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="6"/);
    expect(xml).toContain('抄送：市政协提案委，市政府办公厅建议提案处。');
    const issued = xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf('2025年3月6日印发')), xml.indexOf('2025年3月6日印发'));
    expect(issued).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"/);
    expect(issued).toContain('上海市普陀区人民政府办公室');
  });
});

let bold: string | undefined;
function doc000Bold(): string {
  return bold!;
}
beforeAll(async () => {
  bold = (await parts(await renderDocx(corpusRecord('001'))))['word/document.xml'];
});
