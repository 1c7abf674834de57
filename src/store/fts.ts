import type Database from 'better-sqlite3';
import { ReplyError } from '../core/errors.js';
import type { ReplySearch, SearchFilter, SearchHit, SimilarResult } from '../core/ports.js';
import type { Reply } from '../core/reply.js';
import { charLength, foldText, type SearchTerm } from '../core/search-query.js';
import { closest, distinctiveTrigrams, trigramWeights, type SimilarProbe } from '../core/similar.js';
import { afterSql, dateOrder, incompleteSql, signedKey, upToSql, yearSql } from './columns.js';

/**
 * Full-text search over `replies_fts` (FTS5, trigram tokenizer, external
 * content `search_content`, see migrations.ts).
 *
 * Order: a reply with a positive term in its title or proposal title comes
 * first (the title tier), every other hit after (the text tier); each tier
 * newest signed first (then highest id). Nothing is scored, so no query reads
 * every hit: each tier is read newest first and the reading stops at the page.
 *
 * Two ways to read a tier, chosen per query as it goes (see `tier`):
 *
 * - The walk: down the walk index (replies_walk: date order, with the filter
 *   and title columns), checking each reply's filters and title columns on the
 *   index entry and its body only when they pass, with `instr` (or
 *   `reply_contains` for text with case). A common term fills a page from the
 *   first few hundred replies, whatever the filing order: at 100,000 replies
 *   `人工智能 产业` takes ~2 ms, where ordering its tens of thousands of index
 *   hits (bm25 or by date) took 50–300 ms.
 * - The index: when the walk has read its budget without filling the page, the
 *   remaining hits are rare among the replies; the full-text index lists them
 *   (those older than where the walk stopped), each checked for the tier and
 *   the filters and sorted by date.
 *
 * Safety: every piece of user text reaches FTS5 inside a double-quoted string
 * with its quotes doubled, and reaches SQL as a bound parameter; the only
 * syntax in a MATCH expression is written here.
 *
 * Terms of 3+ characters are FTS5 strings: the trigram tokenizer turns them
 * into a phrase of trigrams, i.e. a substring match. Terms of 1–2 characters
 * give no trigram, so they are expanded through the vocabulary: each column
 * ends with two U+0001, so every occurrence of a 1–2 character sequence starts
 * an indexed trigram, and the term is the OR of the trigrams that start with it.
 * A term that starts more than MAX_EXPANSION trigrams, or a single character
 * found in a quarter of the replies or more (的, 议), is not expanded: it occurs
 * so often that checking it on the text of the candidates, newest first, finds
 * a page of hits at once, where its OR would read most of the index.
 *
 * Measured (20,000–30,000 replies, 15–20 index segments): the fts5vocab 'row'
 * table counts documents as it reads, so a `term >= ? AND term <= ?` range
 * costs in proportion to the postings of its terms — 1–6 ms for a 2-character
 * prefix, 20–80 ms for a common single character — while an `instance` table
 * was 5–10× slower and a trigram table of our own kept by triggers cost ~10 ms
 * per filed reply. So 'row' it is, with a LIMIT. The OR itself costs a seek per
 * trigram and segment, which is why `reindex` also merges the index into one.
 * The walk needs no expansion: it is made only when the index is asked.
 *
 * The title tier first asks the title index (titles_fts, the two title columns
 * alone): when few replies hold a term in a title it names them at once, and a
 * term in no title (研, in every body) ends the tier in ~0.1 ms.
 */

/** The FTS5 columns, in order: title, proposal_title, proposers, body. */
const ALL_COLUMNS = '{title proposal_title proposers body}';
const TITLE_COLUMNS = '{title proposal_title}';
const SIMILAR_COLUMNS = '{proposal_title body}';
const SIMILAR_RANK = 'bm25(replies_fts, 0.0, 3.0, 0.0, 1.0)';
/**
 * Above this many trigrams (for one term, or all short terms of a query together), an OR
 * costs more (~10–40 µs a trigram) than checking the text of the candidates.
 */
export const MAX_EXPANSION = 2000;
/** A single character is "dense" when a quarter of this many latest replies hold it. */
const DENSITY_SAMPLE = 100;
export const DEFAULT_LIMIT = 20;
/**
 * How many replies a tier's walk down the date index reads at most before it
 * asks the full-text index. A title-tier reply costs 1–7 µs (its short title
 * columns are read first, from a page in SQLite's cache or not; the body only
 * of those with a title hit), a text-tier reply 15–25 µs (its body is read):
 * ~20 ms at most, spent only when the share of hits seen so far says the page
 * fills by then. Asking the index costs little for rare terms, 10–100 ms for
 * common ones (at 100,000 replies).
 */
export const WALK_BUDGET = { title: 3000, text: 1000 } as const;
/** The first stretch a walk reads, before it knows how common the hits are. */
const FIRST_STRETCH = { title: 500, text: 100 } as const;
const MIN_STRETCH = 20;
/** Queries of more terms go to the full-text index at once: one MATCH weighs them all together. */
const MAX_WALK_TERMS = 8;
/**
 * A query the index cannot count (a short term, a filter) is read past its page to this many hits: counted
 * exactly up to it (共 57 份), said to have more beyond (共 100 份以上). Measured at 100,000 replies, a page of
 * 20 against 100: 数据 4.7 → 6.8 ms, 人工智能 产业 3.7 → 7.8 ms, the slowest filter (数据 --proposer 张强) 67 →
 * 75 ms; counting on to 1,000 would read ten times as far.
 */
const COUNT_PROBE = 100;
/** How many more replies passing a filter a walk may be expected to read, rather than read the index's hits as a set. */
const WALK_ON = 2000;
/** The distinct organs an --organ filter is checked against before the walk index is read (noneHolds). */
const DISTINCT_ORGANS = 2000;
/** Up to this many hits of the full-text index are looked up one by one; more are read as a set along the date index. */
const FEW_HITS = 2000;
/** Of many hits that may fail the checks, this many of the newest are looked up one by one before all the rest are read. */
const PROBE = 1000;
/** `similar` counts the replies holding each of this many of a reply's trigrams (~0.15 ms a count). */
const SIMILAR_CANDIDATES = 200;
/** `similar` scores at most this many replies that share its trigrams (the latest filed). */
const SIMILAR_TIER = 2000;
/** How many distinctive trigrams `similar` looks candidates up by. */
const SIMILAR_TERMS = 48;
/** The best of them by bm25 that `similar` ranks by their topic words: ~0.9 ms a reply of 3,000 characters (read, and its words counted). */
const SIMILAR_POOL = 80;
/** Above every trigram that starts with a given 1–2 characters. */
const TOP = '\u{10FFFF}'.repeat(3);

/** Text as an FTS5 string: double quotes doubled, so it is never syntax. */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** How a parsed query is asked of the index. */
export interface QueryPlan {
  /** Each positive term as an FTS5 expression, without a column filter. */
  readonly positive: string[];
  /** The same, as far as it can match a title: a short term's trigrams that occur in a title column. */
  readonly inTitles: string[];
  readonly negative: string[];
  /** Terms too common to expand, checked on the text (folded needles). */
  readonly checks: { readonly needle: string; readonly negated: boolean }[];
  /** A positive term that no reply holds: nothing can match. */
  readonly impossible: boolean;
}

type Params = Record<string, string | number>;
type Tier = 'title' | 'text';

export interface SearchTuning {
  /** How many replies each tier's walk reads at most before it asks the full-text index (0: at once). */
  readonly walk: { readonly title: number; readonly text: number };
  /** Up to this many hits of the full-text index are looked up one by one. */
  readonly fewHits: number;
  /** Of more hits that may fail the checks, this many of the newest are looked up one by one first. */
  readonly probe: number;
  /** Up to this many distinct organs are asked whether an --organ filter holds any (else the walk index is). */
  readonly distinctOrgans?: number;
  /** How many more replies passing a filter a text tier's walk may be expected to read before the index is asked. */
  readonly walkOn?: number;
}

/** A reply's place in date order: signed date ('' for none: signedKey), then id, both newest first. */
interface Dated {
  readonly signedOn: string;
  readonly id: number;
}

interface Expansion {
  readonly trigrams: string[];
  readonly inTitles: string[];
}

export class SqliteSearch implements ReplySearch {
  private readonly stmt;
  private readonly vocabularies = new Map<string, Database.Statement<[string, string, number], { term: string }>>();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly excluding = new WeakMap<QueryPlan, QueryPlan | undefined>();

  constructor(
    private readonly db: Database.Database,
    private readonly get: (id: number) => Reply | undefined,
    /** For tests: smaller budgets take the paths a large archive takes. */
    private readonly tuning: SearchTuning = { walk: WALK_BUDGET, fewHits: FEW_HITS, probe: PROBE },
  ) {
    // Folds as the index and the snippets do; the needle comes folded. A reply's column is asked for
    // each term in turn: the last one folded is kept.
    let last = '';
    let folded = '';
    db.function('reply_contains', { deterministic: true }, (hay: unknown, needle: unknown) => {
      if (typeof hay !== 'string' || typeof needle !== 'string') return 0;
      if (hay !== last) (last = hay), (folded = foldText(hay));
      return folded.includes(needle) ? 1 : 0;
    });
    this.stmt = {
      density: db.prepare<[{ needle: string; sample: number }], { n: number; hits: number }>(
        // A guess that decides the way, not the result: SQL's lower() folds ASCII only.
        `SELECT count(*) AS n, coalesce(sum(instr(lower(text), @needle) > 0), 0) AS hits FROM (
           SELECT s.title || s.proposal_title || s.proposers || s.body AS text
           FROM replies r INDEXED BY replies_signed_on JOIN search_content s ON s.id = r.id
           ORDER BY ${dateOrder('r')} LIMIT @sample)`,
      ),
      cappedCount: db.prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM replies_fts WHERE replies_fts MATCH ? LIMIT ?)',
      ),
      total: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM replies'),
    };
  }

  /**
   * Every hit with a positive term in its title or proposal title, newest
   * signed first; then every other hit, newest signed first. Nothing is
   * scored: each tier is read newest first and the reading stops at the limit.
   */
  search(terms: readonly SearchTerm[], filter: SearchFilter): SearchHit[] {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    return this.found(terms, filter, limit).map(({ id, tier }) => this.hit(id, tier));
  }

  /**
   * The page and how many hits there are: exact when the page holds them all; else, for a query of terms
   * of 3+ characters and no filter, the index counts its hits up to `cap` (a capped count costs ~0.3 ms
   * even for a term in every reply); else the tiers are read on to COUNT_PROBE hits, counted exactly that
   * far. Counting a short term or a filter to the end would read most of the archive (measured at 100,000
   * replies: 0.2–4 s; the vocabulary alone of a short term takes 25–76 ms), so it stops there.
   */
  searchCounted(terms: readonly SearchTerm[], filter: SearchFilter, cap: number): { hits: SearchHit[]; total: number; more: boolean } {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const { limit: _limit, ...filters } = filter;
    const plain = Object.values(filters).every((v) => v === undefined) && terms.every((t) => charLength(t.text) >= 3);
    // The tiers are read past the page as far as they are counted: one more than the page, or the probe.
    const probe = plain ? limit : Math.max(limit, Math.min(cap, COUNT_PROBE));
    const found = this.found(terms, filter, probe + 1);
    const hits = found.slice(0, limit).map(({ id, tier }) => this.hit(id, tier));
    if (found.length <= limit) return { hits, total: found.length, more: false };
    if (!plain) return { hits, total: Math.min(found.length, probe), more: found.length > probe };
    const positive = terms.filter((t) => !t.negated).map((t) => ftsString(t.text));
    const negative = terms.filter((t) => t.negated).map((t) => ftsString(t.text));
    if (!positive.length) return { hits, total: limit, more: true };
    const match = `${ALL_COLUMNS} : (${positive.join(' AND ')})${negative.length ? ` NOT ${ALL_COLUMNS} : (${negative.join(' OR ')})` : ''}`;
    const n = this.stmt.cappedCount.get(match, cap + 1)!.n;
    return { hits, total: Math.min(n, cap), more: n > cap };
  }

  private found(terms: readonly SearchTerm[], filter: SearchFilter, count: number): { id: number; tier: Tier }[] {
    if (terms.length === 0 || this.filtersNothing(filter)) return [];
    const query = new TierQuery(terms, filter, () => this.plan(terms));
    const found: { id: number; tier: Tier }[] = [];
    if (query.positive) for (const id of this.titleTier(terms, query, count) ?? this.tier(query, 'title', count)) found.push({ id, tier: 'title' });
    if (found.length < count) for (const id of this.tier(query, 'text', count - found.length)) found.push({ id, tier: 'text' });
    return found;
  }

  /**
   * Whether the filters leave no reply at all, asked once of an index before any text is read: the tiers would
   * each read the walk index to the end for it (~15 ms apiece at 100,000 replies), the full-text index's hits too.
   * A status alone is a range of its own index; any other filter reads the walk index, to its first reply that passes.
   */
  private filtersNothing(filter: SearchFilter): boolean {
    if (!hasFilter(filter)) return false;
    if (filter.organ !== undefined && this.noneHolds(filter.organ)) return true;
    const { limit: _limit, year: _year, ...filters } = filter;
    const params: Params = {};
    const where = filterSql(filter, params);
    const statusOnly = Object.entries(filters).every(([k, v]) => k === 'status' || v === undefined || v === false);
    const index = statusOnly ? 'replies_status' : walkIndex(filter);
    return this.prepared(`SELECT 1 FROM replies r INDEXED BY ${index} WHERE 1 ${where} LIMIT 1`).get(params) === undefined;
  }

  /**
   * Whether no reply's organ holds the text, known from the distinct organs through their index (schema step 17),
   * each found by a seek past the last: ~1 µs an organ. An archive of more than DISTINCT_ORGANS is not asked so:
   * false, and the walk index decides.
   */
  private noneHolds(organ: string): boolean {
    const most = this.tuning.distinctOrgans ?? DISTINCT_ORGANS;
    const organs = this.prepared<{ value: string }>(
      `WITH RECURSIVE v(value, n) AS (
         SELECT (SELECT min(organ) FROM replies), 1
         UNION ALL
         SELECT (SELECT min(organ) FROM replies WHERE organ > v.value), n + 1 FROM v WHERE v.value IS NOT NULL AND n <= @most
       ) SELECT value FROM v WHERE value IS NOT NULL`,
    ).all({ most });
    if (organs.length > most) return false;
    return !organs.some((v) => v.value.includes(organ));
  }

  /**
   * The title tier asked of the title index (titles_fts) at once, when few replies hold a positive term in a
   * title (up to the few-hits bound): those, checked exactly as the walk checks, newest first. Undefined when
   * more do (then a walk finds the newest of them within its first replies), or when a short term starts more
   * than MAX_EXPANSION trigrams of the titles. A common character in no title (研, in every body) is so
   * known to have no title hit in ~0.1 ms, where reading every title took 25 ms at 100,000 replies.
   */
  private titleTier(terms: readonly SearchTerm[], query: TierQuery, count: number): number[] | undefined {
    const parts: string[] = [];
    for (const term of terms) {
      if (term.negated) continue;
      if (charLength(term.text) >= 3) {
        parts.push(ftsString(term.text));
        continue;
      }
      const trigrams = this.startingWith(this.titleVocabulary(), term.text, MAX_EXPANSION + 1);
      if (trigrams.size > MAX_EXPANSION) return undefined;
      if (trigrams.size) parts.push([...trigrams].map(ftsString).join(' OR '));
    }
    if (parts.length === 0) return [];
    const candidates = this.ids('SELECT rowid AS id FROM titles_fts WHERE titles_fts MATCH @match LIMIT @most', {
      match: parts.map((p) => `(${p})`).join(' OR '),
      most: this.tuning.fewHits + 1,
    });
    if (candidates.length > this.tuning.fewHits) return undefined;
    if (candidates.length === 0) return [];
    const params: Params = { ids: JSON.stringify(candidates), count };
    const where = dateRangeSql(query.filter, undefined, params) + filterSql(query.filter, params, false) + query.walkSql('title', params);
    return this.ids(
      `SELECT r.id FROM replies r NOT INDEXED JOIN search_content s ON s.id = r.id
       WHERE r.id IN (SELECT value FROM json_each(@ids)) ${where} ORDER BY ${dateOrder('r')} LIMIT @count`,
      params,
    );
  }

  /**
   * The newest `count` hits of a tier. First a walk down the date index that
   * checks each reply's own text (a few µs a reply, nothing read from the full-text
   * index): common terms fill a page within the first replies it reads. The walk
   * reads a first stretch, then, from the share of hits it found, as far as the
   * page needs, within the tier's budget. What it has not found by then is
   * rare: the full-text index lists those hits, older than where the walk stopped.
   */
  private tier(query: TierQuery, tier: Tier, count: number): number[] {
    const found: number[] = [];
    const budget = query.walks ? this.tuning.walk[tier] : 0;
    let after: Dated | undefined;
    let read = 0;
    let stretch = Math.min(budget, FIRST_STRETCH[tier]);
    while (stretch > 0) {
      const walked = this.walk(query, tier, count - found.length, after, stretch);
      found.push(...walked.ids);
      read += stretch;
      if (found.length >= count || walked.last === undefined) return found;
      after = walked.last;
      // As far as the page needs at the share found so far (a quarter more), if the budget allows.
      const needed = found.length === 0 ? Infinity : Math.ceil((1.25 * (count - found.length) * read) / found.length);
      stretch = read + needed <= budget ? Math.max(needed, MIN_STRETCH) : 0;
    }
    return [...found, ...this.indexed(query, tier, count - found.length, after, { hits: found.length })];
  }

  /**
   * The hits of a tier among the next `stretch` replies down the date index
   * from `after` (from the newest when undefined), newest first; `last`: the
   * last of those replies, undefined when the stretch reached the oldest.
   */
  private walk(query: TierQuery, tier: Tier, count: number, after: Dated | undefined, stretch: number): { ids: number[]; last: Dated | undefined } {
    const params: Params = {};
    const range = dateRangeSql(query.filter, after, params);
    const last = stretch === Infinity ? undefined : this.prepared<Dated>(
      `SELECT ${signedKey('r')} AS signedOn, r.id AS id FROM replies r INDEXED BY replies_signed_on WHERE 1 ${range}
       ORDER BY ${dateOrder('r')} LIMIT 1 OFFSET @offset`,
    ).get({ ...params, offset: stretch - 1 });
    const upTo = last ? ` AND ${upToSql('r', 'lastOn', 'lastId')}` : '';
    if (last) (params.lastOn = last.signedOn), (params.lastId = last.id);
    // The filters and the title columns are read from the walk index (replies_walk), the body only of a reply that
    // passes them: SQLite tests each condition in the loop of the table it reads, the index's before the row's.
    const filters = filterSql(query.filter, params, false);
    const sql = `SELECT r.id AS id FROM replies r INDEXED BY ${walkIndex(query.filter)} JOIN search_content s ON s.id = r.id
       WHERE 1 ${range}${upTo}${filters}${query.walkSql(tier, params)} ORDER BY ${dateOrder('r')} LIMIT @count`;
    return { ids: this.ids(sql, { ...params, count }), last };
  }

  /**
   * Whether, for a filter, the walk going on to the page costs less than the full-text index's hits read as a set.
   * The set is made of every hit (a common term's tens of thousands: 40 ms at 100,000 replies, 0.2 s for two
   * common terms, as the MATCH weighs them all), however few pass the filter; the walk reads the filter on the walk
   * index (~1 µs a reply) and the text only of the replies that pass it (~20 µs). From the share of hits among the
   * replies the walk has read that pass the filter, it would read count / share more of them: taken when that is
   * within WALK_ON replies. Measured at 100,000 replies (a page of 20, counted to 100), with a proposer of 1 reply
   * in 20: `数据 --proposer 张强` 12 ms instead of 50 ms, `人工智能 产业 --proposer 张强` 7 ms instead of 0.31 s,
   * `数据 --year 2020 --proposer 张强` 15 ms instead of 98 ms; a filter most replies pass, 1–2 ms more (the count).
   */
  private walkOnPays(query: TierQuery, tier: Tier, count: number, after: Dated, hits: number): boolean {
    if (!hasFilter(query.filter)) return false;
    // The title tier's walk reads the title columns on the walk index and a body only where a title holds a term:
    // ~1 µs a reply, ~25 ms for the whole archive at 100,000 replies, less than the set whatever the share.
    if (tier === 'title') return true;
    if (hits === 0) return false;
    const params: Params = { lastOn: after.signedOn, lastId: after.id };
    const where = dateRangeSql(query.filter, undefined, params) + ` AND ${upToSql('r', 'lastOn', 'lastId')}` + filterSql(query.filter, params, false);
    const passing = this.prepared<{ n: number }>(`SELECT count(*) AS n FROM replies r INDEXED BY ${walkIndex(query.filter)} WHERE 1 ${where}`).get(params)!.n;
    return (count * passing) / hits <= (this.tuning.walkOn ?? WALK_ON);
  }

  /**
   * The newest `count` hits of a tier signed before `after` (or all), through
   * the full-text index: its hits, each checked for the tier, the filters and
   * the terms it cannot weigh itself, sorted by date.
   */
  private indexed(query: TierQuery, tier: Tier, count: number, after: Dated | undefined, walked?: { readonly hits: number }, planned?: QueryPlan): number[] {
    // A filter under which the walk found hits often: it goes on past its budget to the page, asking the index nothing.
    if (after && walked && this.walkOnPays(query, tier, count, after, walked.hits)) return this.walk(query, tier, count, after, Infinity).ids;
    const plan = planned ?? query.plan();
    if (plan.impossible) return [];
    // The index says exactly which hits are in which tier, unless a term checked on the text is positive.
    const tierExact = !plan.checks.some((c) => !c.negated);
    // No term occurs in any title: no title hits.
    if (tier === 'title' && plan.inTitles.length === 0 && tierExact) return [];
    const params: Params = {};
    const range = dateRangeSql(query.filter, after, params);
    const onText = checkSql(plan, params) + (tierExact ? '' : query.tierSql(tier, params));
    const filters = filterSql(query.filter, params, false);
    const checks = filters + onText;
    const where = range + checks;
    const join = onText ? 'JOIN search_content s ON s.id = r.id' : '';
    const negative = plan.negative.length ? `${ALL_COLUMNS} : (${plan.negative.join(' OR ')})` : undefined;
    const order = `ORDER BY ${dateOrder('r')} LIMIT @count`;
    if (plan.positive.length === 0) {
      // Exclusions only, of a character the walk found in nearly every reply (-研): the index lists who holds it.
      const excluding = planned ? undefined : this.negationsExpanded(plan);
      if (excluding) return this.indexed(query, tier, count, after, undefined, excluding);
      // Common characters and exclusions only: every reply is a candidate, newest first.
      if (negative) params.negative = negative;
      return this.ids(
        `SELECT r.id FROM replies r INDEXED BY ${walkIndex(query.filter)} ${join} WHERE 1 ${where}
         ${negative ? 'AND r.id NOT IN (SELECT rowid FROM replies_fts WHERE replies_fts MATCH @negative)' : ''} ${order}`,
        { ...params, count },
      );
    }
    let match = `${ALL_COLUMNS} : (${plan.positive.map((p) => `(${p})`).join(' AND ')})`;
    const titles = plan.inTitles.length ? `${TITLE_COLUMNS} : (${plan.inTitles.join(' OR ')})` : undefined;
    if (tier === 'title' && titles && tierExact) match = `(${match}) AND (${titles})`;
    if (tier === 'text' && titles) match = `(${match}) NOT (${titles})`;
    if (negative) match = `(${match}) NOT (${negative})`;
    params.match = match;
    const lookUp = (ids: readonly number[], n: number) =>
      this.ids(`SELECT r.id FROM replies r NOT INDEXED ${join} WHERE r.id IN (SELECT value FROM json_each(@ids)) ${where} ${order}`, {
        ...params,
        ids: JSON.stringify(ids),
        count: n,
      });
    const few = this.ids('SELECT rowid AS id FROM replies_fts WHERE replies_fts MATCH @match LIMIT @most', {
      match,
      most: this.tuning.fewHits + 1,
    });
    if (few.length <= this.tuning.fewHits) return lookUp(few, count);
    // Many hits, each read to see that it lacks a negated character too common to expand for a positive term
    // (海纳小镇 -研, 研 in every reply): the index excludes it instead. At 100,000 replies 1.0–1.3 s became ~0.2 s
    // (its vocabulary 91 ms, the MATCH with its NOT 111 ms).
    const excluding = planned ? undefined : this.negationsExpanded(plan);
    if (excluding) return this.indexed(query, tier, count, after, undefined, excluding);
    const inIndex = 'r.id IN (SELECT rowid FROM replies_fts WHERE replies_fts MATCH @match)';
    if (!checks) {
      // Many hits, each of which is a hit of the tier: the date index read with them as a set stops at the page.
      return this.ids(`SELECT r.id FROM replies r INDEXED BY replies_signed_on WHERE ${inIndex} ${range} ${order}`, { ...params, count });
    }
    if (filters) {
      // Many hits and a filter: the walk index, read in date order, tests the filters (and a title tier's titles) on
      // its entries, then whether a reply is a hit, and reads the text only of those that are; a filter that holds
      // few or no hits costs one read of the index (~20 ms at 100,000 replies), where reading each hit's row took 0.45 s.
      return this.ids(`SELECT r.id FROM replies r INDEXED BY ${walkIndex(query.filter)} ${join} WHERE 1 ${range} ${filters} AND ${inIndex} ${onText} ${order}`, {
        ...params,
        count,
      });
    }
    // Many hits, not all of which pass the checks: the newest of them first, checked in date order up to the page…
    const newest = this.prepared<Dated>(
      `SELECT ${signedKey('r')} AS signedOn, r.id AS id FROM replies r INDEXED BY replies_signed_on WHERE ${inIndex} ${range}
       ORDER BY ${dateOrder('r')} LIMIT @probe`,
    ).all({ ...params, probe: this.tuning.probe });
    // (json_each yields the array in order, as the outer loop of a CROSS JOIN; an ORDER BY would check them all.)
    const first = this.ids(
      `SELECT r.id FROM json_each(@ids) AS j CROSS JOIN replies r ON r.id = j.value ${join} WHERE 1 ${checks} LIMIT @count`,
      { ...params, ids: JSON.stringify(newest.map((r) => r.id)), count },
    );
    if (first.length >= count || newest.length < this.tuning.probe) return first;
    // …then, when they are rare, every older one, in the index's order, which is the order the rows are
    // stored in (the date order would read them at random: 2–3× slower when the archive is not in memory).
    const oldest = newest[newest.length - 1]!;
    const rest = this.ids(
      `SELECT r.id FROM replies_fts JOIN replies r NOT INDEXED ON r.id = replies_fts.rowid ${join}
       WHERE replies_fts MATCH @match AND ${afterSql('r', 'probeOn', 'probeId')} ${where} ${order}`,
      { ...params, probeOn: oldest.signedOn, probeId: oldest.id, count: count - first.length },
    );
    return [...first, ...rest];
  }

  similar(of: number | SimilarProbe, filter: SearchFilter, terms: readonly SearchTerm[] = []): SimilarResult {
    const reply = typeof of === 'number' ? this.get(of) : of;
    if (!reply) throw new ReplyError('reply.notFound', { id: String(of) });
    // A filed reply is never its own match; a proposal not yet answered has no row to leave out.
    const id = typeof of === 'number' ? of : 0;
    const total = this.stmt.total.get()!.n;
    // "Common" grows with the archive: 5% of it, at least 20 replies, at most 1,000.
    const common = Math.min(1000, Math.max(20, Math.ceil(total / 20)));
    const candidates = trigramWeights(reply, SIMILAR_CANDIDATES);
    const df = new Map<string, number>();
    for (const c of candidates) {
      df.set(c.term, this.stmt.cappedCount.get(ftsString(c.term), common)!.n);
    }
    // A filed reply counts itself among those that hold its trigrams; a proposal's text is in no reply.
    const shared = id ? 2 : 1;
    let chosen = distinctiveTrigrams(candidates, df, total, common, SIMILAR_TERMS, shared);
    // Nothing rare to go by (a reply made of stock phrases): its heaviest shared trigrams, few of them.
    if (chosen.length === 0) chosen = candidates.filter((c) => (df.get(c.term) ?? 0) >= shared).slice(0, 8).map((c) => c.term);
    const plan = this.plan(terms);
    if (chosen.length === 0 || plan.impossible) return { hits: [], terms: chosen };

    const params: Params = {};
    const where = filterSql(filter, params) + checkSql(plan, params);
    const join = plan.checks.length ? 'JOIN search_content s ON s.id = r.id' : '';
    let query = `${SIMILAR_COLUMNS} : (${chosen.map(ftsString).join(' OR ')})`;
    if (plan.positive.length) query = `(${query}) AND (${ALL_COLUMNS} : (${plan.positive.map((p) => `(${p})`).join(' AND ')}))`;
    if (plan.negative.length) query = `(${query}) NOT (${ALL_COLUMNS} : (${plan.negative.join(' OR ')}))`;
    // Rare trigrams match few replies; common ones could match all: bm25 scores at most SIMILAR_TIER (the latest filed).
    const sql = `SELECT id FROM (
        SELECT replies_fts.rowid AS id, ${SIMILAR_RANK} AS score
        FROM replies_fts JOIN replies r ON r.id = replies_fts.rowid ${join}
        WHERE replies_fts MATCH @query AND replies_fts.rowid <> @self ${where}
        ORDER BY replies_fts.rowid DESC LIMIT @tier)
      ORDER BY score, id DESC LIMIT @pool`;
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const pool = this.ids(sql, { ...params, query, self: id, tier: Math.max(SIMILAR_TIER, limit), pool: Math.max(SIMILAR_POOL, limit) });
    const found = new Map(pool.map((hitId) => [hitId, this.hit(hitId, 'similar')]));
    const ranked = closest(
      reply,
      [...found.values()].map(({ reply: r }) => ({ id: r.id, probe: r })),
    );
    return { hits: ranked.slice(0, limit).map((hitId) => found.get(hitId)!), terms: chosen };
  }

  reindex(): number {
    const run = this.db.transaction(() => {
      for (const index of ['replies_fts', 'titles_fts']) {
        this.db.prepare(`INSERT INTO ${index} (${index}) VALUES ('rebuild')`).run();
        // One segment: a short term's OR of trigrams costs a seek per segment and trigram.
        this.db.prepare(`INSERT INTO ${index} (${index}) VALUES ('optimize')`).run();
      }
      return this.stmt.total.get()!.n;
    });
    return run.immediate();
  }

  /** How each term is asked: a phrase, an OR of vocabulary trigrams, or a check on the text. */
  plan(terms: readonly SearchTerm[]): QueryPlan {
    const positive: string[] = [];
    const inTitles: string[] = [];
    const negative: string[] = [];
    const checks: { needle: string; negated: boolean }[] = [];
    let impossible = false;
    const expanded: { term: SearchTerm; expansion: Expansion | undefined }[] = [];
    for (const term of terms) {
      const length = charLength(term.text);
      if (length >= 3) {
        if (term.negated) negative.push(ftsString(term.text));
        else {
          positive.push(ftsString(term.text));
          inTitles.push(ftsString(term.text));
        }
        continue;
      }
      // A single character in a quarter or more of the latest replies: reading its postings (for the OR,
      // for bm25) costs more than checking the text of the latest replies, one in four or more of which holds it.
      const dense = length === 1 && this.dense(foldText(term.text));
      expanded.push({ term, expansion: dense ? undefined : this.expand(term.text) });
    }
    // Many short terms at once: the largest expansions are checked on the text instead.
    const size = (e: { expansion: Expansion | undefined }) => e.expansion?.trigrams.length ?? 0;
    let sum = expanded.reduce((n, e) => n + size(e), 0);
    for (const e of [...expanded].sort((a, b) => size(b) - size(a))) {
      if (sum <= MAX_EXPANSION) break;
      sum -= size(e);
      e.expansion = undefined;
    }
    const or = (trigrams: readonly string[]) => `(${trigrams.map(ftsString).join(' OR ')})`;
    for (const { term, expansion } of expanded) {
      if (expansion === undefined) checks.push({ needle: foldText(term.text), negated: term.negated });
      else if (expansion.trigrams.length === 0) impossible ||= !term.negated; // a negated one excludes nothing
      else if (term.negated) negative.push(or(expansion.trigrams));
      else {
        positive.push(or(expansion.trigrams));
        if (expansion.inTitles.length) inTitles.push(or(expansion.inTitles));
      }
    }
    return { positive, inTitles, negative, checks, impossible };
  }

  /**
   * The plan with its negated checks expanded into the index's exclusions where they can be; undefined when none
   * can. Made once a query: both tiers ask it (each expansion reads the vocabulary, ~90 ms for a common character).
   */
  private negationsExpanded(plan: QueryPlan): QueryPlan | undefined {
    if (!this.excluding.has(plan)) this.excluding.set(plan, this.expandedNegations(plan));
    return this.excluding.get(plan);
  }

  private expandedNegations(plan: QueryPlan): QueryPlan | undefined {
    const negative = [...plan.negative];
    const checks = plan.checks.filter((check) => {
      if (!check.negated) return true;
      const expansion = this.expand(check.needle);
      if (!expansion) return true;
      // A character no reply holds excludes nothing.
      if (expansion.trigrams.length) negative.push(`(${expansion.trigrams.map(ftsString).join(' OR ')})`);
      return false;
    });
    return checks.length < plan.checks.length ? { ...plan, negative, checks } : undefined;
  }

  /** Whether a quarter or more of the latest DENSITY_SAMPLE replies hold this (folded) text. */
  private dense(needle: string): boolean {
    const { n, hits } = this.stmt.density.get({ needle, sample: DENSITY_SAMPLE })!;
    return n > 0 && hits * 4 >= n;
  }

  /**
   * The indexed trigrams that start with a 1–2 character text, and those of them found in a title column;
   * undefined when there are more than MAX_EXPANSION.
   */
  private expand(text: string): Expansion | undefined {
    const trigrams = this.startingWith(this.vocabularyOf('replies_fts_terms'), text, MAX_EXPANSION + 1);
    if (trigrams.size > MAX_EXPANSION) return undefined;
    return { trigrams: [...trigrams], inTitles: [...this.startingWith(this.titleVocabulary(), text, MAX_EXPANSION + 1)] };
  }

  /**
   * The trigrams of a vocabulary that start with a text, folded as the index folds and as typed (in case
   * FTS5 folds a character JavaScript does not), at most `most`. The fts5vocab 'row' table counts the
   * documents of each trigram as it reads (see above): a range of the title index costs 0.1–2 ms, of the
   * full index 1–6 ms for a 2-character prefix, 20–80 ms for a common single character.
   */
  private startingWith(vocabulary: Database.Statement<[string, string, number], { term: string }>, text: string, most: number): Set<string> {
    const trigrams = new Set<string>();
    for (const prefix of new Set([foldText(text), text])) {
      for (const { term } of vocabulary.iterate(prefix, prefix + TOP, most)) {
        if (term.startsWith(prefix)) trigrams.add(term);
        if (trigrams.size >= most) return trigrams;
      }
    }
    return trigrams;
  }

  private titleVocabulary(): Database.Statement<[string, string, number], { term: string }> {
    return this.vocabularyOf('titles_fts_terms');
  }

  private vocabularyOf(table: 'replies_fts_terms' | 'titles_fts_terms'): Database.Statement<[string, string, number], { term: string }> {
    let statement = this.vocabularies.get(table);
    if (!statement) {
      statement = this.db.prepare<[string, string, number], { term: string }>(`SELECT term FROM ${table} WHERE term >= ? AND term <= ? LIMIT ?`);
      this.vocabularies.set(table, statement);
    }
    return statement;
  }

  private ids(sql: string, params: Params): number[] {
    return this.prepared<{ id: number }>(sql)
      .all(params)
      .map((r) => r.id);
  }

  /**
   * A statement made once per text: a search prepares a few (~0.1 ms each) and asks them again for each
   * stretch, tier and page. The texts depend on the shape of the query only, never on what was typed.
   */
  private prepared<Row>(sql: string): Database.Statement<[Params], Row> {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= 200) this.statements.clear();
      statement = this.db.prepare<[Params], Row>(sql);
      this.statements.set(sql, statement);
    }
    return statement as Database.Statement<[Params], Row>;
  }

  private hit(id: number, hit: SearchHit['hit']): SearchHit {
    return { reply: this.get(id)!, hit };
  }
}

/** The list filters and the organ, on `replies r` (the year too, unless the date range takes it). */
/**
 * The index a walk in date order reads: the walk index (filters and titles beside the date), or for --incomplete
 * the index of the incomplete replies alone (schema step 18), whose test reads columns the walk index has not.
 */
function walkIndex(filter: SearchFilter): string {
  return filter.incomplete ? 'replies_incomplete' : 'replies_walk';
}

/** Whether a filter other than the year (a range of the date index) narrows the replies. */
function hasFilter(filter: SearchFilter): boolean {
  const { limit: _limit, year: _year, ...filters } = filter;
  return Object.values(filters).some((v) => v !== undefined && v !== false);
}

function filterSql(filter: SearchFilter, params: Params, year = true): string {
  const where: string[] = [];
  if (year && filter.year !== undefined) {
    where.push(yearSql('r', 'from', 'to'));
    params.from = `${filter.year}-01-01`;
    params.to = `${filter.year + 1}-01-01`;
  }
  if (filter.status) (where.push('r.status = @status'), (params.status = filter.status));
  if (filter.kind) (where.push('r.kind = @kind'), (params.kind = filter.kind));
  if (filter.result) (where.push('r.result = @result'), (params.result = filter.result));
  if (filter.proposer) (where.push('instr(r.proposer_names, @proposer) > 0'), (params.proposer = filter.proposer));
  if (filter.organ) (where.push('instr(r.organ, @organ) > 0'), (params.organ = filter.organ));
  if (filter.incomplete) where.push(incompleteSql('r'));
  return where.map((w) => ` AND ${w}`).join('');
}

/** The year filter and the replies signed before `after`, as a range of the date index on `replies r`. */
function dateRangeSql(filter: SearchFilter, after: Dated | undefined, params: Params): string {
  let where = '';
  if (filter.year !== undefined) {
    where += ` AND ${yearSql('r', 'from', 'to')}`;
    params.from = `${filter.year}-01-01`;
    params.to = `${filter.year + 1}-01-01`;
  }
  if (after) {
    where += ` AND ${afterSql('r', 'afterOn', 'afterId')}`;
    params.afterOn = after.signedOn;
    params.afterId = after.id;
  }
  return where;
}

/** Whether a column holds a (folded) needle: `instr` where the needle has no case, else folded as the index folds. */
function containsSql(column: string, param: string, needle: string): string {
  // Text without case (Chinese, digits, punctuation) is found as it is.
  if (needle.toLowerCase() === needle && needle.toUpperCase() === needle) return `instr(${column}, @${param}) > 0`;
  // Folded ASCII (ai, 5g): SQL's lower() folds A–Z, and the one other character JavaScript folds into
  // ASCII is the Kelvin sign (U+212A → k). Exact, and without bringing the text to JavaScript.
  if (/^[\x00-\x7f]*$/.test(needle)) return `instr(lower(replace(${column}, char(8490), 'k')), @${param}) > 0`;
  return `reply_contains(${column}, @${param})`;
}

/**
 * Conditions joined by AND or OR as a balanced tree: SQLite refuses an
 * expression more than 1,000 deep, which a chain of a few hundred terms is.
 */
function joined(conditions: readonly string[], op: 'AND' | 'OR'): string {
  if (conditions.length === 0) return op === 'AND' ? '1' : '0';
  if (conditions.length === 1) return conditions[0]!;
  const half = Math.ceil(conditions.length / 2);
  return `(${joined(conditions.slice(0, half), op)}) ${op} (${joined(conditions.slice(half), op)})`;
}

/** The title columns and the proposers, as the walk index holds them; the body, from the row (search_content). */
const TITLES = ['r.title', 'r.proposal_title'];
const OTHERS = ['r.proposer_names', 's.body'];

/**
 * A query's terms as conditions on each reply's own text (`search_content s`),
 * checked column by column, the short title columns first: exactly what the
 * full-text index matches (each term inside one column, case folded alike).
 */
class TierQuery {
  readonly positive: boolean;
  /** Whether the walk may be used: each term costs a check of every column of every reply it reads. */
  readonly walks: boolean;
  private readonly needles: { readonly needle: string; readonly negated: boolean }[];
  private memo: QueryPlan | undefined;

  constructor(
    terms: readonly SearchTerm[],
    readonly filter: SearchFilter,
    private readonly makePlan: () => QueryPlan,
  ) {
    this.needles = terms.map((t) => ({ needle: foldText(t.text), negated: t.negated }));
    this.positive = this.needles.some((n) => !n.negated);
    this.walks = this.needles.length <= MAX_WALK_TERMS;
  }

  /** The full-text plan, made only when the index is asked (it may read the vocabulary). */
  plan(): QueryPlan {
    return (this.memo ??= this.makePlan());
  }

  /** Every condition of the tier, for the walk. */
  walkSql(tier: Tier, params: Params): string {
    const sql: string[] = [];
    const bind = (i: number) => {
      params[`term${i}`] = this.needles[i]!.needle;
      return `term${i}`;
    };
    const any = (columns: readonly string[], i: number) =>
      joined(columns.map((c) => containsSql(c, bind(i), this.needles[i]!.needle)), 'OR');
    const positive = this.needles.map((n, i) => ({ ...n, i })).filter((n) => !n.negated);
    if (positive.length) {
      const inTitle = joined(positive.map((n) => any(TITLES, n.i)), 'OR');
      sql.push(tier === 'title' ? `(${inTitle})` : `NOT (${inTitle})`);
      // A text-tier reply has no positive term in its titles: the other columns must hold each.
      for (const n of positive) sql.push(`(${any(tier === 'title' ? [...TITLES, ...OTHERS] : OTHERS, n.i)})`);
    }
    this.needles.forEach((n, i) => {
      if (n.negated) sql.push(`NOT (${any([...TITLES, ...OTHERS], i)})`);
    });
    return ` AND ${joined(sql, 'AND')}`;
  }

  /** Only the tier's own condition (a positive term in a title, or none), for the index's hits. */
  tierSql(tier: Tier, params: Params): string {
    const inTitle: string[] = [];
    this.needles.forEach((n, i) => {
      if (n.negated) return;
      params[`term${i}`] = n.needle;
      inTitle.push(...TITLES.map((c) => containsSql(c, `term${i}`, n.needle)));
    });
    if (inTitle.length === 0) return '';
    return tier === 'title' ? ` AND (${joined(inTitle, 'OR')})` : ` AND NOT (${joined(inTitle, 'OR')})`;
  }
}

/** The terms checked on the text, on `search_content s`. */
function checkSql(plan: QueryPlan, params: Params): string {
  if (plan.checks.length === 0) return '';
  const tests = plan.checks.map((c, i) => {
    params[`check${i}`] = c.needle;
    const test = containsSql('s.title || s.proposal_title || s.proposers || s.body', `check${i}`, c.needle);
    return c.negated ? `NOT (${test})` : test;
  });
  return ` AND ${joined(tests, 'AND')}`;
}
