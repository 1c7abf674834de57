import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import chalk from 'chalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { foldText } from '../../src/core/search-query.js';
import { runCli, workspace, type Run } from '../helpers/cli.js';
import { copyAnswers, expectError, fileReply, fileReplyJson, lastingWorkspace, listJson, type ReplyJson } from './support.js';

/**
 * The archive of these tests:
 *   1  普发改委〔2023〕16号  2023-05-18  corpus 000 (开发长三角一体化智能数据图表研报平台的建议)
 *   2  普发改委〔2023〕10号  2023-04-27  corpus 001 (经济委员会)
 *   3  普发改委〔2021〕9号   2021-04-19  corpus 004 (王东伟委员)
 *   4  2016-03-01  海绵城市 in the proposal title
 *   5  2016-09-01  海绵城市 in the body; 留作参考, 经济委员会; void
 *   6  2024-06-01  海绵城市 in the body; 建议答复, 李明代表, 部分采纳
 *   7  2020-07-01  海绵城市 in the body; 会办意见; organ changed to 上海市普陀区人民政府
 * Filed in that order, so the filing order is not the date order.
 */
let ws: string;

interface HitJson {
  id: number;
  docNumber: { text: string };
  signedOn: string;
  kind: string;
  status: string;
  title: string;
  proposalTitle: string;
  proposers: string;
  hit: 'title' | 'text' | 'similar';
  titleMatches: { start: number; end: number }[];
  snippet: { field: string; text: string; matches: { start: number; end: number }[] };
}

function bodyFile(dir: string, name: string, text: string): string {
  const path = join(dir, `${name}.md`);
  writeFileSync(path, text);
  return path;
}

const PLAIN = '本段只是为了凑足篇幅的普通文字，与检索无关。';

beforeAll(() => {
  ws = lastingWorkspace();
  const none = {
    kind: undefined, session: undefined, 'proposal-no': undefined, title: undefined, proposer: undefined,
    result: undefined, disclosure: undefined, 'signed-on': undefined, body: undefined,
  };
  for (const id of ['000', '001', '004'] as const) fileReply(ws, none, ['--answers', copyAnswers(join(ws, 'in'), id)]);
  const base = { ...none, kind: '提案答复', session: '区政协十五届二次会议', 'proposal-no': '152200', proposer: '朱莺委员', result: '采纳解决', disclosure: '主动公开·全文' };
  fileReply(ws, { ...base, title: '关于加快海绵城市试点的建议', 'signed-on': '2016-03-01', body: bodyFile(ws, 'b4', `${PLAIN}\n\n${PLAIN}`) });
  fileReply(ws, {
    ...base, title: '关于河道治理的建议', 'signed-on': '2016-09-01', proposer: '经济委员会', result: '留作参考',
    body: bodyFile(ws, 'b5', `${PLAIN}\n\n贯彻海绵城市理念。`),
  });
  fileReply(ws, {
    ...base, kind: '建议答复', session: '区十七届人大二次会议', title: '关于推进城市更新的建议', 'signed-on': '2024-06-01',
    proposer: '李明代表', result: '部分采纳', body: bodyFile(ws, 'b6', `${PLAIN}\n\n推进海绵城市建设。\n\n${PLAIN}`),
  });
  fileReply(ws, {
    ...base, kind: '会办意见', session: '市政协十四届三次会议', 'proposal-no': '0690', 'lead-unit': '市发展改革委',
    title: '关于防汛工作的建议', 'signed-on': '2020-07-01', result: '解决或采纳', body: bodyFile(ws, 'b7', `海绵城市。\n\n${PLAIN}`),
  });
  for (const args of [['status', '5', 'void', '--reason', '重复登记'], ['edit', '7', '--set', 'organ=上海市普陀区人民政府']]) {
    const run = runCli(ws, args);
    expect(run.code, run.stderr).toBe(0);
  }
});

afterAll(() => rmSync(ws, { recursive: true, force: true }));

function searchJson(args: readonly string[], cwd = ws): HitJson[] {
  const run = runCli(cwd, ['search', '--json', ...args]);
  expect(run.stderr, run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as HitJson[];
}

const ids = (args: readonly string[]) => searchJson(args).map((h) => h.id);

/** What a query of plain words finds, by brute force over the replies' texts as `list --json` gives them. */
function bruteForce(words: readonly string[], keep: (r: ReplyJson) => boolean = () => true): number[] {
  const fields = (r: ReplyJson) => [r.title, r.proposalTitle, r.proposers.map((p) => p.name).join('、'), r.body].map(foldText);
  return listJson(ws, ['--all'])
    .filter((r) => keep(r) && words.every((w) => fields(r).some((f) => f.includes(foldText(w)))))
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('reply search', () => {
  // The count line now comes first (共 1 份), the hits after a blank line.
  it('prints how many, then doc number, date, title and status, then a snippet around the match, no sentinel, no colour off a terminal', () => {
    const run = runCli(ws, ['search', '研报平台']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['共 1 份', '']);
    expect(lines[2]).toBe('1  普发改委〔2023〕16号  2023年5月18日  开发长三角一体化智能数据图表研报平台的建议  草稿');
    expect(lines[3]).toMatch(/^ {4}\S.*研报平台/u);
    expect(run.stdout).not.toMatch(/[\u0001\u001b]/u);
  });

  it('--json gives the same with the matches as character offsets inside the snippet', () => {
    const [hit, ...rest] = searchJson(['研报平台']);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({
      id: 1,
      docNumber: { text: '普发改委〔2023〕16号' },
      signedOn: '2023-05-18',
      title: '对区政协十五届二次会议 第152104号提案的答复',
      proposalTitle: '开发长三角一体化智能数据图表研报平台的建议',
      proposers: '朱莺委员',
      hit: 'title',
      titleMatches: [{ start: 14, end: 18 }],
    });
    expect(hit!.snippet.field).toBe('body');
    expect(hit!.snippet.matches.length).toBeGreaterThan(0);
    const chars = [...hit!.snippet.text];
    for (const m of hit!.snippet.matches) expect(chars.slice(m.start, m.end).join('')).toBe('研报平台');
    expect(JSON.stringify(hit)).not.toContain('\\u0001');
  });

  it('finds 1–2 character terms exactly (compared with a brute-force search of the same texts)', () => {
    for (const q of ['提案', '数据', '数', '朱', '号', '议']) {
      expect(sorted(ids([q, '--limit', '1000'])), q).toEqual(bruteForce([q]));
    }
    expect(bruteForce(['数据']).length).toBeGreaterThan(1);
  });

  it('needs every term, matches "phrases" whole and leaves out -terms', () => {
    expect(sorted(ids(['长三角', '数据']))).toEqual(bruteForce(['长三角', '数据']));
    expect(ids(['"长三角一体化智能"'])).toEqual([1]);
    expect(ids(['"长三角 一体化"'])).toEqual([]);
    expect(sorted(ids(['海绵城市 -河道']))).toEqual([4, 6, 7]);
    expect(sorted(ids(['--', '-河道', '海绵城市']))).toEqual([4, 6, 7]);
    // a query that is only exclusions lists the rest, newest first
    expect(ids(['--', '-海绵城市'])).toEqual(
      listJson(ws, ['--all'])
        .filter((r) => ![4, 5, 6, 7].includes(r.id))
        .map((r) => r.id),
    );
  });

  it('lists a title hit first, then body hits newest signed date first', () => {
    const hits = searchJson(['海绵城市']);
    expect(hits.map((h) => h.id)).toEqual([4, 6, 7, 5]);
    expect(hits.map((h) => h.hit)).toEqual(['title', 'text', 'text', 'text']);
    expect(hits.map((h) => h.snippet.field)).toEqual(['proposalTitle', 'body', 'body', 'body']);
  });

  it('ranks two terms by recency, not by score: a title holding either first, newest first; then the rest, newest first', () => {
    // 建议 ends every proposal title here: all four are title hits, by date
    const both = searchJson(['海绵城市', '建议']);
    expect(both.map((h) => h.id)).toEqual([6, 7, 5, 4]);
    expect(both.every((h) => h.hit === 'title')).toBe(true);
    // 普通 is in the bodies only: the reply with 海绵城市 in its title first, then the body hits by date
    const mixed = searchJson(['海绵城市', '普通']);
    expect(mixed.map((h) => [h.id, h.hit])).toEqual([[4, 'title'], [6, 'text'], [7, 'text'], [5, 'text']]);
    expect(ids(['海绵城市', '普通', '--limit', '2'])).toEqual([4, 6]);
    expect(ids(['普通', '海绵城市', '--limit', '3', '--year', '2016'])).toEqual([4, 5]);
  });

  it('applies --year --kind --result --organ --proposer --status and --limit', () => {
    expect(ids(['海绵城市', '--year', '2016'])).toEqual([4, 5]);
    expect(ids(['海绵城市', '--kind', '建议答复'])).toEqual([6]);
    expect(ids(['海绵城市', '--kind', 'co-handling'])).toEqual([7]);
    expect(ids(['海绵城市', '--result', '留作参考'])).toEqual([5]);
    expect(ids(['海绵城市', '--organ', '人民政府'])).toEqual([7]);
    expect(ids(['海绵城市', '--proposer', '李明代表'])).toEqual([6]);
    expect(ids(['海绵城市', '--status', 'void'])).toEqual([5]);
    expect(ids(['海绵城市', '--status', '草稿'])).toEqual([4, 6, 7]);
    expect(ids(['海绵城市', '--limit', '2'])).toEqual([4, 6]);
    expect(ids(['海绵城市', '--year', '2016', '--status', 'draft'])).toEqual([4]);
    expect(sorted(ids(['数据', '--year', '2023', '--limit', '100']))).toEqual(bruteForce(['数据'], (r) => r.signedOn.startsWith('2023')));
  });

  it('says so on stderr when nothing matches; --json gives []', () => {
    expect(runCli(ws, ['search', '嗯嗯嗯'])).toEqual({ stdout: '', stderr: '没有找到符合条件的答复。\n', code: 0 });
    expect(runCli(ws, ['search', '--json', '嗯'])).toEqual({ stdout: '[]\n', stderr: '', code: 0 });
  });

  it('reads an empty archive without creating it', () => {
    const empty = workspace();
    expect(runCli(empty, ['search', '数据'])).toEqual({ stdout: '', stderr: '没有找到符合条件的答复。\n', code: 0 });
    expect(runCli(empty, ['reindex'])).toEqual({ stdout: '已重建全文索引：0 份答复。\n', stderr: '', code: 0 });
    expect(listJson(empty)).toEqual([]);
  });

  it('refuses a missing query and bad filters as usage errors, in one Chinese line', () => {
    expectError(runCli(ws, ['search']), 2, '请给出要查找的内容');
    expectError(runCli(ws, ['search', '--']), 2, '请给出要查找的内容');
    expectError(runCli(ws, ['search', '数据', '--limit', '0']), 2, '--limit');
    expectError(runCli(ws, ['search', '数据', '--year', '23']), 2, '年份「23」无效');
    expectError(runCli(ws, ['search', '数据', '--status', 'lost']), 2, '--status');
    expectError(runCli(ws, ['search', '数据', '--kind', '通知']), 2, '「通知」');
  });
});

describe('reply search: the command\'s own flags wherever they stand, every other word a search term', () => {
  const without = (word: string) => sorted(ids(['海绵城市']).filter((id) => !ids(['海绵城市', word]).includes(id)));

  it('reads a word starting with - as a negated term, without --, first or last', () => {
    expect(ids(['海绵城市', '防汛']).length).toBeGreaterThan(0);
    expect(without('防汛').length).toBeGreaterThan(0);
    expect(sorted(ids(['海绵城市', '-防汛']))).toEqual(without('防汛'));
    expect(sorted(ids(['-防汛', '海绵城市']))).toEqual(without('防汛'));
    expect(sorted(ids(['--', '海绵城市', '-防汛']))).toEqual(without('防汛'));
  });

  it('recognises its flags after -- and between the words', () => {
    expect(ids(['海绵城市']).length).toBeGreaterThan(1);
    expect(ids(['--', '海绵城市', '--limit', '1'])).toHaveLength(1);
    expect(ids(['海绵城市', '--limit=1', '-防汛'])).toHaveLength(1);
    expect(sorted(ids(['海绵城市', '--status', 'void']))).toEqual(sorted(ids(['--status', 'void', '海绵城市'])));
  });

  it('takes a lone negated word as a query of its own, not as an unknown option', () => {
    const run = runCli(ws, ['search', '--json', '-海绵城市']);
    expect(run.code, run.stderr).toBe(0);
    const found = (JSON.parse(run.stdout) as HitJson[]).map((h) => h.id);
    expect(found.some((id) => ids(['海绵城市']).includes(id))).toBe(false);
  });
});

describe('reply search: hostile input', () => {
  const HOSTILE = [
    '"', '""', '(', ')', '*', 'AND', 'OR', 'NOT', 'NEAR(a b)', '-', '--', 'title:x', 'proposal_title:数据', '^', '^数据', '{}',
    '{title}: 数据', '数据*', '"数据" OR "平台"', '😀', '👨‍👩‍👧', 'x'.repeat(2000), '数'.repeat(2000), "'; DROP TABLE replies; --",
    '\\', "'", '%', '_', '数据 AND -', '- -', '\u0001', '数据"', '"数据', 'a"b"c',
  ];

  const ok = (q: string, run: Run) => {
    const where = `${JSON.stringify(q).slice(0, 60)} → ${JSON.stringify(run)}`;
    expect(run.stderr, where).not.toMatch(/^\s+at /m);
    expect(run.stderr, where).not.toContain('内部错误');
    if (run.code === 2) {
      // only a query that is empty once read
      expect(run.stderr, where).toBe('错误：请给出要查找的内容，如 reply search 数据平台（-词 表示排除）\n');
      expect(['"', '""', '\u0001'], where).toContain(q);
    } else {
      expect(run.code, where).toBe(0);
      expect(Array.isArray(JSON.parse(run.stdout)), where).toBe(true);
    }
  };

  it.each(HOSTILE.map((q) => [JSON.stringify(q).slice(0, 40), q]))('%s: exit 0 with a result, or a one-line usage error', (_, q) => {
    ok(q, runCli(ws, ['search', '--json', '--', q]));
  });

  it('also as several words, and in text form', () => {
    ok('"', runCli(ws, ['search', '"']));
    const run = runCli(ws, ['search', 'NEAR(a', 'b)', 'AND', '数据', '*']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('没有找到符合条件的答复。\n');
    const sql = runCli(ws, ['search', "'; DROP TABLE replies; --"]);
    expect(sql.code).toBe(0);
    expect(listJson(ws, ['--all'])).toHaveLength(7);
  });
});

describe('reply similar and reply search --like', () => {
  it('lists the replies closest to one, never itself', () => {
    const run = runCli(ws, ['similar', '1', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const hits = JSON.parse(run.stdout) as HitJson[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.id)).not.toContain(1);
    expect(hits.every((h) => h.hit === 'similar')).toBe(true);
    expect(searchJson(['--like', '1']).map((h) => h.id)).toEqual(hits.map((h) => h.id));
    // by doc number too, and with filters
    expect(searchJson(['--like', '2023-16', '--year', '2021']).every((h) => h.signedOn.startsWith('2021'))).toBe(true);
    const text = runCli(ws, ['similar', '普发改委〔2023〕16号']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^\d+  普发改委/u);
  });

  it('refuses an unknown reply', () => {
    expectError(runCli(ws, ['similar', '99']), 1, '找不到答复「99」');
    expectError(runCli(ws, ['search', '--like', '99']), 1, '找不到答复「99」');
  });
});

describe('the index follows new, edit and status; reply reindex rebuilds it', () => {
  it('new → found; edit body → old text gone, new text found; void → still found unless --status', () => {
    const dir = workspace();
    const reply = fileReplyJson(dir, { body: bodyFile(dir, 'a', '建设鲸落生态站。') });
    expect(searchJson(['鲸落生态站'], dir).map((h) => h.id)).toEqual([reply.id]);
    expect(searchJson(['鲸落'], dir).map((h) => h.id)).toEqual([reply.id]);

    const edit = runCli(dir, ['edit', String(reply.id), '--body', bodyFile(dir, 'b', '改为建设候鸟驿站。')]);
    expect(edit.code, edit.stderr).toBe(0);
    expect(searchJson(['鲸落生态站'], dir)).toEqual([]);
    expect(searchJson(['鲸落'], dir)).toEqual([]);
    expect(searchJson(['候鸟驿站'], dir).map((h) => h.id)).toEqual([reply.id]);

    expect(runCli(dir, ['status', String(reply.id), 'void', '--reason', '重复登记']).code).toBe(0);
    expect(searchJson(['候鸟驿站'], dir).map((h) => h.id)).toEqual([reply.id]);
    expect(searchJson(['候鸟驿站', '--status', 'void'], dir).map((h) => h.id)).toEqual([reply.id]);
    expect(searchJson(['候鸟驿站', '--status', 'draft'], dir)).toEqual([]);

    fileReply(dir, { body: bodyFile(dir, 'c', '第二份。') });
    expect(runCli(dir, ['reindex'])).toEqual({ stdout: '已重建全文索引：2 份答复。\n', stderr: '', code: 0 });
    expect(searchJson(['候鸟驿站'], dir).map((h) => h.id)).toEqual([reply.id]);
  });
});

describe('help and colour', () => {
  it('registers search, similar and reindex with Chinese descriptions and their options', () => {
    const help = runCli(ws, ['--help']).stdout;
    expect(help).toMatch(/^\s+search\b.*全文检索答复/mu);
    expect(help).toMatch(/^\s+similar\b.*相近的以往答复/mu);
    expect(help).toMatch(/^\s+reindex\b.*重建全文索引/mu);
    const search = runCli(ws, ['search', '--help']);
    expect(search.code).toBe(0);
    for (const option of ['--year', '--kind', '--result', '--organ', '--proposer', '--status', '--limit', '--like', '--json']) {
      expect(search.stdout).toContain(option);
    }
    // the reply is optional: a proposal not yet answered is given by --text or --proposal
    for (const text of ['[id]', '--text', '--proposal']) expect(runCli(ws, ['similar', '--help']).stdout).toContain(text);
  });

  it('paints the matches on a colour terminal, and not when NO_COLOR is set', async () => {
    const level = chalk.level;
    chalk.level = 1;
    try {
      const painted = await inProcess(['search', '研报平台'], {});
      expect(painted).toContain(chalk.bold.red('研报平台'));
      const plain = await inProcess(['search', '研报平台'], { NO_COLOR: '1' });
      expect(plain).not.toContain('\u001b[');
      expect(plain).toContain('研报平台');
    } finally {
      chalk.level = level;
    }
  });
});

/** Runs the CLI in this process with stdout taken for a terminal; returns stdout. */
async function inProcess(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = () =>
    new Writable({
      write(chunk, _enc, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
  const code = await main(args, {
    cwd: ws,
    env: { TZ: 'Asia/Shanghai', ...env },
    streams: { stdout: sink(), stderr: new Writable({ write: (_c, _e, done) => done() }), stdinIsTTY: false, stdoutIsTTY: true },
  });
  expect(code).toBe(0);
  return Buffer.concat(chunks).toString('utf8');
}
