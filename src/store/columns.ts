import { NEEDED_FIELDS, type NeededField } from '../core/reply.js';

/**
 * SQL over the replies table shared by the repository and the search, each
 * written for a table alias ('' for none, 'r' for `replies r`).
 */
const column = (alias: string, name: string) => (alias ? `${alias}.${name}` : name);

/**
 * The signed date as the date index (replies_signed_on) orders replies: '' for
 * a reply without a date, which sorts below every date, so those come last
 * (newest filed first among them) and a walk down the index reaches them too.
 * A query that is to use the index writes this very expression.
 */
export function signedKey(alias = ''): string {
  return `coalesce(${column(alias, 'signed_on')}, '')`;
}

/** Newest signed first, undated last, then the latest filed: the order of every listing. */
export function dateOrder(alias = ''): string {
  return `${signedKey(alias)} DESC, ${column(alias, 'id')} DESC`;
}

/** The replies signed in a year: a range of the date index. */
export function yearSql(alias: string, from: string, to: string): string {
  return `${signedKey(alias)} >= @${from} AND ${signedKey(alias)} < @${to}`;
}

/**
 * Replies strictly after the one at (@on, @id) in date order, i.e. (key, id) < (@on, @id), written
 * so that the index gives the range: SQLite does not make one from a row value over an expression.
 */
export function afterSql(alias: string, on: string, id: string): string {
  const key = signedKey(alias);
  return `${key} <= @${on} AND (${key} < @${on} OR ${column(alias, 'id')} < @${id})`;
}

/** The reply at (@on, @id) and those before it (newer): (key, id) >= (@on, @id). */
export function upToSql(alias: string, on: string, id: string): string {
  const key = signedKey(alias);
  return `${key} >= @${on} AND (${key} > @${on} OR ${column(alias, 'id')} >= @${id})`;
}

/** Whether a needed field has no value: what missingOf says of a record, in SQL. */
const LACKS: { readonly [F in NeededField]: (alias: string) => string } = {
  proposers: (a) => `json_array_length(${column(a, 'proposers')}) = 0`,
  session: (a) => `${column(a, 'session')} = ''`,
  proposalNo: (a) => `${column(a, 'proposal_no')} = ''`,
  // As the date indexes hold it (coalesce(signed_on, '')), so that the test is read from an index, not from the
  // row after its body (a date is never ''): at 100,000 replies list --incomplete read every body, 13.8 s.
  signedOn: (a) => `${signedKey(a)} = ''`,
  organ: (a) => `${column(a, 'organ')} = ''`,
};

/**
 * Records that lack a needed field (ListFilter.incomplete). The partial index replies_incomplete (schema step 18)
 * holds exactly this condition: a change here needs a schema step that makes that index again.
 */
export function incompleteSql(alias = ''): string {
  return `(${NEEDED_FIELDS.map((field) => LACKS[field](alias)).join(' OR ')})`;
}
