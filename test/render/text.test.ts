import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { textExporter, markdownExporter } from '../../src/render/text.js';
import { replyText } from '../../src/core/reply-parts.js';
import { ROOT } from '../helpers/cli.js';
import { corpusRecord, published, type CorpusId } from '../helpers/corpus.js';

/**
 * The export artifacts of each published text, named one by one. Everything
 * else must match the render line for line.
 */
const ARTIFACTS: Record<CorpusId, { pageBreaks: string[]; repair?: (lines: string[]) => string[] }> = {
  '000': {
    pageBreaks: ['普陀区作为', '2019年8月31日，上海', '私募投资基', '沿沪宁产业创新带的新发展', '目标建成世界一流的城市城市'],
  },
  '001': {
    pageBreaks: ['围绕新赛道、未来产业发展遇到', '推动区域高质量发展行动方案》的基础上，', '支持优质新材料企业申', '。三是'],
  },
  '002': {
    pageBreaks: ['等城市拥有数量众多的一流', '已建立沿沪宁协同创新城市', '南京市紫金山实验室、无锡', '链接全球高校、顶尖人才和优'],
    repair: (lines) =>
      lines.flatMap((line) => {
        // Dates printed with spaces: 2025 年 3 月 6 日.
        const dated = line.replace(/(\d{4}) 年 (\d{1,2}) 月 (\d{1,2}) 日/g, '$1年$2月$3日');
        // A space after the contact labels' colon.
        const label = dated.replace(/^(联系人|联系电话)： /, '$1：');
        // Address and postcode exported on one line.
        const m = /^(联系地址：.*?) (邮政编码：\d{6})$/.exec(label);
        return m ? [m[1]!, m[2]!] : [label];
      }),
  },
  '004': {
    pageBreaks: ['率先打造城市数字化转型应用', '数字应用示范、数字经济环境', '感知识别等细', '重大项目支持的带动作用，'],
    // The footnote printed at the foot of its page comes after the contact block in the text layout.
    repair: (lines) => {
      const note = lines.findIndex((l) => l.startsWith('¹ '));
      const moved = [...lines.slice(0, note), ...lines.slice(note + 1)];
      const after = moved.findIndex((l) => l.startsWith('邮政编码：')) + 1;
      return [...moved.slice(0, after), lines[note]!, ...moved.slice(after)];
    },
  },
};

/** The published text with its named artifacts repaired, as non-blank lines. */
function expectedLines(id: CorpusId): string[] {
  const { pageBreaks, repair } = ARTIFACTS[id];
  let lines = published(id)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== '---') // blank lines vary; --- are the 版记 rules drawn in Markdown
    .map((l) => l.replace(/^#+\s*/, '').replace(/\*\*/g, '')); // stray Markdown marks
  // The pages split these paragraphs; a page break is not a paragraph break.
  if (id === '004') lines = repair!(lines); // the footnote sits between the halves of a split paragraph
  for (const end of pageBreaks) {
    const at = lines.findIndex((l) => l.endsWith(end));
    expect(at, `page break after "${end}"`).toBeGreaterThanOrEqual(0);
    lines.splice(at, 2, lines[at]! + lines[at + 1]!);
  }
  return id === '002' ? repair!(lines) : lines;
}

describe('text render of the corpus replies', () => {
  for (const id of ['000', '001', '002', '004'] as const) {
    it(`${id} matches the published text line by line, apart from the named artifacts`, () => {
      const text = textExporter.render(corpusRecord(id), {}) as string;
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      expect(lines).toEqual(expectedLines(id));
    });

    it(`${id} separates every line of the layout by one blank line`, () => {
      const text = textExporter.render(corpusRecord(id), {}) as string;
      expect(text).not.toMatch(/\n\n\n/);
      expect(text.trimEnd().split('\n\n').every((block) => !block.includes('\n'))).toBe(true);
      expect(text.endsWith('\n')).toBe(true);
    });

    it(`${id} renders to its golden text and Markdown`, async () => {
      const record = corpusRecord(id);
      await expect(textExporter.render(record, {})).toMatchFileSnapshot(join(ROOT, 'test', 'golden', `${id}.txt`));
      await expect(markdownExporter.render(record, {})).toMatchFileSnapshot(join(ROOT, 'test', 'golden', `${id}.md`));
    });
  }
});

describe('the Markdown of a hostile record', () => {
  it('prints every text of the record as it reads: no raw HTML and no Markdown of its own, in any part', async () => {
    const script = '<script>alert(1)</script>';
    const record = {
      ...corpusRecord('000'),
      header: `${script}文件`,
      proposalTitle: `**粗体**${script}`,
      session: `区政协${script}`,
      salutation: `${script}：`,
      organ: `${script}发改委`,
      printingOrgan: `${script}办公室`,
      contact: { name: script, phone: '52564588', address: `[链接](http://x)${script}`, postcode: '200333' },
      cc: [script, `_斜体_${script}`],
      body: `**${script}**一是加强协同。\n\n正文${script}。\n`,
    };
    const md = (await markdownExporter.render(record, {})) as string;
    expect(md).not.toMatch(/(?<!\\)<script>/u);
    expect(md.match(/\\<script>/g)?.length).toBeGreaterThanOrEqual(10);
    expect(md).not.toMatch(/(?<!\\)\*\*粗体|(?<!\\)\[链接\]|(?<!\\)_斜体/u);
  });
});

describe('the 附注 in the published text', () => {
  const record = { ...corpusRecord('000'), annotation: '此件公开发布' };

  it('stands in round brackets after the date, before the contact block, in the text and the Markdown', async () => {
    for (const exporter of [textExporter, markdownExporter]) {
      const text = (await exporter.render(record, {})) as string;
      expect(text, exporter.name).toContain('2023年5月18日\n\n（此件公开发布）\n\n联系人姓名：宋佩颖');
    }
  });

  it('is where the checker reads the reply too (replyText, the same parts)', async () => {
    expect(replyText(record)).toBe(await textExporter.render(record, {}));
  });
});
