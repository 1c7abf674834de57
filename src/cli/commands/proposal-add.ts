import { parseDate } from '../../core/dates.js';
import { parseProposalNo, parseProposers } from '../../core/fields.js';
import {
  buildProposal,
  defaultSession,
  missingProposalFields,
  PROPOSAL_KINDS,
  proposalKindOf,
  replyKindFor,
  ROLES,
  type Proposal,
  type ProposalInput,
  type ProposalInputKey,
} from '../../core/proposal.js';
import { proposalFlagsInput, readProposalAnswers } from '../answers.js';
import { handlingJson } from '../handlings.js';
import { t } from '../messages.js';
import { dateText } from '../present.js';
import { checkedBy, required, type Prompter } from '../prompts.js';
import { command, flag, value, values } from '../command.js';

const OPTIONS = {
  kind: value,
  session: value,
  number: value,
  title: value,
  proposer: values,
  assignedOn: value,
  role: value,
  leadUnit: value,
  dueOn: value,
  answers: value,
  json: flag,
};

export default command(OPTIONS, async function proposalAdd(ctx, _args, opts) {
  const config = ctx.config();
  const fromFlags = proposalFlagsInput(opts);
  let input: ProposalInput = { ...(opts.answers ? readProposalAnswers(opts.answers, ctx.cwd) : {}), ...fromFlags };
  const scripted = Boolean(opts.answers || opts.json || Object.keys(fromFlags).length > 0);
  if (ctx.interactive && !scripted) {
    const registered = ctx.hasArchive() ? (await ctx.handling()).proposals() : [];
    input = await askMissing(input, await ctx.prompter(), registered);
  }
  const fields = buildProposal(input, config);
  const proposal = (await ctx.handling()).addProposal(fields);
  if (opts.json) {
    const [handling] = await ctx.workflow().handlings([proposal], proposal.assignedOn);
    if (!handling) throw new Error('a filed proposal has a handling');
    ctx.streams.stdout.write(JSON.stringify(handlingJson(handling), null, 2) + '\n');
  } else {
    ctx.streams.stdout.write(
      t('proposal.added', {
        id: proposal.id,
        session: proposal.session,
        number: proposal.number,
        kind: proposal.kind,
        title: proposal.title,
        role: proposal.role === '主办' ? proposal.role : `${proposal.role}（${t('label.leadUnit')}：${proposal.leadUnit}）`,
        due: dateText(proposal.firstDueOn),
      }) + '\n',
    );
  }
  return 0;
}, 'write');


/** Asks, one question each, for what the input lacks, checking every answer with the rules of the flags. */
async function askMissing(input: ProposalInput, prompter: Prompter, registered: readonly Proposal[]): Promise<ProposalInput> {
  const answers: Record<string, unknown> = { ...input };
  const kind = () => proposalKindOf(String(answers.kind ?? ''));
  const ask: Record<ProposalInputKey, () => Promise<unknown>> = {
    kind: () => prompter.select({ message: t('prompt.proposalKind'), choices: PROPOSAL_KINDS.map((k) => ({ name: k, value: k })) }),
    session: () => {
      // The kind is asked first: the session offered is one of the same body (人大 for a 建议).
      const session = defaultSession(kind(), registered);
      return prompter.text({ message: t('prompt.session'), ...(session ? { default: session } : {}), validate: required });
    },
    number: () => prompter.text({ message: t('prompt.proposalNumber'), validate: checkedBy(parseProposalNo) }),
    title: () => prompter.text({ message: t('prompt.proposalTitle'), validate: required }),
    proposers: async () => [
      await prompter.text({
        message: t('prompt.proposalProposers'),
        validate: checkedBy((v) => parseProposers([v], kind() && replyKindFor(kind()!, '主办'))),
      }),
    ],
    assignedOn: () => prompter.text({ message: t('prompt.assignedOn'), validate: checkedBy((v) => parseDate(v, 'assigned-on')) }),
    role: () => prompter.select({ message: t('prompt.role'), choices: ROLES.map((r) => ({ name: r, value: r })) }),
    leadUnit: () => prompter.text({ message: t('prompt.leadUnit'), validate: required }),
    dueOn: async () => undefined,
  };
  for (const key of Object.keys(ask) as ProposalInputKey[]) {
    // Asked in order: whether the lead unit is needed depends on the role just chosen.
    if (!missingProposalFields(answers as ProposalInput).includes(key)) continue;
    answers[key] = await ask[key]();
  }
  return answers as ProposalInput;
}
