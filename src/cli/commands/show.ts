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
import { dateText, fieldLabel, fieldValueText, proposersText, replyJson, statusChangeJson, statusLabel, timeText, titleOf } from '../present.js';
import { command, flag } from '../command.js';

const OPTIONS = {
  history: flag,
  source: flag,
  json: flag,
};

export default command(OPTIONS, async function show(ctx, args, opts) {
  const reply = await ctx.workflow().reply(args[0]!);
  const out = ctx.streams.stdout;
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
      out.write(historyTable(revisions, changes));
    }
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
  out.write(describe(reply, await handlingRows(ctx, reply)));
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
  const answers = (await ctx.handling()).feedback(reply.id);
  if (answers.length) {
    rows.push([t('label.feedback'), answers.map((f) => t('show.feedbackItem', { rating: f.rating, on: dateText(f.receivedOn), note: f.note ? `：${f.note}` : '' })).join('\n')]);
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
    [t('label.footnotes'), footnotes.length ? footnotes.map((f) => `${f.number}. ${plainText(f.inlines)}`).join('\n') : none],
    ...handling,
    [t('label.createdAt'), timeText(reply.createdAt)],
    [t('label.updatedAt'), timeText(reply.updatedAt)],
  ];
  return `${completeness(reply)}${table(undefined, rows)}\n${t('label.body')}\n\n${reply.body}`;
}

/** （原因：…；越过 2 处格式错误） */
function statusNote(change: StatusChange | undefined): string {
  if (!change?.reason) return '';
  const overridden = change.overridden?.length ? t('history.overridden', { n: change.overridden.length }) : '';
  return t('history.reason', { reason: change.reason, overridden });
}

function historyTable(revisions: readonly Revision[], changes: ReadonlyMap<number, StatusChange>): string {
  const rows = revisions.map((rev, i) => {
    const before = revisions[i - 1]?.reply;
    const change =
      rev.change === 'created'
        ? t('history.created')
        : rev.change === 'status'
          ? t('history.status', { status: statusLabel(rev.reply.status) }) + statusNote(changes.get(rev.reply.version))
          : t('history.edited', { fields: before ? changedFields(before, rev.reply).join('、') : '' });
    return [String(rev.revision), timeText(rev.at), change];
  });
  return table([t('history.revision'), t('history.at'), t('history.change')], rows);
}
