import type Database from 'better-sqlite3';
import { ReplyError } from '../core/errors.js';
import type { ReplySearch, SearchFilter, SearchHit, SimilarResult } from '../core/ports.js';
import type { Reply } from '../core/reply.js';
import { charLength, foldText, type SearchTerm } from '../core/search-query.js';
import { distinctiveTrigrams, trigramWeights } from '../core/similar.js';

/**
 * Full-text search over `replies_fts` (FTS5, trigram tokenizer, external
 * content `search_content`, see migrations.ts).
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
 */

/** The FTS5 columns, in order: title, proposal_title, proposers, body. */
const ALL_COLUMNS = '{title proposal_title proposers body}';
const TITLE_COLUMNS = '{title proposal_title}';
const SIMILAR_COLUMNS = '{proposal_title body}';
/** A proposal title hit weighs most; the printed title is mostly boilerplate. */
const SEARCH_RANK = 'bm25(replies_fts, 5.0, 10.0, 2.0, 1.0)';
const SIMILAR_RANK = 'bm25(replies_fts, 0.0, 3.0, 0.0, 1.0)';
/**
 * Above this many trigrams (for one term, or all short terms of a query together), an OR
 * costs more (~10–40 µs a trigram) than checking the text of the candidates.
 */
export const MAX_EXPANSION = 2000;
/** A single character is "dense" when a quarter of this many latest replies hold it. */
const DENSITY_SAMPLE = 100;
/** Above this many replies signed later than a page but filed earlier, the text tier reads every hit instead. */
const MAX_RIVALS = 1000;
/** The title tier scores at most this many title hits (the latest filed). */
const TITLE_TIER = 200;
export const DEFAULT_LIMIT = 20;
/** `similar` counts the replies holding each of this many of a reply's trigrams (~0.15 ms a count). */
const SIMILAR_CANDIDATES = 200;
/** `similar` scores at most this many replies that share its trigrams (the latest filed). */
const SIMILAR_TIER = 2000;
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

interface Expansion {
  readonly trigrams: string[];
  readonly inTitles: string[];
}

export class SqliteSearch implements ReplySearch {
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly get: (id: number) => Reply | undefined,
    /** For tests: a lower limit takes the path a large import takes. */
    private readonly maxRivals = MAX_RIVALS,
  ) {
    // Folds as the index and the snippets do; the needle comes folded.
    db.function('reply_contains', { deterministic: true }, (hay: unknown, needle: unknown) =>
      typeof hay === 'string' && typeof needle === 'string' && foldText(hay).includes(needle) ? 1 : 0,
    );
    // The vocabulary by column (fts5vocab 'col'): the same range scan as replies_fts_terms ('row'),
    // 1.3–2× its cost, and it tells which trigrams occur in a title, so the title tier ORs 25 trigrams, not 900.
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.replies_fts_columns USING fts5vocab(main, 'replies_fts', 'col')");
    this.stmt = {
      vocabulary: db.prepare<[string, string, number], { term: string; col: string }>(
        'SELECT term, col FROM temp.replies_fts_columns WHERE term >= ? AND term <= ? LIMIT ?',
      ),
      density: db.prepare<[{ needle: string; sample: number }], { n: number; hits: number }>(
        // A guess that decides the way, not the result: SQL's lower() folds ASCII only.
        `SELECT count(*) AS n, coalesce(sum(instr(lower(text), @needle) > 0), 0) AS hits FROM (
           SELECT s.title || s.proposal_title || s.proposers || s.body AS text
           FROM replies r INDEXED BY replies_signed_on JOIN search_content s ON s.id = r.id
           ORDER BY r.signed_on DESC, r.id DESC LIMIT @sample)`,
      ),
      cappedCount: db.prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM replies_fts WHERE replies_fts MATCH ? LIMIT ?)',
      ),
      total: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM replies'),
    };
  }

  search(terms: readonly SearchTerm[], filter: SearchFilter): SearchHit[] {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const plan = this.plan(terms);
    if (plan.impossible || terms.length === 0) return [];
    const params: Params = {};
    const where = filterSql(filter, params) + checkSql(plan, params);
    const join = plan.checks.length ? 'JOIN search_content s ON s.id = r.id' : '';
    const negative = plan.negative.length ? `${ALL_COLUMNS} : (${plan.negative.join(' OR ')})` : undefined;

    if (plan.positive.length === 0) {
      // Common characters and exclusions only: every reply is a candidate, newest first.
      if (negative) params.negative = negative;
      const sql = `SELECT r.id FROM replies r INDEXED BY replies_signed_on ${join}
        WHERE 1 ${where}
          ${negative ? 'AND r.id NOT IN (SELECT rowid FROM replies_fts WHERE replies_fts MATCH @negative)' : ''}
        ORDER BY r.signed_on DESC, r.id DESC LIMIT @limit`;
      return this.ids(sql, { ...params, limit }).map((id) => this.hit(id, 'text'));
    }

    const all = `${ALL_COLUMNS} : (${plan.positive.map((p) => `(${p})`).join(' AND ')})`;
    const titles = `${TITLE_COLUMNS} : (${plan.inTitles.join(' OR ')})`;
    const without = (q: string) => (negative ? `(${q}) NOT (${negative})` : q);
    if (plan.inTitles.length === 0) {
      // No term occurs in any title: every hit is a text hit.
      const rest = this.newest({ ...params, query: without(all), taken: '[]' }, join, where, limit);
      return rest.map((id) => this.hit(id, 'text'));
    }

    // First the replies with a term in a title, by bm25 — scoring only the latest TITLE_TIER of them.
    const titleSql = `SELECT id FROM (
        SELECT replies_fts.rowid AS id, ${SEARCH_RANK} AS score
        FROM replies_fts JOIN replies r ON r.id = replies_fts.rowid ${join}
        WHERE replies_fts MATCH @query ${where}
        ORDER BY replies_fts.rowid DESC LIMIT @tier)
      ORDER BY score, id DESC LIMIT @limit`;
    const first = this.ids(titleSql, {
      ...params,
      query: without(plan.positive.length === 1 ? titles : `(${all}) AND (${titles})`),
      tier: Math.max(TITLE_TIER, limit),
      limit,
    });
    if (first.length >= limit) return first.map((id) => this.hit(id, 'title'));

    const rest = this.newest({ ...params, query: without(all), taken: JSON.stringify(first) }, join, where, limit - first.length);
    return [...first.map((id) => this.hit(id, 'title')), ...rest.map((id) => this.hit(id, 'text'))];
  }

  /**
   * The `count` newest hits (signed date, then id, descending) of @query that
   * pass the filters and are not in @taken, without scoring or reading every hit.
   * The index gives hits fastest in rowid order, which is filing order; a
   * reply signed later than another may have been filed earlier (an import of
   * old replies, a late entry). So: take the latest filed `count` hits; any
   * other hit was filed before all of them and belongs on the page only if it
   * was signed after the oldest of them. Those few rivals are found through the
   * date index, and the ones that are hits are added before sorting by date.
   */
  private newest(params: Params, join: string, where: string, count: number): number[] {
    const notTaken = 'AND r.id NOT IN (SELECT value FROM json_each(@taken))';
    const page = this.dated(
      `SELECT r.id AS id, r.signed_on AS signedOn FROM replies_fts JOIN replies r ON r.id = replies_fts.rowid ${join}
       WHERE replies_fts MATCH @query ${where} ${notTaken}
       ORDER BY replies_fts.rowid DESC LIMIT @count`,
      { ...params, count },
    );
    if (page.length === count) {
      const oldest = page.reduce((d, r) => (r.signedOn < d ? r.signedOn : d), page[0]!.signedOn);
      const lowest = page.reduce((n, r) => Math.min(n, r.id), page[0]!.id);
      const rivals = this.dated(
        `SELECT r.id AS id, r.signed_on AS signedOn FROM replies r INDEXED BY replies_signed_on ${join}
         WHERE r.signed_on > @oldest AND r.id < @lowest ${where} ${notTaken} LIMIT @most`,
        { ...params, oldest, lowest, most: this.maxRivals + 1 },
      );
      if (rivals.length > this.maxRivals) {
        // Filing order far from date order (a large import): the date index drives, every hit looked up.
        return this.ids(
          `SELECT r.id FROM replies r INDEXED BY replies_signed_on ${join}
           WHERE r.id IN (SELECT rowid FROM replies_fts WHERE replies_fts MATCH @query) ${where} ${notTaken}
           ORDER BY r.signed_on DESC, r.id DESC LIMIT @count`,
          { ...params, count },
        );
      }
      if (rivals.length > 0) {
        const from = rivals.reduce((n, r) => Math.min(n, r.id), rivals[0]!.id);
        const to = rivals.reduce((n, r) => Math.max(n, r.id), rivals[0]!.id);
        const hits = new Set(
          this.ids(`SELECT rowid AS id FROM replies_fts WHERE replies_fts MATCH @query AND rowid >= @from AND rowid <= @to`, {
            query: params.query!,
            from,
            to,
          }),
        );
        page.push(...rivals.filter((r) => hits.has(r.id)));
      }
    }
    page.sort((a, b) => (a.signedOn === b.signedOn ? b.id - a.id : a.signedOn < b.signedOn ? 1 : -1));
    return page.slice(0, count).map((r) => r.id);
  }

  similar(id: number, filter: SearchFilter, terms: readonly SearchTerm[] = []): SimilarResult {
    const reply = this.get(id);
    if (!reply) throw new ReplyError('reply.notFound', { id: String(id) });
    const total = this.stmt.total.get()!.n;
    // "Common" grows with the archive: 5% of it, at least 20 replies, at most 1,000.
    const common = Math.min(1000, Math.max(20, Math.ceil(total / 20)));
    const candidates = trigramWeights(reply.proposalTitle, reply.body, SIMILAR_CANDIDATES);
    const df = new Map<string, number>();
    for (const c of candidates) {
      df.set(c.term, this.stmt.cappedCount.get(ftsString(c.term), common)!.n);
    }
    let chosen = distinctiveTrigrams(candidates, df, total, common);
    // Nothing rare to go by (a reply made of stock phrases): its heaviest shared trigrams, few of them.
    if (chosen.length === 0) chosen = candidates.filter((c) => (df.get(c.term) ?? 0) >= 2).slice(0, 8).map((c) => c.term);
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
      ORDER BY score, id DESC LIMIT @limit`;
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const ids = this.ids(sql, { ...params, query, self: id, tier: Math.max(SIMILAR_TIER, limit), limit });
    return { hits: ids.map((hitId) => this.hit(hitId, 'similar')), terms: chosen };
  }

  reindex(): number {
    const run = this.db.transaction(() => {
      this.db.prepare("INSERT INTO replies_fts (replies_fts) VALUES ('rebuild')").run();
      // One segment: a short term's OR of trigrams costs a seek per segment and trigram.
      this.db.prepare("INSERT INTO replies_fts (replies_fts) VALUES ('optimize')").run();
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

  /** Whether a quarter or more of the latest DENSITY_SAMPLE replies hold this (folded) text. */
  private dense(needle: string): boolean {
    const { n, hits } = this.stmt.density.get({ needle, sample: DENSITY_SAMPLE })!;
    return n > 0 && hits * 4 >= n;
  }

  /**
   * The indexed trigrams that start with a 1–2 character text (folded as the
   * index folds, and as typed in case FTS5 folds a character JavaScript does
   * not), and those of them found in a title column; undefined when there are
   * more than MAX_EXPANSION.
   */
  private expand(text: string): Expansion | undefined {
    const trigrams = new Set<string>();
    const inTitles = new Set<string>();
    for (const prefix of new Set([foldText(text), text])) {
      // At most four rows a trigram, one a column.
      for (const { term, col } of this.stmt.vocabulary.iterate(prefix, prefix + TOP, 4 * (MAX_EXPANSION + 1))) {
        if (!term.startsWith(prefix)) continue;
        trigrams.add(term);
        if (col === 'title' || col === 'proposal_title') inTitles.add(term);
      }
    }
    return trigrams.size > MAX_EXPANSION ? undefined : { trigrams: [...trigrams], inTitles: [...inTitles] };
  }

  private dated(sql: string, params: Params): { id: number; signedOn: string }[] {
    return this.db.prepare<[Params], { id: number; signedOn: string }>(sql).all(params);
  }

  private ids(sql: string, params: Params): number[] {
    return this.db
      .prepare<[Params], { id: number }>(sql)
      .all(params)
      .map((r) => r.id);
  }

  private hit(id: number, hit: SearchHit['hit']): SearchHit {
    return { reply: this.get(id)!, hit };
  }
}

/** The list filters and the organ, on `replies r`. */
function filterSql(filter: SearchFilter, params: Params): string {
  const where: string[] = [];
  if (filter.year !== undefined) {
    where.push('r.signed_on >= @from AND r.signed_on < @to');
    params.from = `${filter.year}-01-01`;
    params.to = `${filter.year + 1}-01-01`;
  }
  if (filter.status) (where.push('r.status = @status'), (params.status = filter.status));
  if (filter.kind) (where.push('r.kind = @kind'), (params.kind = filter.kind));
  if (filter.result) (where.push('r.result = @result'), (params.result = filter.result));
  if (filter.proposer) (where.push('instr(r.proposer_names, @proposer) > 0'), (params.proposer = filter.proposer));
  if (filter.organ) (where.push('instr(r.organ, @organ) > 0'), (params.organ = filter.organ));
  return where.map((w) => ` AND ${w}`).join('');
}

/** The terms checked on the text, on `search_content s`. */
function checkSql(plan: QueryPlan, params: Params): string {
  return plan.checks
    .map((c, i) => {
      params[`check${i}`] = c.needle;
      const text = 's.title || s.proposal_title || s.proposers || s.body';
      // Text without case (Chinese, digits, punctuation) is found as it is, without bringing the text to JavaScript.
      const caseless = c.needle.toLowerCase() === c.needle && c.needle.toUpperCase() === c.needle;
      const test = caseless ? `instr(${text}, @check${i}) > 0` : `reply_contains(${text}, @check${i})`;
      return ` AND ${c.negated ? 'NOT ' : ''}${test}`;
    })
    .join('');
}
