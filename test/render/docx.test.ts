import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { BLOCK_HEIGHT, BLOCK_WIDTH, LINE, PAGE, renderDocx } from '../../src/render/docx.js';
import { BUILTIN_TEMPLATES } from '../../src/render/templates.js';
import { corpusRecord } from '../helpers/corpus.js';

/** The parts of a rendered .docx, as XML text. */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) out[name] = await zip.file(name)!.async('string');
  return out;
}

/** A style of styles.xml by id. */
function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles);
  expect(m, id).not.toBeNull();
  return m![0];
}

const MM = 1440 / 25.4;
let doc000: Record<string, string>;
let doc004: Record<string, string>;
let doc002: Record<string, string>;
let doc001: Record<string, string>;

beforeAll(async () => {
  doc000 = await parts(await renderDocx(corpusRecord('000')));
  doc004 = await parts(await renderDocx(corpusRecord('004')));
  doc002 = await parts(await renderDocx(corpusRecord('002')));
  doc001 = await parts(await renderDocx(corpusRecord('001')));
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
    expect(BLOCK_HEIGHT).toBe(block);
    expect(Math.floor(block / LINE)).toBe(22);
    expect(Math.floor(block / (LINE + 2))).toBe(21); // 29 pt would give 21: the pitch is at its limit
    // The pitch and the condensing are the document defaults; no paragraph leaves the grid but the few that make room.
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(doc000['word/styles.xml']!)![0];
    expect(defaults).toMatch(/<w:spacing w:before="0" w:after="0" w:line="578" w:lineRule="exact"\/>/);
    expect(defaults).toMatch(/<w:spacing w:val="-5"\/>/);
    expect(defaults).toMatch(/<w:widowControl w:val="0"\/>/);
    const body = doc000['word/document.xml']!;
    const pitches = [...body.matchAll(/w:line="(\d+)" w:lineRule="exact"/g)].map((m) => Number(m[1]));
    // The 版头 (head.ts): three lines for 份号, 密级 and 紧急程度; the 标志's line (its em top 35 mm down the block);
    // two lines less what the 标志's line holds under its characters; the doc number; two lines under the red rule,
    // less the rule's 7 pt and 1.5 pt. The 印发 line gives back the 版记's rules.
    expect(pitches).toEqual([578, 578, 578, 918, 1038, 578, 1306 - 170, 578 - 80 - 40]);
    expect(body).toMatch(/普发改委〔2023〕16号<\/w:t><\/w:r><\/w:p><w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="1136"/);
    // 28 characters of 16 pt condensed by 0.25 pt fit 442 pt; 29 do not.
    expect(28 * (320 - 5)).toBeLessThanOrEqual(BLOCK_WIDTH);
    expect(29 * (320 - 5)).toBeGreaterThan(BLOCK_WIDTH);
  });

  it('indents body paragraphs by two characters', () => {
    expect(style(doc000['word/styles.xml']!, 'ReplyBody')).toContain('<w:ind w:firstLine="640"/>');
    expect(doc000['word/document.xml']).toMatch(/<w:pStyle w:val="ReplyBody"\/><\/w:pPr><w:r><w:t xml:space="preserve">普陀区作为上海市中心城区/);
  });
});

describe('the DOCX fonts and sizes', () => {
  const runOf = (xml: string, text: string) => {
    const at = xml.indexOf(`>${text}`);
    expect(at, text).toBeGreaterThan(0);
    return xml.slice(xml.lastIndexOf('<w:r>', at), at);
  };
  const paragraphOf = (xml: string, text: string) => {
    const at = xml.indexOf(text);
    expect(at, text).toBeGreaterThan(0);
    return xml.slice(xml.lastIndexOf('<w:p>', at), at);
  };

  it('puts the Chinese font in eastAsia and hAnsi and Times New Roman in ascii, with no theme fonts', () => {
    const defaults = /<w:rPrDefault>.*<\/w:rPrDefault>/s.exec(doc000['word/styles.xml']!)![0];
    const fonts = /<w:rFonts ([^>]*)\/>/.exec(defaults)![1]!;
    expect(fonts).toContain('w:ascii="Times New Roman"');
    expect(fonts).toContain('w:eastAsia="仿宋_GB2312"');
    expect(fonts).toContain('w:hAnsi="仿宋_GB2312"');
    expect(defaults).toMatch(/<w:sz w:val="32"\/>/);
    // Latin text keeps English rules (numbers are not broken across lines); Chinese text is zh-CN.
    expect(defaults).toMatch(/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/);
    expect(doc000['word/document.xml']).not.toMatch(/Theme=/);
    expect(doc000['word/styles.xml']).not.toMatch(/Theme=/);
    // Body text takes the defaults: no run repeats them.
    expect(runOf(doc000['word/document.xml']!, '普陀区作为')).not.toMatch(/rFonts|<w:sz /);
  });

  it('sets the title in 2号 方正小标宋简体, headings in 黑体 and 楷体_GB2312', () => {
    const styles = doc000['word/styles.xml']!;
    const xml = doc000['word/document.xml']!;
    expect(paragraphOf(xml, '对区政协十五届二次会议')).toContain('<w:pStyle w:val="ReplyTitle"/>');
    expect(style(styles, 'ReplyTitle')).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(style(styles, 'ReplyTitle')).toMatch(/<w:sz w:val="44"\/>/);
    expect(style(styles, 'ReplyTitle')).toMatch(/<w:jc w:val="center"\/>/);
    expect(runOf(xml, '一、')).toContain('<w:rStyle w:val="ReplyHeading1"/>');
    expect(style(styles, 'ReplyHeading1')).toMatch(/w:eastAsia="黑体"/);
    expect(runOf(xml, '（一）')).toContain('<w:rStyle w:val="ReplyHeading2"/>');
    expect(style(styles, 'ReplyHeading2')).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(runOf(xml, '1、')).toContain('<w:rStyle w:val="ReplyHeading3"/>');
    expect(style(styles, 'ReplyHeading3')).toMatch(/w:eastAsia="仿宋_GB2312"/);
  });

  it('breaks a title longer than a line before 第N号, not where the line fills', () => {
    const title = paragraphOf(doc000['word/document.xml']!, '对区政协十五届二次会议') + doc000['word/document.xml']!.slice(doc000['word/document.xml']!.indexOf('对区政协十五届二次会议')).split('</w:p>')[0];
    expect(title).toMatch(/>对区政协十五届二次会议<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">第152104号提案的答复</);
  });

  it('keeps bold run-in headings bold', () => {
    expect(runOf(doc001['word/document.xml']!, '组建重点产业工作专班')).toMatch(/<w:b\/>/);
  });

  it('prints the organ header red, in 小标宋, shrunk to one line', () => {
    const xml = doc000['word/document.xml']!;
    expect(paragraphOf(xml, '上海市普陀区发展和改革委员会文件')).toContain('<w:pStyle w:val="ReplyHeader"/>');
    const header = style(doc000['word/styles.xml']!, 'ReplyHeader');
    expect(header).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(header).toMatch(/w:eastAsia="方正小标宋简体"/);
    const size = Number(/<w:sz w:val="(\d+)"\/>/.exec(runOf(xml, '上海市普陀区发展和改革委员会文件'))![1]) / 2;
    expect(16 * size * 20).toBeLessThanOrEqual(BLOCK_WIDTH); // 16 characters at that size fit one line
  });

  it('has no header paragraph for an organ that prints none', () => {
    expect(doc004['word/document.xml']).not.toContain('文件<');
  });

  it('draws the red rule under the doc number, 4 mm under its characters (7 pt under its line)', () => {
    expect(doc000['word/document.xml']).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="7"\/><\/w:pBdr>.*普发改委〔2023〕16号/s);
  });

  it('uses the configured fonts', async () => {
    const styles = (await parts(await renderDocx(corpusRecord('000'), { fonts: { fangsong: 'FangSong', heiti: 'SimHei', latin: 'Arial' } })))['word/styles.xml']!;
    expect(styles).toMatch(/<w:rFonts w:ascii="Arial" w:hAnsi="FangSong" w:eastAsia="FangSong" w:cs="Arial"\/>/);
    expect(style(styles, 'ReplyHeading1')).toMatch(/w:eastAsia="SimHei"/);
  });
});

describe('the DOCX styles from templates/docx/styles.xml', () => {
  it('are the built-in file, rendered with the fonts', () => {
    const builtin = readFileSync(join(BUILTIN_TEMPLATES, 'docx', 'styles.xml'), 'utf8');
    expect(builtin).toContain('{{fonts.fangsong}}');
    for (const id of ['ReplyHeader', 'ReplyDocNumber', 'ReplyTitle', 'ReplyBody', 'ReplyHeading1', 'ReplyHeading2', 'ReplySignature', 'ReplyContact', 'ReplyFootnote', 'ReplyImprint', 'ReplyPageNumber']) {
      expect(builtin, id).toContain(`w:styleId="${id}"`);
      style(doc000['word/styles.xml']!, id);
    }
    expect(doc000['word/styles.xml']).not.toContain('{{');
  });

  it('are replaced by a workspace’s templates/docx/styles.xml', async () => {
    const templates = mkdtempSync(join(tmpdir(), 'reply-styles-'));
    mkdirSync(join(templates, 'docx'));
    const builtin = readFileSync(join(BUILTIN_TEMPLATES, 'docx', 'styles.xml'), 'utf8');
    // An office that prints its titles in 黑体 at 2号 and its text at 3号 in plain 仿宋.
    const custom = builtin
      .replace(/(w:styleId="ReplyTitle">.*?)w:hAnsi="\{\{fonts\.xiaobiaosong\}\}" w:eastAsia="\{\{fonts\.xiaobiaosong\}\}"/s, '$1w:hAnsi="黑体" w:eastAsia="黑体"')
      .replace('w:hAnsi="{{fonts.fangsong}}" w:eastAsia="{{fonts.fangsong}}"', 'w:hAnsi="仿宋" w:eastAsia="仿宋"');
    expect(custom).not.toBe(builtin);
    writeFileSync(join(templates, 'docx', 'styles.xml'), custom);
    const styles = (await parts(await renderDocx(corpusRecord('000'), { workspaceTemplates: templates })))['word/styles.xml']!;
    expect(style(styles, 'ReplyTitle')).toMatch(/w:eastAsia="黑体"/);
    const defaults = /<w:rPrDefault>.*<\/w:rPrDefault>/s.exec(styles)![0];
    expect(defaults).toMatch(/w:eastAsia="仿宋"/);
    expect(defaults).not.toMatch(/仿宋_GB2312/);
    // A workspace without the file keeps the built-in one.
    const other = mkdtempSync(join(tmpdir(), 'reply-styles-'));
    expect((await parts(await renderDocx(corpusRecord('000'), { workspaceTemplates: other })))['word/styles.xml']).toBe(doc000['word/styles.xml']);
  });

  it('refuses a styles.xml that is not one, in one line naming the file', async () => {
    const templates = mkdtempSync(join(tmpdir(), 'reply-styles-'));
    mkdirSync(join(templates, 'docx'));
    writeFileSync(join(templates, 'docx', 'styles.xml'), '<w:document/>');
    await expect(renderDocx(corpusRecord('000'), { workspaceTemplates: templates })).rejects.toMatchObject({ key: 'template.failed' });
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
      expect(xml).toContain('<w:pStyle w:val="ReplyPageNumber"/>');
    }
    const number = style(doc000['word/styles.xml']!, 'ReplyPageNumber');
    expect(number).toMatch(/w:eastAsia="宋体"/);
    expect(number).toMatch(/<w:sz w:val="28"\/>/);
    expect(footers.map((xml) => /<w:jc w:val="(\w+)"\/>/.exec(xml)![1]).sort()).toEqual(['left', 'right']);
  });

  it('makes the footnote a real Word footnote', () => {
    expect(doc004['word/footnotes.xml']).toContain('“411”倍增：四大重点培育产业中的每个产业税收占比每年提高一个百分点');
    expect(doc004['word/footnotes.xml']).toContain('<w:pStyle w:val="ReplyFootnote"/>');
    expect(doc004['word/document.xml']).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(doc004['word/document.xml']).not.toContain('[^1]');
  });

  it('puts 抄送 and the 印发 line in one frame at the bottom of the block, thick rules outside and a thin one between', () => {
    const xml = doc002['word/document.xml']!;
    const framed = (text: string) => xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf(text)), xml.indexOf(text));
    const cc = framed('抄送：');
    const issued = framed('上海市普陀区人民政府办公室<');
    for (const p of [cc, issued]) {
      expect(p).toMatch(/<w:framePr [^>]*w:vAnchor="margin"[^>]*w:yAlign="bottom"\/>/);
      // LibreOffice makes one frame of them only when their borders are the same: the frame's thick rules.
      expect(p).toContain('<w:pBdr><w:top w:val="single" w:color="000000" w:sz="8" w:space="1"/><w:bottom w:val="single" w:color="000000" w:sz="8" w:space="1"/></w:pBdr>');
    }
    expect(xml).toContain('抄送：市政协提案委，市政府办公厅建议提案处。');
    expect(issued).toContain('w:line="458"');
    // The thin rule: a frame of its own where 抄送 meets the 印发 line, 40 twips of rules and 458 of line above the block's bottom.
    const rule = /<w:p><w:pPr><w:framePr w:w="8845" w:x="0" w:y="(\d+)"[^>]*\/><w:pBdr><w:top w:val="single" w:color="000000" w:sz="6" w:space="0"\/><\/w:pBdr>/.exec(xml);
    expect(rule).not.toBeNull();
    expect(Number(rule![1])).toBeCloseTo(BLOCK_HEIGHT - 40 - 458 - 8, -1);
    expect(doc000['word/document.xml']).not.toContain('w:sz="6" w:space="0"'); // no 抄送, no thin rule
  });
});

describe('the DOCX of a record without a doc number or a date', () => {
  it('keeps an empty doc-number paragraph with its red rule, and prints the signature without a date and no 印发 date', async () => {
    const xml = (await parts(await renderDocx({ ...corpusRecord('004'), docNumber: null, signedOn: null })))['word/document.xml']!;
    expect(xml).not.toMatch(/〔\d{4}〕/u);
    const docNumber = /<w:p>(?:(?!<\/w:p>).)*?w:val="ReplyDocNumber".*?<\/w:p>/su.exec(xml)![0];
    expect(docNumber).toContain('w:color="FF0000"');
    expect(docNumber.replace(/<[^>]+>/g, '')).toBe('');
    const textOf = (styleId: string) =>
      [...xml.matchAll(new RegExp(`<w:p>(?:(?!</w:p>).)*?w:val="${styleId}".*?</w:p>`, 'gsu'))].map((m) => m[0].replace(/<[^>]+>/g, ''));
    expect(textOf('ReplySignature')).toEqual(['上海市普陀区发展和改革委员会']);
    const imprint = textOf('ReplyImprint').join('');
    expect(imprint).toContain('上海市普陀区发展和改革委员会');
    expect(imprint).not.toMatch(/\d|印发/u);
  });
});
