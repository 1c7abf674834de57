import type { Config } from '../../core/config.js';
import { dayOf, parseDate, type IsoDate } from '../../core/dates.js';
import { ReplyError } from '../../core/errors.js';
import {
  buildNewReply,
  missingFields,
  normaliseBody,
  parseProposalNo,
  parseProposers,
  type InputKey,
  type ReplyInput,
} from '../../core/fields.js';
import { replyInputFrom } from '../../core/proposal.js';
import { KINDS, kindOf, type Reply } from '../../core/reply.js';
import type { Context } from '../context.js';
import { scaffoldBody } from '../../core/scaffold.js';
import { STALE_EXCERPT, staleMentions, startFrom, type StaleMention } from '../../core/reuse.js';
import { chooseStart } from '../start-from.js';
import { makeSnippet } from '../../core/snippet.js';
import { flagsInput, readAnswers } from '../answers.js';
import { editText } from '../editor.js';
import { readBodyFile } from '../files.js';
import { t } from '../messages.js';
import { numberText, replyJson, statusLabel, titleOf } from '../present.js';
import { checkedBy, required, type Prompter } from '../prompts.js';
import { command, flag, value, values } from '../command.js';

const OPTIONS = {
  kind: value,
  session: value,
  proposalNo: value,
  title: value,
  proposer: values,
  leadUnit: value,
  salutation: value,
  result: value,
  disclosure: value,
  signedOn: value,
  issuedOn: value,
  docNumber: value,
  cc: values,
  body: value,
  answers: value,
  edit: flag,
  proposal: value,
  from: value,
  force: flag,
  json: flag,
};

export default command(OPTIONS, async function newReply(ctx, _args, opts) {
  const config = ctx.config();
  const today = dayOf(ctx.clock.now());
  const fromFlags = flagsInput(opts, opts.body === undefined ? undefined : await readBodyFile(opts.body, ctx.cwd));
  // A filed proposal gives the fields a reply shares with it; an answers file and flags still win.
  const fromProposal = opts.proposal ? replyInputFrom(await ctx.workflow().proposal(opts.proposal, opts.session)) : {};
  let input: ReplyInput = { ...fromProposal, ...(opts.answers ? readAnswers(opts.answers, ctx.cwd) : {}), ...fromFlags };
  // A past reply to start from: its body, once the new reply's kind and addressee are known.
  if (opts.from !== undefined && input.body !== undefined) throw new ReplyError('new.fromAndBody', {}, 2);
  const past = opts.from === undefined ? undefined : await ctx.workflow().reply(opts.from);

  // Flags, an answers file or --json mean a script is talking: it is never asked anything.
  const scripted = Boolean(opts.answers || opts.json || Object.keys(fromFlags).length > 0);
  const interactive = ctx.interactive && !scripted;
  if (interactive) {
    const [last] = ctx.hasArchive() ? (await ctx.replies()).list({ limit: 1 }) : [];
    input = await askMissing(input, await ctx.prompter(), config, { today, session: last?.session ?? undefined });
  }

  if (past) input = { ...input, body: startFrom(past.body, buildNewReply({ ...input, body: '-' }, config, today)) };
  // Drafting a registered proposal at the terminal: the clerk may start from what was said before.
  let basedOn = past?.id;
  let start: string | undefined;

  if (opts.edit || (interactive && !input.body)) {
    // Check everything else first, so a body written in the editor is never lost to a bad field.
    const checked = buildNewReply({ ...input, body: input.body ?? '-' }, config, today);
    if (!opts.force) await refuseSecondDraft(ctx, checked);
    if (interactive && opts.proposal && !input.body) {
      const chosen = await chooseStart(ctx, await ctx.prompter(), checked);
      start = chosen?.body;
      basedOn = chosen?.basedOn;
    }
    const scaffold = input.body ?? start ?? scaffoldBody(checked);
    const written = editText(scaffold, ctx.env);
    if (!written.trim()) throw new ReplyError('body.empty');
    if (normaliseBody(written) === normaliseBody(scaffold) && input.body === undefined && start === undefined) throw new ReplyError('body.unchanged');
    input = { ...input, body: written };
  }

  const draft = buildNewReply(input, config, today);
  if (!opts.force) await refuseSecondDraft(ctx, draft);
  // An office that numbers at signing files the draft without a number, unless one was given.
  const reply = (await ctx.replies()).create(draft, config.docPrefix, {
    numbering: config.numbering === 'sign' ? 'none' : 'allocate',
    ...(basedOn !== undefined ? { basedOn } : {}),
  });
  if (opts.json) {
    ctx.streams.stdout.write(JSON.stringify(replyJson(reply), null, 2) + '\n');
  } else {
    ctx.streams.stdout.write(
      t('new.done', { id: reply.id, docNumber: numberText(reply), title: titleOf(reply), status: statusLabel(reply.status) }) + '\n',
    );
  }
  const basis = past ?? (basedOn !== undefined ? await ctx.workflow().reply(String(basedOn)) : undefined);
  if (basis) sayStale(ctx, staleMentions(reply.body, basis.body, reply.signedOn ?? today), basis);
  return 0;
}, 'write');

/** What the new draft carried over from the past reply that speaks of the past reply's time: for the clerk to review. */
function sayStale(ctx: Context, stale: readonly StaleMention[], past: Reply): void {
  const err = ctx.streams.stderr;
  if (stale.length === 0) {
    err.write(t('new.fromClean', { id: past.id, docNumber: numberText(past) }) + '\n');
    return;
  }
  err.write(t('new.fromStale', { id: past.id, docNumber: numberText(past), count: stale.length }) + '\n');
  for (const m of stale) err.write(t('new.fromStaleItem', { line: m.line, mention: m.text, sentence: makeSnippet(m.sentence, [], STALE_EXCERPT).text }) + '\n');
}


/** A registered proposal that has a draft open gets a second one only with --force: the clerk is told which. */
async function refuseSecondDraft(ctx: Context, fields: Pick<Reply, 'session' | 'proposalNo'>): Promise<void> {
  if (!ctx.holdsArchive()) return;
  const open = await ctx.workflow().openDrafts(fields);
  if (!open) return;
  const { proposal, drafts } = open;
  throw new ReplyError('new.draftExists', {
    id: proposal.id,
    session: proposal.session,
    number: proposal.number,
    drafts: drafts.map((d) => t('new.draftItem', { id: d.id, status: statusLabel(d.status) })).join('、'),
    first: drafts[0]!.id,
  });
}

export interface PromptDefaults {
  readonly today: IsoDate;
  /** The session of the latest reply: most replies of a season share it. */
  readonly session: string | undefined;
}

/**
 * Asks, one question each, for what the input lacks, checking every answer
 * with the same rules as the flags. The body is not asked here: it is written
 * in the editor.
 */
export async function askMissing(input: ReplyInput, prompter: Prompter, config: Config, defaults: PromptDefaults): Promise<ReplyInput> {
  const answers: Record<string, unknown> = { ...input };
  const ask: Partial<Record<InputKey, () => Promise<unknown>>> = {
    kind: () => prompter.select({ message: t('prompt.kind'), choices: KINDS.map((k) => ({ name: k, value: k })) }),
    session: () => prompter.text({ message: t('prompt.session'), ...(defaults.session ? { default: defaults.session } : {}), validate: required }),
    proposalNo: () =>
      prompter.text({
        message: t('prompt.proposalNo'),
        validate: checkedBy(parseProposalNo),
      }),
    title: () => prompter.text({ message: t('prompt.title'), validate: required }),
    proposers: async () => [
      await prompter.text({
        message: t('prompt.proposers'),
        validate: checkedBy((v) => parseProposers([v], kindOf(String(answers.kind)))),
      }),
    ],
    leadUnit: () => prompter.text({ message: t('prompt.leadUnit'), validate: required }),
    result: () => prompter.select({ message: t('prompt.result'), choices: config.results.map((r) => ({ name: r, value: r })) }),
    disclosure: () =>
      prompter.select({
        message: t('prompt.disclosure'),
        choices: config.disclosures.map((d) => ({ name: d, value: d })),
        default: config.disclosures[0]!,
      }),
  };
  for (const key of Object.keys(ask) as InputKey[]) {
    // Asked in order; whether the lead unit is needed depends on the kind just chosen.
    if (!missingFields(answers as ReplyInput).includes(key)) continue;
    answers[key] = await ask[key]!();
  }
  if (!answers.signedOn) {
    answers.signedOn = await prompter.text({
      message: t('prompt.signedOn'),
      default: defaults.today,
      validate: checkedBy((v) => parseDate(v, 'signed-on')),
    });
  }
  return answers as ReplyInput;
}
