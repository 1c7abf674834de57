/**
 * The tool's own documents read back: every corpus reply rendered to DOCX,
 * HTML and PDF imports back to the record it was rendered from.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePublished } from '../../src/core/published.js';
import { docxReader } from '../../src/read/docx.js';
import { htmlReader } from '../../src/read/html.js';
import { pdfReader } from '../../src/read/pdf.js';
import { renderDocx } from '../../src/render/docx.js';
import { renderPdfs } from '../../src/render/pdf.js';
import { htmlExporter } from '../../src/render/text.js';
import type { FormatReader } from '../../src/read/format.js';
import type { ReplyFields } from '../../src/core/reply.js';
import { FIXTURES, runCli, workspace } from '../helpers/cli.js';
import { corpusRecord, REPLIES, type CorpusId } from '../helpers/corpus.js';
import { hasSoffice, needInCi } from '../helpers/office.js';

needInCi(hasSoffice, 'soffice (Debian libreoffice-writer-nogui)');

const IDS = Object.keys(REPLIES) as CorpusId[];

async function readBack(reader: FormatReader, bytes: Uint8Array | string) {
  const read = await reader.read(Buffer.from(bytes));
  if (!read.ok) throw new Error(read.reason);
  const parsed = parsePublished(read.lines ?? read.text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed;
}

/**
 * What a PDF cannot give back: which words were bold (the body's ** marks),
 * and the spaces between Chinese and Latin text where a line broke (a PDF
 * keeps no space at a line's end, and its layout engine sets space of its
 * own beside digits).
 */
function asPrinted(reply: ReplyFields): ReplyFields {
  const cjk = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
  return { ...reply, body: reply.body.replaceAll('**', '').replace(new RegExp(`(?<=${cjk}) +| +(?=${cjk})`, 'gu'), '') };
}

describe('a corpus reply rendered to DOCX reads back to its record: every field, bold run-ins, footnotes and properties', () => {
  for (const id of IDS) {
    it(id, async () => {
      const record = corpusRecord(id);
      const parsed = await readBack(docxReader, await renderDocx(record, {}));
      expect(parsed.reply).toEqual(record);
      expect(parsed.warnings).toEqual([]);
    });
  }
});

describe('a corpus reply rendered to HTML reads back to its record', () => {
  for (const id of IDS) {
    it(id, async () => {
      const record = corpusRecord(id);
      const parsed = await readBack(htmlReader, (await htmlExporter.render(record, {})) as string);
      expect(parsed.reply).toEqual(record);
    });
  }
});

describe.skipIf(!hasSoffice)('a corpus reply rendered to PDF reads back to its record, as far as a PDF prints it (skipped: soffice is not installed)', () => {
  it('every corpus reply: every field, the text of the body', async () => {
    const records = IDS.map((id) => corpusRecord(id));
    const pdfs: Uint8Array[] = [];
    await renderPdfs(records, {}, (i, pdf) => void (pdfs[i] = pdf));
    for (const [i, record] of records.entries()) {
      const parsed = await readBack(pdfReader, pdfs[i]!);
      expect(asPrinted(parsed.reply), IDS[i]).toEqual(asPrinted(record));
    }
  }, 120_000);
});

describe.skipIf(!hasSoffice)('reply render, then reply import of what it wrote (skipped: soffice is not installed)', () => {
  it('files every corpus reply again from its DOCX, HTML and PDF, with the fields it had', () => {
    const from = workspace();
    expect(runCli(from, ['import', join(FIXTURES, 'corpus')]).code).toBe(0);
    for (const format of ['docx', 'html', 'pdf']) expect(runCli(from, ['render', '--all', '--format', format, '--out', `out-${format}`]).code).toBe(0);
    const fields = (ws: string) =>
      (JSON.parse(runCli(ws, ['list', '--json']).stdout) as { id: number }[]).map(({ id }) => {
        const { id: _id, createdAt: _c, updatedAt: _u, source: _s, body: _b, ...rest } = JSON.parse(runCli(ws, ['show', String(id), '--json']).stdout);
        return rest;
      });
    const want = fields(from);
    for (const format of ['docx', 'html', 'pdf']) {
      const to = workspace();
      const run = runCli(to, ['import', join(from, `out-${format}`)]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(readdirSync(join(from, `out-${format}`))).toHaveLength(want.length);
      expect(fields(to), format).toEqual(want);
    }
  }, 240_000);
});
