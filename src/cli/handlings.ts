import { parseDate, dayOf, type IsoDate } from '../core/dates.js';
import { ReplyError, ValidationError } from '../core/errors.js';
import { isOpen, type Handling } from '../core/handling.js';
import type { Proposal } from '../core/proposal.js';
import type { Context } from './context.js';
import { t } from './messages.js';

/** The day deadlines are counted from: --as-of, else today. A bad date is a usage error, as a bad --year is. */
export function asOf(ctx: Context, text: string | undefined): IsoDate {
  if (text === undefined) return dayOf(ctx.clock.now());
  try {
    return parseDate(text, 'as-of');
  } catch (error) {
    if (error instanceof ValidationError) throw new ReplyError('option.badDate', { option: '--as-of', value: text }, 2);
    throw error;
  }
}

/** 未答复 / 已答复 / 不满意，重新办理 */
export function stateText(h: Handling): string {
  return t(`handling.${h.state}`);
}

/** 12 天 / 今天到期 / 逾期 3 天; nothing for a proposal already answered. */
export function daysText(h: Handling): string {
  if (!isOpen(h)) return '';
  if (h.daysLeft === 0) return t('handling.today');
  return h.daysLeft > 0 ? t('handling.daysLeft', { n: h.daysLeft }) : t('handling.daysOver', { n: -h.daysLeft });
}

/** A year flag as a number, or a usage error. */
export function yearOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text.trim())) throw new ReplyError('option.badYear', { value: text }, 2);
  return Number(text.trim());
}

/** Prints where a proposal's handling stands today, as JSON: what a change to a proposal answers with --json. */
export async function writeHandlingJson(ctx: Context, proposal: Proposal): Promise<void> {
  const [handling] = await ctx.workflow().handlings([proposal], asOf(ctx, undefined));
  ctx.streams.stdout.write(JSON.stringify(handlingJson(handling!), null, 2) + '\n');
}

/** The JSON form of a handling for scripts. */
export function handlingJson(h: Handling): Record<string, unknown> {
  const p = h.proposal;
  return {
    id: p.id,
    kind: p.kind,
    session: p.session,
    number: p.number,
    title: p.title,
    proposers: p.proposers,
    role: p.role,
    leadUnit: p.leadUnit,
    assignedOn: p.assignedOn,
    dueOn: h.dueOn,
    deadlines: p.deadlines,
    state: h.state,
    status: p.status,
    daysLeft: isOpen(h) ? h.daysLeft : null,
    overdue: h.overdue,
    firstAnsweredOn: h.firstAnsweredOn,
    onTime: h.onTime,
    replies: h.replies.map((r) => ({ id: r.id, docNumber: r.docNumber?.toString() ?? null, status: r.status, signedOn: r.signedOn })),
    feedback: h.feedback && { rating: h.feedback.rating, note: h.feedback.note, receivedOn: h.feedback.receivedOn },
  };
}
