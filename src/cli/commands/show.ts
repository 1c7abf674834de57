import { dayOf } from '../../core/dates.js';
import type { Context } from '../context.js';
import { stateText } from '../handlings.js';
import { parseBody, plainText } from '../../core/body.js';
import { changedFields } from '../../core/fields.js';
import type { Revision, StatusChange } from '../../core/ports.js';
import { ReplyError } from '../../core/errors.js';
import { CONTACT_KEYS, issueDate, missingOf, type Reply } from '../../core/reply.js';
import { t } from '../messages.js';
import { table } from '../output.js';
import { salutationOf } from '../../core/proposers.js';
import { dateText, fieldLabel, fieldValueText, operatorText, proposersText, replyJson, statusChangeJson, statusLabel, timeText, titleOf } from '../present.js';
import { command, flag, value } from '../command.js';
import type { Feedback } from '../../core/handling.js';

const OPTIONS = {
  history: flag,
  revision: value,
  source: flag,
  body: flag,
  json: flag,
};

export default command(OPTIONS, async function show(ctx, args, opts) {
  const reply = await ctx.workflow().reply(args[0]!);
  const out = ctx.streams.stdout;
  if (opts.revision !== undefined) {
    const revisions = await ctx.workflow().history(reply);
    const rev = revisions[revisionNumber(opts.revision, revisions.length, reply.id) - 1]!;
    if (opts.json) {
      out.write(JSON.stringify({ revision: rev.revision, at: rev.at, change: rev.change, operator: rev.operator, reason: rev.reason, reply: replyJson(rev.reply) }, null, 2) + '\n');
    } else {
      out.write(t('show.revisionHead', { n: rev.revision, of: revisions.length, at: timeText(rev.at), by: operatorText(rev.operator) }) + '\n');
      out.write(describe(rev.reply, []));
    }
    return 0;
  }
  if (opts.history) {
    const repo = await ctx.replies();
    const revisions = repo.history(reply.id);
    // A status revision and its logged change are one event.
    const changes = new Map(repo.statusChanges(reply.id).map((c) => [c.event, c]));
    if (opts.json) {
      const json = revisions.map((r) => {
        const change = changes.get(r.reply.version);
        return { ...r, reply: replyJson(r.reply), ...(change ? { statusChange: statusChangeJson(change) } : {}) };
      });
      out.write(JSON.stringify(json, null, 2) + '\n');
    } else {
      await ctx.print(historyTable(revisions, changes));
    }
    return 0;
  }
  if (opts.body) {
    // The body as filed, for a pipe: nothing around it, one line end at its end.
    out.write(reply.body.endsWith('\n') ? reply.body : `${reply.body}\n`);
    return 0;
  }
  const source = (await ctx.replies()).sourceOf(reply.id);
  if (opts.source) {
    if (!source) throw new ReplyError('show.noSource', { id: reply.id });
    out.write(source.text);
    return 0;
  }
  if (opts.json) {
    // An imported reply says where it came from (its text: show --source).
    const origin = source && (({ text: _text, ...rest }) => rest)(source);
    out.write(JSON.stringify({ ...replyJson(reply), ...(origin ? { source: origin } : {}) }, null, 2) + '\n');
    return 0;
  }
  // A reply's fields and body are longer than a screen: paged on a terminal.
  await ctx.print(describe(reply, await handlingRows(ctx, reply)));
  return 0;
});

/**
 * The registered proposal the reply answers (its number, the deadline in force, where its handling
 * stands) and the answers its proposers gave: rows shown only where there are any.
 */
async function handlingRows(ctx: Context, reply: Reply): Promise<[string, string][]> {
  if (!ctx.hasArchive()) return [];
  const workflow = ctx.workflow();
  const proposal = await workflow.proposalOf(reply);
  const rows: [string, string][] = [];
  if (proposal) {
    const [h] = await workflow.handlings([proposal], dayOf(ctx.clock.now()));
    rows.push([t('label.handling'), t('show.proposal', { id: proposal.id, session: proposal.session, number: proposal.number, state: stateText(h!), due: dateText(h!.dueOn) })]);
  }
  const answers = await workflow.feedbackOn(reply);
  if (answers.length) {
    // Numbered as `reply feedback retract ID N` names them; one taken back is shown, marked.
    const item = (f: Feedback, i: number) =>
      `${i + 1}. ` +
      t('show.feedbackItem', { rating: f.rating, on: dateText(f.receivedOn), note: f.note ? `：${f.note}` : '' }) +
      (f.retracted ? t('show.feedbackRetracted', { reason: f.retracted.reason }) : '');
    rows.push([t('label.feedback'), answers.map(item).join('\n')]);
  }
  return rows;
}

/**
 * What a record lacks and what was inferred, each on a line of its own before the fields:
 * 待补充：会次、提案号、成文日期 / 推断：署名（上海市普陀区人民政府）. Nothing for a complete record.
 */
function completeness(reply: Reply): string {
  const lines: string[] = [];
  const missing = missingOf(reply);
  if (missing.length) lines.push(t('show.missing', { fields: missing.map(fieldLabel).join('、') }));
  if (reply.inferred.length) {
    const items = reply.inferred.map((field) => {
      const value = fieldValueText(reply, field);
      return value ? t('show.inferredItem', { field: fieldLabel(field), value }) : fieldLabel(field);
    });
    lines.push(t('show.inferred', { fields: items.join('、') }));
  }
  return lines.map((line) => line + '\n').join('');
}

function describe(reply: Reply, handling: readonly [string, string][]): string {
  const none = t('label.none');
  const orNone = (text: string | null) => text || none;
  const contact = CONTACT_KEYS.map((key) => reply.contact[key]).filter(Boolean).join('  ');
  const footnotes = parseBody(reply.body).footnotes;
  const rows: [string, string][] = [
    [t('label.id'), String(reply.id)],
    [t('label.docNumber'), reply.docNumber?.toString() ?? none],
    [t('label.replyTitle'), titleOf(reply)],
    [t('label.status'), statusLabel(reply.status)],
    [t('label.kind'), reply.kind],
    [t('label.session'), orNone(reply.session)],
    [t('label.proposalNo'), orNone(reply.proposalNo)],
    [t('label.title'), orNone(reply.proposalTitle)],
    [t('label.proposer'), orNone(proposersText(reply))],
    ...(reply.leadUnit ? ([[t('label.leadUnit'), reply.leadUnit]] as [string, string][]) : []),
    [t('label.salutation'), salutationOf(reply)],
    [t('label.result'), reply.result],
    [t('label.disclosure'), reply.disclosure],
    [t('label.signedOn'), orNone(dateText(reply.signedOn))],
    [t('label.issuedOn'), orNone(dateText(issueDate(reply)))],
    [t('label.organ'), orNone(reply.organ)],
    [t('label.header'), reply.header ?? none],
    [t('label.printingOrgan'), reply.printingOrgan],
    [t('label.contact'), contact || none],
    [t('label.cc'), reply.cc.length ? reply.cc.join('，') : none],
    // The marks above the 标志 and the 附注, those the reply has.
    ...([
      [t('label.copyNo'), reply.classification.copyNo],
      [t('label.secrecy'), reply.classification.secrecy],
      [t('label.urgency'), reply.classification.urgency],
      [t('label.annotation'), reply.annotation && `（${reply.annotation}）`],
      [t('label.style'), reply.style],
    ].filter((row): row is [string, string] => Boolean(row[1]))),
    [t('label.footnotes'), footnotes.length ? footnotes.map((f) => `${f.number}. ${plainText(f.inlines)}`).join('\n') : none],
    ...handling,
    [t('label.createdAt'), timeText(reply.createdAt)],
    [t('label.updatedAt'), timeText(reply.updatedAt)],
  ];
  return `${completeness(reply)}${table(undefined, rows)}\n${t('label.body')}\n\n${reply.body}`;
}

/** A --revision as a number of one of the reply's revisions. */
export function revisionNumber(text: string, count: number, id: number): number {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > count) throw new ReplyError('revision.notFound', { id, value: text, count }, 2);
  return n;
}

/** The reason, and how many of the check's errors a forced step went past. */
function why(rev: Revision, change: StatusChange | undefined): string {
  const overridden = change?.overridden?.length ? t('history.overridden', { n: change.overridden.length }) : '';
  return (rev.reason ?? '') + overridden;
}

function historyTable(revisions: readonly Revision[], changes: ReadonlyMap<number, StatusChange>): string {
  const rows = revisions.map((rev, i) => {
    const before = revisions[i - 1]?.reply;
    const change =
      rev.change === 'created'
        ? t('history.created')
        : rev.change === 'status'
          ? t('history.status', { status: statusLabel(rev.reply.status) })
          : rev.change === 'reverted'
            ? t('history.reverted', { n: restoredFrom(revisions, i) })
            : t('history.edited', { fields: before ? changedFields(before, rev.reply).join('、') : '' });
    return [String(rev.revision), timeText(rev.at), operatorText(rev.operator), change, why(rev, changes.get(rev.reply.version)) || '—'];
  });
  return table([t('history.revision'), t('history.at'), t('history.operator'), t('history.change'), t('history.why')], rows);
}

/** The earlier revision a revert restored: the first whose fields and body it equals (the number aside, which a revert keeps). */
function restoredFrom(revisions: readonly Revision[], i: number): string {
  const now = revisions[i]!.reply;
  const same = revisions.slice(0, i).find((r) => changedFields({ ...r.reply, docNumber: now.docNumber }, now).length === 0);
  return same ? String(same.revision) : '?';
}
