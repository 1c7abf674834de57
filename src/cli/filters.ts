import { flag, value, type Options } from './command.js';
import { ReplyError } from '../core/errors.js';
import type { SearchFilter } from '../core/ports.js';
import { kindOf, statusOf } from '../core/reply.js';

/** The selection flags shared by list, search, similar and render, as typed. */
/** The selection flags of list, search and similar: one contract for all three. */
export const FILTER_OPTIONS = {
  year: value,
  kind: value,
  result: value,
  organ: value,
  proposer: value,
  status: value,
  limit: value,
  incomplete: flag,
};
export type FilterOptions = Options<typeof FILTER_OPTIONS>;

/** Reads the selection flags; a value that cannot be read is a usage error. */
export function readFilter(o: FilterOptions): SearchFilter {
  const filter: { -readonly [K in keyof SearchFilter]: SearchFilter[K] } = {};
  if (o.year !== undefined) {
    if (!/^\d{4}$/.test(o.year)) throw new ReplyError('option.badYear', { value: o.year }, 2);
    filter.year = Number(o.year);
  }
  if (o.status !== undefined) {
    const status = statusOf(o.status);
    if (!status) throw new ReplyError('list.badStatus', { value: o.status }, 2);
    filter.status = status;
  }
  if (o.kind !== undefined) {
    const kind = kindOf(o.kind);
    if (!kind) throw new ReplyError('list.badKind', { value: o.kind }, 2);
    filter.kind = kind;
  }
  if (o.result?.trim()) filter.result = o.result.trim();
  if (o.organ?.trim()) filter.organ = o.organ.trim();
  if (o.proposer?.trim()) filter.proposer = o.proposer.trim().replace(/(委员|代表)$/u, '');
  if (o.incomplete) filter.incomplete = true;
  if (o.limit !== undefined) {
    if (!/^\d+$/.test(o.limit) || Number(o.limit) < 1) throw new ReplyError('option.badValue', { option: '--limit', value: o.limit }, 2);
    filter.limit = Number(o.limit);
  }
  return filter;
}
