import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Status } from '../../src/core/reply.js';
import { renderDocx } from '../../src/render/docx.js';
import { htmlExporter } from '../../src/render/text.js';
import { corpusRecord } from '../helpers/corpus.js';

/** The .docx of corpus reply 000 in the given state: its document and its headers, as XML text. */
async function docx(status: Status | undefined, options = {}) {
  const record = { ...corpusRecord('000'), ...(status ? { status } : {}) };
  const zip = await JSZip.loadAsync(await renderDocx(record, options));
  const headers = await Promise.all(
    Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')),
  );
  const document = await zip.file('word/document.xml')!.async('string');
  const docNumber = /<w:p>(?:(?!<\/w:p>).)*?w:val="ReplyDocNumber".*?<\/w:p>/su.exec(document)![0].replace(/<[^>]+>/g, '');
  return { headers, docNumber };
}

async function html(status: Status | undefined, options = {}) {
  return (await htmlExporter.render({ ...corpusRecord('000'), ...(status ? { status } : {}) }, options)) as string;
}

const marks = (headers: readonly string[]) => headers.flatMap((h) => [...h.matchAll(/<v:textpath [^>]*string="([^"]+)"/g)].map((m) => m[1]));

describe('a draft Word file looks like a draft', () => {
  it('carries 草稿 as Word’s own watermark on odd and even pages, and shows only the place of its number', async () => {
    const { headers, docNumber } = await docx('draft');
    expect(marks(headers)).toEqual(['草稿', '草稿']);
    expect(docNumber).toBe('普发改委〔　〕号');
    expect((await docx('checked')).docNumber).toBe('普发改委〔　〕号');
  });

  it('marks a void reply 作废 and keeps its number', async () => {
    const { headers, docNumber } = await docx('void');
    expect(marks(headers)).toEqual(['作废', '作废']);
    expect(docNumber).toBe('普发改委〔2023〕16号');
  });

  it('never marks a signed, sent or published reply, nor a draft printed --final', async () => {
    for (const status of ['signed', 'sent', 'published'] as const) {
      const { headers, docNumber } = await docx(status);
      expect(marks(headers), status).toEqual([]);
      expect(docNumber).toBe('普发改委〔2023〕16号');
    }
    const final = await docx('draft', { final: true });
    expect(marks(final.headers)).toEqual([]);
    expect(final.docNumber).toBe('普发改委〔2023〕16号');
  });

  it('shows the office’s prefix for a draft that has no number yet', async () => {
    const zip = await JSZip.loadAsync(await renderDocx({ ...corpusRecord('000'), docNumber: null, status: 'draft' }, { officePrefix: '普发改委' }));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('普发改委〔　〕号');
  });
});

describe('a draft HTML page looks like a draft', () => {
  it('carries 草稿 across the page, fixed so that print repeats it on every page, and the place of its number', async () => {
    const page = await html('draft');
    expect(page).toContain('<div class="print-mark" aria-hidden="true">草稿</div>');
    expect(page).toMatch(/\.print-mark \{\s*position: fixed;/);
    expect(page).toContain('<span class="centre">普发改委〔　〕号</span>');
    expect(page).toContain('<title>普发改委〔　〕号 ');
  });

  it('marks a void reply 作废; a signed one, and a draft printed --final, carry no mark', async () => {
    expect(await html('void')).toContain('<div class="print-mark" aria-hidden="true">作废</div>');
    for (const page of [await html('signed'), await html('published'), await html('draft', { final: true }), await html(undefined)]) {
      expect(page).not.toContain('class="print-mark"');
      expect(page).toContain('<span class="centre">普发改委〔2023〕16号</span>');
    }
  });
});
