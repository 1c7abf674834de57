import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/dates.js';
import { DocNumber } from '../../src/core/doc-number.js';
import { ReplyError } from '../../src/core/errors.js';
import type { NewReply } from '../../src/core/fields.js';
import type { SearchFilter } from '../../src/core/ports.js';
import type { Kind, Reply, ReplyFields, Status, UnaddressedFields } from '../../src/core/reply.js';
import { replyTitle } from '../../src/core/proposers.js';
import { foldText, parseSearchQuery, type SearchTerm } from '../../src/core/search-query.js';
import { openDatabase } from '../../src/store/db.js';
import { MAX_EXPANSION, SqliteSearch, type SearchTuning } from '../../src/store/fts.js';
import { SqliteReplies } from '../../src/store/replies.js';
import { changed, corpusRecord } from '../helpers/corpus.js';

/**
 * One archive for the whole file: the four corpus replies and synthetic ones
 * made of their sentences, plus a few with known words in known places.
 * Every result set is compared with a brute-force `includes` over the very
 * texts the index holds (the `search_content` view).
 */
let dir: string;
let db: Database.Database;
let repo: SqliteReplies;
let search: SqliteSearch;
const named: Record<string, Reply> = {};

const CORPUS_IDS = ['000', '001', '002', '004'] as const;
const KINDS: Kind[] = ['提案答复', '建议答复', '会办意见'];
const RESULTS = ['采纳解决', '部分采纳', '留作参考', '解决或采纳'];
const NAMES = ['朱莺', '王东伟', '顾薇玲', '李明', '张强', '经济委员会'];
const ORGANS = ['上海市普陀区发展和改革委员会', '上海市普陀区科学技术委员会'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draft(overrides: Partial<UnaddressedFields<NewReply>>): NewReply {
  return changed(corpusRecord('000'), { docNumber: null, ...overrides });
}

function file(name: string, overrides: Partial<UnaddressedFields<NewReply>>, status?: Status): Reply {
  let reply = repo.create(draft(overrides), '普发改委');
  if (status && status !== 'draft') reply = repo.setStatus(reply.id, status, reply.version);
  named[name] = reply;
  return reply;
}

const day = (text: string) => text as IsoDate;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reply-search-'));
  db = openDatabase(join(dir, 'replies.db'));
  repo = new SqliteReplies(db, { now: () => new Date() });
  search = repo.fullText();

  for (const id of CORPUS_IDS) {
    const record = corpusRecord(id);
    named[`corpus${id}`] = repo.create(record, record.docNumber.prefix, { status: 'sent' });
  }

  // Synthetic replies: sentences of the corpus bodies, shuffled, over ten years, every kind, result, status.
  const sentences = CORPUS_IDS.flatMap((id) => corpusRecord(id).body.match(/[^。！？\n]+[。！？]/gu) ?? []);
  const rnd = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const statuses: Status[] = ['draft', 'signed', 'sent', 'void'];
  for (let i = 0; i < 60; i++) {
    let body = '';
    while (body.length < 1200) body += pick(sentences) + (rnd() < 0.3 ? '\n\n' : '');
    const kind = KINDS[i % 3]!;
    const sentence = pick(sentences);
    const at = Math.floor(rnd() * Math.max(1, sentence.length - 12));
    file(
      `synthetic${i}`,
      {
        kind,
        leadUnit: kind === '会办意见' ? '市发展改革委' : null,
        proposalNo: String(160000 + i),
        proposalTitle: `关于${sentence.slice(at, at + 12).replace(/[，、。；：\s“”]/gu, '')}的建议`,
        proposers: [{ name: NAMES[i % NAMES.length]!, role: i % NAMES.length === 5 ? '集体' : '委员' }],
        result: RESULTS[i % RESULTS.length]!,
        organ: ORGANS[i % 7 === 0 ? 1 : 0]!,
        signedOn: day(`${2016 + (i % 10)}-${String(1 + (i % 12)).padStart(2, '0')}-15`),
        body,
      },
      statuses[i % 4],
    );
  }

  // 海绵城市 in the proposal title of an old reply, and in the bodies of others filed in an order unlike their dates.
  const plain = '本段只是为了凑足篇幅的普通文字。';
  file('sponge2024', { proposalTitle: '关于推进城市更新的建议', signedOn: day('2024-06-01'), body: `${plain}推进海绵城市建设。${plain}` });
  file('spongeTitle', { proposalTitle: '关于加快海绵城市试点的建议', signedOn: day('2016-03-01'), body: `${plain}${plain}` });
  file('sponge2016', { proposalTitle: '关于河道治理的建议', signedOn: day('2016-09-01'), body: `${plain}海绵城市理念。` });
  file('sponge2020', { proposalTitle: '关于防汛工作的建议', signedOn: day('2020-07-01'), body: `海绵城市。${plain}` });

  // Case, full-width letters, quotes, emoji.
  file('ai', { proposalTitle: '关于AI赋能政务服务的建议', signedOn: day('2022-01-10'), body: '用好AI大模型，推动Ai应用落地。' });
  file('fullwidth', { proposalTitle: '关于数字底座的建议', signedOn: day('2022-02-10'), body: '建设ＡＢＣ数据中台。' });
  file('quotes', { proposalTitle: '关于"一网通办"提质增效的建议', signedOn: day('2022-03-10'), body: '让"一网通办"更好用😀。' });

  // The Kelvin sign, which folds to an ASCII k (in JavaScript and in the index alike).
  file('kelvin', { proposalTitle: '关于低温实验室的建议', signedOn: day('2021-11-11'), body: '温度降到4\u212A以下，配备ＡＩ设备。' });

  file('oriole', { proposalTitle: '关于湿地观鸟的建议', proposers: [{ name: '欧阳鹂', role: '委员' }], signedOn: day('2018-08-08'), body: '普通的正文。' });

  // A character that starts more trigrams than MAX_EXPANSION: 的 followed by 2,601 different pairs.
  const pool = Array.from({ length: 51 }, (_, i) => String.fromCodePoint(0x4e00 + 200 + i));
  const many = pool.flatMap((a) => pool.map((b) => `的${a}${b}`)).join('，');
  file('manyTrigrams', { proposalTitle: '关于词表很大的建议', signedOn: day('2019-05-05'), body: many });
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Indexed {
  readonly id: number;
  readonly fields: string[];
  readonly reply: Reply;
}

/** The texts the index holds, sentinels removed, with the reply they belong to. */
function indexed(): Indexed[] {
  const rows = db
    .prepare<[], { id: number; title: string; proposal_title: string; proposers: string; body: string }>(
      'SELECT id, title, proposal_title, proposers, body FROM search_content',
    )
    .all();
  return rows.map((r) => ({
    id: r.id,
    fields: [r.title, r.proposal_title, r.proposers, r.body].map((f) => foldText(f.replaceAll('\u0001', ''))),
    reply: repo.get(r.id)!,
  }));
}

function keeps(reply: Reply, f: SearchFilter): boolean {
  return (
    (f.year === undefined || reply.signedOn!.startsWith(`${f.year}-`)) &&
    (!f.status || reply.status === f.status) &&
    (!f.kind || reply.kind === f.kind) &&
    (!f.result || reply.result === f.result) &&
    (!f.organ || (reply.organ ?? '').includes(f.organ)) &&
    (!f.proposer || reply.proposers.some((p) => p.name.includes(f.proposer!)))
  );
}

/** What the query must find, by brute force: each term inside one column, as the index matches. */
function bruteForce(terms: readonly SearchTerm[], filter: SearchFilter = {}): number[] {
  const has = (r: Indexed, t: SearchTerm) => r.fields.some((f) => f.includes(foldText(t.text)));
  return indexed()
    .filter((r) => terms.every((t) => has(r, t) !== t.negated) && keeps(r.reply, filter))
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

function found(query: string | readonly SearchTerm[], filter: SearchFilter = {}): number[] {
  const terms = typeof query === 'string' ? parseSearchQuery(query) : query;
  return search
    .search(terms, { limit: 100_000, ...filter })
    .map((h) => h.reply.id)
    .sort((a, b) => a - b);
}

function expectExact(query: string, filter: SearchFilter = {}, atLeast = 1): void {
  const expected = bruteForce(parseSearchQuery(query), filter);
  expect(found(query, filter), `${query} ${JSON.stringify(filter)}`).toEqual(expected);
  expect(expected.length, `${query}: the archive should hold a few`).toBeGreaterThanOrEqual(atLeast);
}

const idOf = (name: string) => named[name]!.id;
const titleText = (r: Reply) => replyTitle(r.kind, r.session, r.proposalNo);

/**
 * The ways a query can go, each compared with the brute-force answer: the walk
 * down the date index (all of this small archive), the full-text index at once
 * (its hits looked up one by one, or, when many, read along the date index or the newest first and then all), and a
 * short walk that leaves the rest to the index (what a large archive does).
 */
const TUNINGS: [string, SearchTuning | undefined][] = [
  ['walk', undefined],
  ['index, few hits', { walk: { title: 0, text: 0 }, fewHits: 2000, probe: 1000 }],
  ['index, many hits', { walk: { title: 0, text: 0 }, fewHits: 2, probe: 3 }],
  // …and an organ checked on the walk index rather than on the distinct organs.
  ['short walk, then index', { walk: { title: 7, text: 3 }, fewHits: 5, probe: 4, distinctOrgans: 1 }],
  // …and a filtered text tier that leaves the rest to the index rather than walk on.
  ['short walk, then the hits as a set', { walk: { title: 7, text: 3 }, fewHits: 5, probe: 4, walkOn: 0 }],
];

/** Runs a block with `search` taking one way. */
function eachTuning(title: string, block: () => void): void {
  describe.each(TUNINGS)(`${title} (%s)`, (_, tuning) => {
    beforeAll(() => {
      search = tuning ? new SqliteSearch(db, (id) => repo.get(id), tuning) : repo.fullText();
    });
    afterAll(() => {
      search = repo.fullText();
    });
    block();
  });
}

eachTuning('search: which replies', () => {
  it('finds Chinese substrings of 3 or more characters, exactly', () => {
    for (const q of ['长三角', '研报平台', '海绵城市', '中以（上海）创新园', '经济委员会', '区政协十五届二次会议']) expectExact(q);
  });

  it('finds terms of 1–2 characters exactly, through the vocabulary', () => {
    for (const q of ['提案', '数据', '平台', '长三', '数', '提', '朱', '（', '1', '15']) expectExact(q);
  });

  it('finds a term at the very end of a column (the sentinels make it start a trigram)', () => {
    // 鹂 is only the last character of one reply's proposers: its one trigram is 鹂 + two sentinels
    const plan = search.plan(parseSearchQuery('鹂'));
    expect(plan).toEqual({ positive: ['("鹂\u0001\u0001")'], inTitles: [], negative: [], checks: [], impossible: false });
    expect(found('鹂')).toEqual([idOf('oriole')]);
    expect(found('阳鹂')).toEqual([idOf('oriole')]);
    // every proposal title here ends in 建议
    expectExact('建议');
    expectExact('议');
    expect(found('议').length).toBe(indexed().length);
  });

  it('expands a 1–2 character term into an OR of quoted trigrams, restricted to nothing else', () => {
    const plan = search.plan(parseSearchQuery('数据'));
    expect(plan.checks).toEqual([]);
    expect(plan.positive).toHaveLength(1);
    expect(plan.positive[0]).toMatch(/^\("数据.+"( OR "数据.+")*\)$/u);
    expect(plan.positive[0]).not.toMatch(/\*|NEAR|AND/);
    // the title tier ORs only those trigrams that occur in a title
    expect(plan.inTitles).toHaveLength(1);
    expect(plan.inTitles[0]!.length).toBeLessThan(plan.positive[0]!.length);
  });

  it('checks a single character found in a quarter of the replies or more on the text, still exactly', () => {
    for (const q of ['议', '。', '的']) expect(search.plan(parseSearchQuery(q)).checks, q).toHaveLength(1);
    for (const q of ['顾', '鹂', '数据', '建议']) expect(search.plan(parseSearchQuery(q)).checks, q).toHaveLength(0);
    expectExact('。');
    expectExact('。 -海绵城市');
  });

  it('checks a character that starts more than MAX_EXPANSION trigrams on the text instead, still exactly', () => {
    const plan = search.plan(parseSearchQuery('的'));
    expect(plan.positive).toEqual([]);
    expect(plan.checks).toEqual([{ needle: '的', negated: false }]);
    expect(MAX_EXPANSION).toBeLessThan(2601);
    expectExact('的');
    expectExact('的 长三角');
    expectExact('长三角 -的', {}, 0);
    expectExact('的 -数据');
  });

  it('excludes a character common enough to be checked on the text through the index when the hits are many, still exactly', () => {
    const plan = search.plan(parseSearchQuery('发展 -议'));
    expect(plan.checks).toEqual([{ needle: '议', negated: true }]);
    for (const q of ['发展 -议', '数据 -议', '长三角 -议 -的', '议 -议']) expectExact(q, {}, 0);
    expectExact('发展 -议', { status: 'draft' }, 0);
  });

  it('checks text on the connection with the same case folding as the index and the snippets', () => {
    const contains = (hay: string, needle: string) =>
      (db.prepare('SELECT reply_contains(?, ?) AS n').get(hay, foldText(needle)) as { n: number }).n;
    expect(contains('用好ＡＩ大模型', 'ａｉ')).toBe(1);
    expect(contains('用好ＡＩ大模型', 'ＡＩ')).toBe(1);
    expect(contains('用好AI大模型', 'ai')).toBe(1);
    expect(contains('用好AI大模型', 'ＡＩ')).toBe(0);
  });

  it('checks the largest expansions on the text when a query has many short terms', () => {
    // the 51 characters of the reply with 2,601 trigrams: each starts about 52 of them
    const many = Array.from({ length: 51 }, (_, i) => String.fromCodePoint(0x4e00 + 200 + i)).join(' ');
    const plan = search.plan(parseSearchQuery(many));
    expect(plan.checks.length).toBeGreaterThan(0);
    const trigrams = plan.positive.join(' ').match(/"/g)!.length / 2;
    expect(trigrams).toBeLessThanOrEqual(MAX_EXPANSION);
    expectExact(many);
    expectExact('数 据 -平 -台', {}, 0);
  });

  it('folds the Kelvin sign to k, as the index does', () => {
    for (const q of ['4k', '4K', 'k以下', '4\u212A以下', 'K']) {
      expect(found(q), q).toContain(idOf('kelvin'));
      expectExact(q);
    }
  });

  it('ignores case, in the index and in short terms, full-width letters too', () => {
    expectExact('ai', {}, 1);
    expect(found('Ai')).toEqual(found('aI'));
    expect(found('AI')).toContain(idOf('ai'));
    for (const q of ['ＡＢＣ', 'ａｂｃ', 'ＡＢ', 'ａｂ', 'Ｃ', 'ｃ']) {
      expect(found(q), q).toContain(idOf('fullwidth'));
      expectExact(q);
    }
    // full-width letters are other characters than ASCII ones
    expect(found('abc')).not.toContain(idOf('fullwidth'));
  });

  it('matches a quoted phrase as a whole', () => {
    expectExact('"长三角一体化"');
    expectExact('"研报 平台"', {}, 0);
    expect(found('"研报 平台"')).toEqual([]);
    expect(found('"规划的 实施"')).toEqual(bruteForce(parseSearchQuery('"规划的 实施"')));
  });

  it('needs every term (AND), each anywhere in the reply', () => {
    expectExact('长三角 数据');
    expectExact('海绵城市 建议');
    expectExact('数据 平台 长三角 朱莺');
    const both = found('长三角 数据');
    expect(both.length).toBeLessThan(found('长三角').length + 1);
    for (const id of both) expect(found('长三角')).toContain(id);
  });

  it('leaves out replies holding a -term, short or long', () => {
    expectExact('数据 -平台');
    expectExact('长三角 -研报平台');
    expectExact('海绵城市 -河道');
    expect(found('海绵城市 -河道')).not.toContain(idOf('sponge2016'));
    expectExact('-数据', {}, 1);
    expectExact('-数据 -平台 -的', {}, 0);
  });

  it('finds text holding double quotes and emoji', () => {
    const terms: SearchTerm[] = [{ text: '"一网通办"', phrase: true, negated: false }];
    expect(found(terms)).toEqual(bruteForce(terms));
    expect(found(terms)).toContain(idOf('quotes'));
    expectExact('😀');
    expectExact('办"');
  });

  it('finds nothing for a term no reply holds, short or long', () => {
    for (const q of ['嗯', '嗯嗯', '嗯嗯嗯', '数据 嗯嗯']) expect(found(q), q).toEqual([]);
  });

  it('applies each filter, and several at once', () => {
    const filters: SearchFilter[] = [
      { year: 2023 },
      { year: 2019 },
      { kind: '建议答复' },
      { kind: '会办意见' },
      { result: '部分采纳' },
      { organ: '科学技术' },
      { organ: '上海市普陀区人民政府' },
      { proposer: '朱莺' },
      { proposer: '经济' },
      { status: 'void' },
      { status: 'sent' },
      { year: 2022, kind: '提案答复', status: 'draft' },
      // filters that hold no reply at all: nothing is found, whatever the text
      { organ: '某某局' },
      { proposer: '无此人' },
      { status: 'sent', organ: '某某局' },
      { year: 1999 },
    ];
    for (const filter of filters) {
      expectExact('数据', filter, 0);
      expectExact('长三角', filter, 0);
      expectExact('发展', filter, 0);
      expectExact('的', filter, 0);
      expectExact('-平台', filter, 0);
    }
    expect(bruteForce(parseSearchQuery('发展'), { organ: '科学技术' }).length).toBeGreaterThan(0);
    expect(bruteForce(parseSearchQuery('发展'), { status: 'void' }).length).toBeGreaterThan(0);
  });

  it('gives at most --limit replies', () => {
    expect(search.search(parseSearchQuery('数据'), { limit: 3 })).toHaveLength(3);
    expect(search.search(parseSearchQuery('数据'), {})).toHaveLength(20);
    expect(search.search(parseSearchQuery('的'), { limit: 5 })).toHaveLength(5);
  });
});

eachTuning('search: how many it found', () => {
  const counted = (query: string, filter: SearchFilter, limit: number, cap: number) => {
    const { hits, total, more } = search.searchCounted(parseSearchQuery(query), { ...filter, limit }, cap);
    return { shown: hits.length, total, more };
  };

  it('counts a short term or a filtered query exactly as far as it reads past the page, and says when there are more', () => {
    for (const [query, filter] of [['数据', {}], ['的', {}], ['长三角', { status: 'draft' }], ['发展', { year: 2023 }], ['-平台', {}]] as [string, SearchFilter][]) {
      const all = bruteForce(parseSearchQuery(query), filter).length;
      expect(all, query).toBeGreaterThan(3);
      // A page of 2, counted up to the probe (the cap when smaller): exact below it, "more" above.
      expect(counted(query, filter, 2, 1000), query).toEqual({ shown: 2, total: Math.min(all, 100), more: all > 100 });
      expect(counted(query, filter, 2, 3), query).toEqual({ shown: 2, total: 3, more: true });
      expect(counted(query, filter, all, 1000), query).toEqual({ shown: all, total: all, more: false });
    }
  });
});

eachTuning('search: in which order', () => {
  it('puts a title hit first, then the body hits newest signed date first (not in filing order)', () => {
    const hits = search.search(parseSearchQuery('海绵城市'), {});
    expect(hits.map((h) => h.reply.id)).toEqual(['spongeTitle', 'sponge2024', 'sponge2020', 'sponge2016'].map(idOf));
    expect(hits.map((h) => h.hit)).toEqual(['title', 'text', 'text', 'text']);
  });

  it('lists the title hits newest signed first, then every other hit newest signed first: nothing is scored', () => {
    const hits = search.search(parseSearchQuery('数据'), { limit: 1000 });
    const tiers = hits.map((h) => h.hit);
    const firstText = tiers.indexOf('text');
    expect(firstText).toBeGreaterThan(1);
    expect(tiers.slice(0, firstText).every((t) => t === 'title')).toBe(true);
    expect(tiers.slice(firstText).every((t) => t === 'text')).toBe(true);
    for (const h of hits.slice(0, firstText)) expect(`${h.reply.proposalTitle}`).toMatch(/数据/);
    for (const tier of [hits.slice(0, firstText), hits.slice(firstText)]) {
      const keys = tier.map((h) => `${h.reply.signedOn} ${String(h.reply.id).padStart(6, '0')}`);
      expect(keys).toEqual([...keys].sort().reverse());
    }
  });

  it('ranks two common terms by recency: a title holding either first, then the rest', () => {
    const terms = parseSearchQuery('发展 建设');
    const hits = search.search(terms, { limit: 1000 });
    expect(hits.map((h) => h.reply.id).sort((a, b) => a - b)).toEqual(bruteForce(terms));
    expect(hits.length).toBeGreaterThan(20);
    const key = (r: Reply) => `${r.signedOn} ${String(r.id).padStart(6, '0')}`;
    const title = hits.filter((h) => h.hit === 'title').map((h) => h.reply);
    const text = hits.filter((h) => h.hit === 'text').map((h) => h.reply);
    expect(title.length).toBeGreaterThan(0);
    expect(hits.slice(0, title.length).every((h) => h.hit === 'title')).toBe(true);
    for (const r of title) expect(`${r.proposalTitle} ${titleText(r)}`).toMatch(/发展|建设/);
    for (const r of text) expect(`${r.proposalTitle} ${titleText(r)}`).not.toMatch(/发展|建设/);
    expect(title.map(key)).toEqual(title.map(key).sort().reverse());
    expect(text.map(key)).toEqual(text.map(key).sort().reverse());
    // every page is the start of the whole list
    for (const limit of [1, 5, 20]) expect(search.search(terms, { limit }).map((h) => h.reply.id)).toEqual(hits.slice(0, limit).map((h) => h.reply.id));
  });

  it('splits the hits exactly: any term in a title first, then all others by signed date and id, newest first', () => {
    const byDate = (a: Reply, b: Reply) => (a.signedOn === b.signedOn ? b.id - a.id : a.signedOn! < b.signedOn! ? 1 : -1);
    for (const q of ['数据', '海绵城市', '长三角 数据', '的', '数据 -平台', '建议 海绵城市']) {
      const terms = parseSearchQuery(q);
      const positive = terms.filter((t) => !t.negated);
      const inTitle = (r: Indexed) => positive.some((t) => r.fields.slice(0, 2).some((f) => f.includes(foldText(t.text))));
      const all = new Set(bruteForce(terms));
      const rows = indexed().filter((r) => all.has(r.id));
      const hits = search.search(terms, { limit: 1000 });
      const titleTier = hits.filter((h) => h.hit === 'title').map((h) => h.reply.id);
      const textTier = hits.filter((h) => h.hit === 'text').map((h) => h.reply.id);
      const expectedTitle = rows.filter(inTitle).map((r) => r.reply);
      expect(titleTier, q).toEqual(expectedTitle.sort(byDate).map((r) => r.id));
      const others = rows.filter((r) => !inTitle(r)).map((r) => r.reply);
      expect(textTier, q).toEqual(others.sort(byDate).map((r) => r.id));
    }
  });

  it('gives every page as the start of the whole list, though filing order is not date order', () => {
    for (const q of ['发展', '数据', '海绵城市', '的', '-平台', '长三角 -数据']) {
      const all = search.search(parseSearchQuery(q), { limit: 1000 }).map((h) => h.reply.id);
      for (const limit of [1, 2, 3, 5, 8, 13, 21, 34]) {
        const page = search.search(parseSearchQuery(q), { limit }).map((h) => h.reply.id);
        expect(page, `${q} --limit ${limit}`).toEqual(all.slice(0, limit));
      }
    }
    // the same pages, with filters too, as the walk over this whole small archive gives them
    const reference = repo.fullText();
    for (const q of ['发展', '海绵城市', '的', '-平台', '数据 建设']) {
      for (const filter of [{}, { year: 2020 }, { status: 'sent' as const }, { kind: '会办意见' as const, year: 2019 }]) {
        const all = reference.search(parseSearchQuery(q), { ...filter, limit: 1000 }).map((h) => h.reply.id);
        for (const limit of [1, 2, 3, 5, 8, 13]) {
          const page = search.search(parseSearchQuery(q), { ...filter, limit }).map((h) => h.reply.id);
          expect(page, `${q} ${JSON.stringify(filter)} --limit ${limit}`).toEqual(all.slice(0, limit));
        }
      }
    }
    expect(search.search(parseSearchQuery('海绵城市'), { limit: 2 }).map((h) => h.reply.id)).toEqual(
      [idOf('spongeTitle'), idOf('sponge2024')],
    );
  });
});

eachTuning('search: hostile input', () => {
  const HOSTILE = [
    '"', '""', '(', ')', '*', 'AND', 'OR', 'NOT', 'NEAR(a b)', 'NEAR', '-', '--', 'title:x', 'body:数据', '^', '^数据',
    '{}', '{title}: 数据', '数据*', '"数据" OR "平台"', '😀', '👨‍👩‍👧', 'x'.repeat(2000), '数'.repeat(2000),
    "'; DROP TABLE replies; --", '\\', "'", '`', '%', '_', '数据 AND -', '- -', '" "', '\u0001', 'a\u0000b',
    Array.from({ length: 300 }, (_, i) => `-x${i}`).join(' '),
    Array.from({ length: 1200 }, (_, i) => `-x${i}`).join(' '),
    `数据 ${Array.from({ length: 1200 }, (_, i) => `-y${i}`).join(' ')}`,
  ];

  it.each(HOSTILE.map((q) => [JSON.stringify(q).slice(0, 40), q]))('%s: no error, the brute-force answer', (_, q) => {
    const terms = parseSearchQuery(q);
    expect(() => search.search(terms, { limit: 100_000 })).not.toThrow();
    if (terms.length) expect(found(terms)).toEqual(bruteForce(terms));
  });

  it('leaves the archive as it was', () => {
    expect(db.prepare('SELECT count(*) AS n FROM replies').get()).toEqual({ n: indexed().length });
  });
});

describe('similar', () => {
  it('lists the replies closest to one, never the reply itself', () => {
    const base = named.corpus000!;
    // a reworded copy: another title and opening, most of the body kept
    const copy = repo.create(
      draft({ proposalTitle: '关于建设长三角研报平台的再建议', signedOn: day('2024-05-01'), body: base.body.slice(300) }),
      '普发改委',
    );
    const result = search.similar(base.id, {});
    const ids = result.hits.map((h) => h.reply.id);
    expect(ids).not.toContain(base.id);
    expect(ids[0]).toBe(copy.id);
    expect(result.terms.length).toBeGreaterThan(0);
    expect(result.hits.every((h) => h.hit === 'similar')).toBe(true);
    // the filters apply
    expect(search.similar(base.id, { year: 2023 }).hits.map((h) => h.reply.id)).not.toContain(copy.id);
    expect(search.similar(base.id, { limit: 2 }).hits).toHaveLength(2);
    // and so do search terms given with it
    const withTerm = search.similar(base.id, {}, parseSearchQuery('-研报平台'));
    expect(withTerm.hits.map((h) => h.reply.id)).not.toContain(copy.id);
  });

  it('refuses an unknown reply', () => {
    expect(() => search.similar(999_999, {})).toThrow(ReplyError);
  });
});

describe('the index follows every write', () => {
  it('new, edit, status, import, and reindex', () => {
    const word = '鲸落生态站';
    expect(found(word)).toEqual([]);
    const r = repo.create(draft({ proposalTitle: '关于保护生物多样性的建议', signedOn: day('2025-02-02'), body: `建设${word}。` }), '普发改委');
    expect(found(word)).toEqual([r.id]);
    expect(found('鲸落')).toEqual([r.id]);

    const fields: ReplyFields = { ...r, body: '改为建设候鸟驿站。' };
    const edited = repo.update(r.id, fields, r.version);
    expect(found(word)).toEqual([]);
    expect(found('鲸落')).toEqual([]);
    expect(found('候鸟驿站')).toEqual([r.id]);
    expect(found('驿')).toContain(r.id);

    const voided = repo.setStatus(r.id, 'void', edited.version);
    expect(voided.status).toBe('void');
    expect(found('候鸟驿站')).toEqual([r.id]);
    expect(found('候鸟驿站', { status: 'void' })).toEqual([r.id]);
    expect(found('候鸟驿站', { status: 'sent' })).toEqual([]);

    // import files a reply with its source (CreateOptions), through the same insert
    const imported = repo.create(
      { ...corpusRecord('002'), docNumber: DocNumber.of('普府', 2025, 99), body: '导入的答复提到了星链港。' },
      '普府',
      { status: 'sent', source: { path: 'x.txt', sha256: 'a'.repeat(64), format: 'txt', encoding: 'utf-8', text: '星链港' } },
    );
    expect(found('星链港')).toEqual([imported.id]);

    // an index damaged behind the archive's back is repaired by reindex (asked through the index, not the walk)
    const row = db.prepare('SELECT * FROM search_content WHERE id = ?').get(imported.id) as Record<string, string>;
    db.prepare(
      "INSERT INTO replies_fts (replies_fts, rowid, title, proposal_title, proposers, body) VALUES ('delete', ?, ?, ?, ?, ?)",
    ).run(imported.id, row.title, row.proposal_title, row.proposers, row.body);
    const byIndex = new SqliteSearch(db, (id) => repo.get(id), { walk: { title: 0, text: 0 }, fewHits: 2000, probe: 1000 });
    const indexFinds = (q: string) => byIndex.search(parseSearchQuery(q), { limit: 1000 }).map((h) => h.reply.id);
    expect(indexFinds('星链港')).toEqual([]);
    const total = (db.prepare('SELECT count(*) AS n FROM replies').get() as { n: number }).n;
    expect(search.reindex()).toBe(total);
    expect(indexFinds('星链港')).toEqual([imported.id]);
    expect(found('星链港')).toEqual([imported.id]);
    expectExact('数据');
    expectExact('的');
    for (const index of ['replies_fts', 'titles_fts']) {
      expect(() => db.exec(`INSERT INTO ${index} (${index}, rank) VALUES ('integrity-check', 1)`), index).not.toThrow();
    }
  });
});
