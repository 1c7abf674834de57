/**
 * Drafts look like drafts (`reply render`): a reply that is not signed prints with 草稿 across its pages and
 * only the place of its number, in Word, HTML and PDF, unless --final is given; a signed one never does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { lightGreyShare, pageText } from '../render/paged.js';
import { fileCleanReplyJson, signingWorkspace } from './support.js';

/** An office that numbers at signing: reply 1 stays a draft without a number, reply 2 is signed. */
function office(): string {
  const ws = signingWorkspace();
  fileCleanReplyJson(ws);
  fileCleanReplyJson(ws, { 'proposal-no': '145073' });
  const signing = runCli(ws, ['status', '2', 'signed']);
  expect(signing.stderr).toBe('已登记文号 普发改委〔2021〕1号\n');
  return ws;
}

/** `reply render …`, which must succeed; what it printed on stdout. */
function render(ws: string, args: readonly string[]): string {
  const run = runCli(ws, ['render', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

async function watermarks(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const headers = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
  const xml = (await Promise.all(headers.map((n) => zip.file(n)!.async('string')))).join('');
  return [...xml.matchAll(/<v:textpath [^>]*string="([^"]+)"/g)].map((m) => m[1]!);
}

describe('reply render of a draft', () => {
  it('gives Word and HTML files marked 草稿, with 普发改委〔　〕号 where the number will go', async () => {
    const ws = office();
    render(ws, ['1', '--format', 'docx', '--out', 'draft.docx']);
    expect(await watermarks(join(ws, 'draft.docx'))).toEqual(['草稿', '草稿']);
    const html = render(ws, ['1', '--format', 'html']);
    expect(html).toContain('<div class="print-mark" aria-hidden="true">草稿</div>');
    expect(html).toContain('<div class="band docNumber" style="height: 28.9pt; line-height: 28.9pt"><span class="centre">普发改委〔　〕号</span>');
  });

  it('gives the final text with --final: no mark, and no number line content for a draft that has none', async () => {
    const ws = office();
    render(ws, ['1', '--format', 'docx', '--final', '--out', 'final.docx']);
    expect(await watermarks(join(ws, 'final.docx'))).toEqual([]);
    const html = render(ws, ['1', '--format', 'html', '--final']);
    expect(html).not.toContain('class="print-mark"');
    expect(html).toContain('<div class="band docNumber" style="height: 28.9pt; line-height: 28.9pt"><span class="rule"');
  });

  it('leaves the text and Markdown, the published layouts, as they are', () => {
    const ws = office();
    const text = render(ws, ['1']);
    expect(text).not.toMatch(/草稿|〔　〕/u);
  });
});

describe('reply render of a signed reply', () => {
  it('never carries the mark, and prints the number given at signing', async () => {
    const ws = office();
    render(ws, ['2', '--format', 'docx', '--out', 'signed.docx']);
    expect(await watermarks(join(ws, 'signed.docx'))).toEqual([]);
    const html = render(ws, ['2', '--format', 'html']);
    expect(html).not.toContain('class="print-mark"');
    expect(html).toContain('<div class="band docNumber" style="height: 28.9pt; line-height: 28.9pt"><span class="centre">普发改委〔2021〕1号</span>');
  });
});

describe('reply render --format pdf of a draft and a signed reply in one call', () => {
  it('marks the draft’s pages and not the signed one’s, each with its own number line', () => {
    const ws = office();
    render(ws, ['1', '2', '--format', 'pdf', '--out', 'pdf/']);
    const draft = join(ws, 'pdf', '编号1 对区政协十四届四次会议 第145072号提案的答复.pdf');
    const signed = join(ws, 'pdf', '普发改委〔2021〕1号 对区政协十四届四次会议 第145073号提案的答复.pdf');
    expect(pageText(draft, 1)).toContain('普发改委〔〕号');
    expect(pageText(signed, 1)).toContain('普发改委〔2021〕1号');
    expect(lightGreyShare(draft, 1)).toBeGreaterThan(0.05);
    expect(lightGreyShare(signed, 1)).toBeLessThan(0.02);
  }, 120_000);
});
