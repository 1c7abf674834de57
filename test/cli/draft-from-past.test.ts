/**
 * Drafting from what was said before: the paragraphs of past replies found and shown with their
 * context, past replies ranked for a proposal before any draft exists, and a new draft started
 * from a past reply, its opening and closing its own, what it carried over of the past reply's
 * time listed for review.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../helpers/cli.js';
import { CORPUS, expectError } from './support.js';

/** A workspace holding corpus replies 1 (普发改委〔2023〕16号, to 朱莺委员) and 2 (普府〔2025〕19号, a 会办意见). */
function archive(): string {
  const ws = workspace();
  const run = runCli(ws, ['import', join(CORPUS, '000_4fb67617f60c5557.txt'), join(CORPUS, '002_a164b7bb32c782c3.txt')]);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return ws;
}

const body = (ws: string, id: number | string) => runCli(ws, ['show', String(id), '--body']).stdout;
const paragraphs = (text: string) => text.trim().split(/\n\n+/u);

describe('reply show --body', () => {
  it('prints the body alone, as filed, for a pipe', () => {
    const ws = archive();
    const shown = JSON.parse(runCli(ws, ['show', '1', '--json']).stdout) as { body: string };
    expect(body(ws, 1)).toBe(shown.body.endsWith('\n') ? shown.body : `${shown.body}\n`);
    expect(body(ws, '普发改委〔2023〕16号')).toBe(body(ws, 1));
  });
});

describe('reply search --paragraphs', () => {
  it('prints each matching paragraph with its reply, and with -C 1 the paragraph either side, as rg -C does', () => {
    const ws = archive();
    const run = runCli(ws, ['search', '清华国际创新中心', '--paragraphs', '-C', '1']);
    expect(run.code, run.stderr).toBe(0);
    // one block a reply, newest first: 普府〔2025〕19号 names the centre too
    const blocks = run.stdout.trimEnd().split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0])).toEqual([
      '2  普府〔2025〕19号  2025年3月6日  会办意见  上海市普陀区人民政府',
      '1  普发改委〔2023〕16号  2023年5月18日  提案答复  上海市普陀区发展和改革委员会',
    ]);
    const lines = blocks[1]!.split('\n');
    const shown = lines.slice(1).filter((l) => l !== '--');
    const matches = shown.filter((l) => /^\d+:/u.test(l));
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expect(m).toContain('清华国际创新中心');
    // every match has its neighbours, marked as context unless they match too
    const numbers = shown.map((l) => Number(/^(\d+)[:-]/u.exec(l)![1]));
    for (const m of matches) {
      const n = Number(/^(\d+):/u.exec(m)![1]);
      expect(numbers).toContain(n - 1);
      expect(numbers).toContain(n + 1);
    }
    // the paragraphs are the body's, numbered in order
    const all = paragraphs(body(ws, 1));
    for (const l of shown) {
      const [, n, text] = /^(\d+)[:-] {2}(.*)$/u.exec(l)!;
      expect(all[Number(n) - 1]).toBe(text);
    }
  });

  it('gives the same as JSON with the matches as character offsets', () => {
    const ws = archive();
    const [hit] = JSON.parse(runCli(ws, ['search', '海纳小镇', '--paragraphs', '--json']).stdout) as {
      id: number;
      docNumber: { text: string };
      kind: string;
      organ: string;
      paragraphs: { index: number; text: string; match: boolean; matches: { start: number; end: number }[] }[];
    }[];
    expect(hit).toMatchObject({ id: 1, docNumber: { text: '普发改委〔2023〕16号' }, kind: '提案答复', organ: '上海市普陀区发展和改革委员会' });
    for (const p of hit!.paragraphs) {
      expect(p.match).toBe(true);
      for (const m of p.matches) expect([...p.text].slice(m.start, m.end).join('')).toBe('海纳小镇');
    }
  });

  it('refuses -C without --paragraphs, and a context past 20', () => {
    const ws = archive();
    expectError(runCli(ws, ['search', '长三角', '-C', '1']), 2, '-C 只能与 --paragraphs 同用');
    expectError(runCli(ws, ['search', '长三角', '--paragraphs', '-C', '21']), 2, '-C');
  });
});

describe('reply similar for a proposal not yet answered', () => {
  it('ranks the archive by a proposal’s title given as --text', () => {
    const ws = archive();
    const hits = JSON.parse(runCli(ws, ['similar', '--text', '关于建设长三角一体化数据研报平台的建议', '--json']).stdout) as { id: number }[];
    expect(hits[0]?.id).toBe(1);
  });

  it('ranks by a registered proposal’s title', () => {
    const ws = archive();
    const added = runCli(ws, ['proposal', 'add', '--kind', '提案', '--session', '区政协十六届一次会议', '--number', '160001', '--title', '关于加强中以创新园长三角协同的建议', '--proposer', '李明委员', '--assigned-on', '2026-03-01', '--role', '主办']);
    expect(added.code, added.stderr).toBe(0);
    const hits = JSON.parse(runCli(ws, ['similar', '--proposal', '160001', '--json']).stdout) as { id: number }[];
    expect(hits.map((h) => h.id)).toContain(1);
  });

  it('needs a reply, a text or a proposal, and only one way', () => {
    const ws = archive();
    expectError(runCli(ws, ['similar']), 2, '--text');
    expectError(runCli(ws, ['similar', '1', '--text', '长三角']), 2, '只能给一种');
  });
});

/** `reply new --from 1` with these fields; the new draft's id. */
function fromPast(ws: string, fields: readonly string[], past = '1'): { id: number; stderr: string } {
  const run = runCli(ws, ['new', '--from', past, '--json', '--session', '区政协十六届一次会议', '--proposal-no', '160001', '--result', '采纳解决', '--disclosure', '主动公开·全文', '--signed-on', '2026-05-20', ...fields]);
  expect(run.code, run.stderr).toBe(0);
  return { id: (JSON.parse(run.stdout) as { id: number }).id, stderr: run.stderr };
}

const findings = (ws: string, id: number) =>
  (JSON.parse(runCli(ws, ['check', String(id), '--json']).stdout) as { findings: { code: string; line: number; message: string }[] }[])[0]!.findings;

describe('reply new --from', () => {
  it.each([
    ['a member', ['--kind', '提案答复', '--title', '关于深化长三角数据共享的建议', '--proposer', '李明委员'], /^您提出的《关于深化长三角数据共享的建议》的提案收悉/u, /^非常感谢您的提案/u],
    ['several members', ['--kind', '提案答复', '--title', '关于深化长三角数据共享的建议', '--proposer', '李明委员', '--proposer', '王芳委员'], /^你们提出的/u, /^非常感谢你们的提案/u],
    ['a group', ['--kind', '提案答复', '--title', '关于深化长三角数据共享的建议', '--proposer', '经济委员会'], /^贵单位提出的/u, /^非常感谢贵单位的提案/u],
    ['a deputy', ['--kind', '建议答复', '--session', '区十八届人大一次会议', '--title', '关于深化长三角数据共享的建议', '--proposer', '李明代表'], /^您提出的《关于深化长三角数据共享的建议》的建议收悉/u, /^非常感谢您的建议/u],
    ['the lead unit of a 会办意见', ['--kind', '会办意见', '--title', '关于深化长三角数据共享的建议', '--proposer', '李明委员', '--lead-unit', '市发展改革委'], /现将会办意见函告如下：$/u, /^以上意见供你单位统一答复提案者时参考。$/u],
  ] as const)('to %s: the opening and closing are the new reply’s, and pass reply check', (_who, fields, opening, closing) => {
    const ws = archive();
    const { id } = fromPast(ws, fields);
    const text = paragraphs(body(ws, id));
    expect(text[0]).toMatch(opening);
    expect(text.at(-1)).toMatch(closing);
    // the middle is the past reply's, headings and all
    const past = paragraphs(body(ws, 1));
    expect(text.slice(1, -1)).toEqual(past.slice(1, -1));
    expect(findings(ws, id).filter((f) => /^(opening|closing|salutation)\//u.test(f.code))).toEqual([]);
  });

  it('lists the years and dates older than the new reply that it carried over, and reply check warns of each until rewritten', () => {
    const ws = archive();
    const { id, stderr } = fromPast(ws, ['--kind', '提案答复', '--title', '关于深化长三角数据共享的建议', '--proposer', '李明委员']);
    expect(stderr).toMatch(/^正文沿用第 1 号 普发改委〔2023〕16号，开头与结尾已按本答复重写；沿用的句子中有 \d+ 处早于本答复的时间/u);
    expect(stderr).toContain('2019年8月31日（2019年8月31日，上海清华国际创新中心在普陀揭牌。）');
    const stale = findings(ws, id).filter((f) => f.code === 'text/stale-date');
    expect(stale.length).toBe(stderr.trim().split('\n').length - 1);
    expect(stale.every((f) => f.message.startsWith('沿用第 1 号答复的句子中有早于本答复的时间'))).toBe(true);
    // the clerk rewrites a sentence: its warning goes, the others stay
    const edited = body(ws, id).replace('2019年8月31日，上海清华国际创新中心在普陀揭牌。', '上海清华国际创新中心在普陀揭牌以来，持续开展合作。');
    const file = join(ws, 'edited.md');
    writeFileSync(file, edited);
    expect(runCli(ws, ['edit', String(id), '--body', file]).code).toBe(0);
    const after = findings(ws, id).filter((f) => f.code === 'text/stale-date');
    expect(after.length).toBe(stale.length - 1);
    expect(after.some((f) => f.message.includes('2019年8月31日'))).toBe(false);
  });

  it('keeps which reply a draft was started from through export and import', () => {
    const ws = archive();
    const { id } = fromPast(ws, ['--kind', '提案答复', '--title', '关于深化长三角数据共享的建议', '--proposer', '李明委员']);
    const stale = findings(ws, id).filter((f) => f.code === 'text/stale-date');
    expect(stale.length).toBeGreaterThan(0);
    const dump = join(ws, 'archive.jsonl');
    expect(runCli(ws, ['export', '--out', dump]).code).toBe(0);
    const copy = workspace();
    expect(runCli(copy, ['import', '--format', 'jsonl', dump]).code).toBe(0);
    expect(findings(copy, id).filter((f) => f.code === 'text/stale-date')).toEqual(stale);
  });

  it('says so when nothing carried over is older than the new reply', () => {
    const ws = archive();
    const run = runCli(ws, ['new', '--from', '1', '--kind', '提案答复', '--session', '区政协十五届二次会议', '--proposal-no', '152999', '--title', '关于数据共享的建议', '--proposer', '李明委员', '--result', '采纳解决', '--disclosure', '主动公开·全文', '--signed-on', '2018-01-01']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('沿用的句子中没有早于本答复的时间');
  });

  it('takes the body from the past reply only: --body as well is refused, and nothing is filed', () => {
    const ws = archive();
    expectError(runCli(ws, ['new', '--from', '1', '--body', join(CORPUS, '000.body.md'), '--kind', '提案答复']), 2, '--from 与 --body');
    expect((JSON.parse(runCli(ws, ['list', '--json']).stdout) as unknown[]).length).toBe(2);
  });
});
