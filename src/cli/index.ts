import { readFileSync } from 'node:fs';
import { Command, CommanderError, type OutputConfiguration } from 'commander';
import { ReplyError, ValidationError } from '../core/errors.js';
import type { CommandHandler } from './command.js';
import { Context, type GlobalOptions, type Streams } from './context.js';
import { HELP } from './help.js';
import { hasMessage, t } from './messages.js';
import type { MessageKey } from '../messages/zh-CN.js';
import { PromptCancelled, type Prompter } from './prompts.js';
import type { Clock } from '../core/ports.js';
import { arrangeSearchWords } from './search-words.js';

/** What a command handler gets: the context, its positional arguments and its own options. */

export interface MainIO {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly streams?: Streams;
  readonly prompter?: Prompter;
  readonly clock?: Clock;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Each command's module, imported only when that command runs. */
const HANDLERS: Record<string, () => Promise<{ default: CommandHandler }>> = {
  init: () => import('./commands/init.js'),
  new: () => import('./commands/new.js'),
  list: () => import('./commands/list.js'),
  show: () => import('./commands/show.js'),
  edit: () => import('./commands/edit.js'),
  status: () => import('./commands/status.js'),
  diff: () => import('./commands/diff.js'),
  revert: () => import('./commands/revert.js'),
  log: () => import('./commands/log.js'),
  render: () => import('./commands/render.js'),
  search: () => import('./commands/search.js'),
  similar: () => import('./commands/similar.js'),
  reindex: () => import('./commands/reindex.js'),
  backup: () => import('./commands/backup.js'),
  export: () => import('./commands/export.js'),
  doctor: () => import('./commands/doctor.js'),
  import: () => import('./commands/import.js'),
  check: () => import('./commands/check.js'),
  'proposal-add': () => import('./commands/proposal-add.js'),
  'proposal-list': () => import('./commands/proposal-list.js'),
  'proposal-extend': () => import('./commands/proposal-extend.js'),
  'proposal-show': () => import('./commands/proposal-show.js'),
  'proposal-edit': () => import('./commands/proposal-edit.js'),
  'proposal-withdraw': () => import('./commands/proposal-withdraw.js'),
  'feedback-retract': () => import('./commands/feedback-retract.js'),
  due: () => import('./commands/due.js'),
  feedback: () => import('./commands/feedback.js'),
  stats: () => import('./commands/stats.js'),
};

/** Builds the command tree. Handlers are imported only when their command runs. */
function program(
  run: (module: string, args: string[], options: Record<string, unknown>, global: GlobalOptions) => Promise<void>,
  output: OutputConfiguration,
): Command {
  const root = new Command('reply')
    .description(t('cmd.program'))
    .option('--db <path>', t('opt.db'))
    .option('--create', t('opt.create'))
    .option('--by <name>', t('opt.by'))
    .option('--no-input', t('opt.noInput'))
    .option('--debug', t('opt.debug'))
    .option('--no-pager', t('opt.noPager'))
    .configureHelp(HELP)
    .helpOption('-h, --help', t('opt.help'))
    .helpCommand('help [command]', t('cmd.help'))
    .version(version(), '-V, --version', t('opt.version'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output);

  const command = (name: string, description: string, module = name, parent: Command = root) => {
    const cmd = parent.command(name).description(description).helpOption('-h, --help', t('opt.help')).exitOverride();
    cmd.action(async (...all: unknown[]) => {
      const self = all[all.length - 1] as Command;
      const positional = all.slice(0, -2).flat().filter((a): a is string => typeof a === 'string');
      await run(module, positional, self.opts(), self.optsWithGlobals() as GlobalOptions);
    });
    return cmd;
  };

  command('init', t('cmd.init'))
    .option('--organ <name>', t('prompt.organ'))
    .option('--doc-prefix <prefix>', t('prompt.docPrefix'))
    .option('--force', t('opt.force'));

  command('new', t('cmd.new'))
    .option('--kind <kind>', t('opt.new.kind'))
    .option('--session <text>', t('prompt.session'))
    .option('--proposal-no <no>', t('prompt.proposalNo'))
    .option('--title <text>', t('prompt.title'))
    .option('--proposer <name>', t('opt.new.proposer'), collect)
    .option('--lead-unit <name>', t('prompt.leadUnit'))
    .option('--salutation <text>', t('opt.new.salutation'))
    .option('--result <text>', t('prompt.result'))
    .option('--disclosure <text>', t('prompt.disclosure'))
    .option('--signed-on <date>', t('opt.new.signedOn'))
    .option('--issued-on <date>', t('opt.new.issuedOn'))
    .option('--doc-number <number>', t('opt.new.docNumber'))
    .option('--cc <unit>', t('opt.new.cc'), collect)
    .option('--body <file>', t('opt.new.body'))
    .option('--answers <file>', t('opt.new.answers'))
    .option('--edit', t('opt.new.edit'))
    .option('--proposal <no>', t('opt.newProposal'))
    .option('--from <id>', t('opt.new.from'))
    .option('--force', t('opt.new.force'))
    .option('--json', t('opt.json'));

  // The selection flags of list, search and similar (FILTER_OPTIONS in filters.ts): declared once.
  const selectionFlags = (cmd: Command, limitHelp: string) =>
    cmd
      .option('--year <year>', t('opt.year'))
      .option('--kind <kind>', t('opt.kind'))
      .option('--result <text>', t('opt.result'))
      .option('--organ <name>', t('opt.organ'))
      .option('--proposer <name>', t('opt.proposer'))
      .option('--status <status>', t('opt.status'))
      .option('--limit <n>', limitHelp)
      .option('--incomplete', t('opt.incomplete'))
      .option('--json', t('opt.json'));

  // The table's other forms: CSV for Excel (--raw: for scripts), a workbook.
  const sheetFlags = (cmd: Command) =>
    cmd.option('--csv', t('opt.csv')).option('--raw', t('opt.raw')).option('--xlsx <file>', t('opt.xlsx')).option('--force', t('opt.xlsxForce'));

  sheetFlags(selectionFlags(command('list', t('cmd.list')), t('opt.listLimit')).option('--all', t('opt.listAll')));

  command('show', t('cmd.show'))
    .argument('<id>', t('arg.id'))
    .option('--history', t('opt.show.history'))
    .option('--revision <n>', t('opt.show.revision'))
    .option('--source', t('opt.show.source'))
    .option('--body', t('opt.show.body'))
    .option('--json', t('opt.json'));

  command('edit', t('cmd.edit'))
    .argument('<id>', t('arg.id'))
    .option('--set <field=value>', t('opt.edit.set'), collect)
    .option('--body <file>', t('opt.edit.body'))
    .option('--force', t('opt.edit.force'))
    .option('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));

  command('diff', t('cmd.diff'))
    .argument('<id>', t('arg.id'))
    .argument('[from]', t('arg.revisionFrom'))
    .argument('[to]', t('arg.revisionTo'))
    .option('--json', t('opt.json'));

  command('revert', t('cmd.revert'))
    .argument('<id>', t('arg.id'))
    .argument('<revision>', t('arg.revision'))
    .option('--force', t('opt.edit.force'))
    .option('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));

  command('log', t('cmd.log'))
    .option('--by <name>', t('opt.log.by'))
    .option('--since <date>', t('opt.log.since'))
    .option('--id <id>', t('opt.log.id'))
    .option('--limit <n>', t('opt.log.limit'))
    .option('--json', t('opt.json'));

  command('status', t('cmd.status'))
    .argument('<id>', t('arg.id'))
    .argument('<status>', t('arg.status'))
    .option('--force', t('opt.statusForce'))
    .option('--reason <text>', t('opt.statusReason'))
    .option('--doc-number <number>', t('opt.statusDocNumber'))
    .option('--json', t('opt.json'));

  command('render', t('cmd.render'))
    .argument('[ids...]', t('arg.ids'))
    .option('--format <format>', 'txt | md | html | docx | pdf', 'txt')
    .option('--stamped', t('opt.render.stamped'))
    .option('--style <style>', t('opt.render.style'))
    .option('--final', t('opt.render.final'))
    .option('--all', t('opt.render.all'))
    .option('--year <year>', t('opt.render.year'))
    .option('--status <status>', t('opt.render.status'))
    .option('--out <path>', t('opt.render.out'))
    .option('--force', t('opt.render.force'));

  command('import', t('cmd.import'))
    .argument('<path...>', t('arg.importPath'))
    .option('--dry-run', t('opt.import.dryRun'))
    .option('--json', t('opt.import.json'))
    .option('--format <format>', t('opt.import.format'));

  command('check', t('cmd.check'))
    .argument('[target...]', t('arg.checkTarget'))
    .option('--all', t('opt.checkAll'))
    .option('--status <status>', t('opt.checkStatus'))
    .option('--year <year>', t('opt.checkYear'))
    .option('--fix', t('opt.checkFix'))
    .option('--dry-run', t('opt.checkDryRun'))
    .option('--force', t('opt.checkForce'))
    .option('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.checkJson'));

  selectionFlags(
    command('search', t('cmd.search'))
      .argument('[query...]', t('arg.query'))
      .option('--like <id>', t('opt.like'))
      .option('--paragraphs', t('opt.paragraphs'))
      .option('-C, --context <n>', t('opt.context')),
    t('opt.searchLimit'),
  );

  selectionFlags(
    command('similar', t('cmd.similar'))
      .argument('[id]', t('arg.id'))
      .option('--text <text>', t('opt.similarText'))
      .option('--proposal <no>', t('opt.similarProposal')),
    t('opt.searchLimit'),
  );

  command('reindex', t('cmd.reindex'));

  command('backup', t('cmd.backup'))
    .argument('<file>', t('arg.backupFile'))
    .option('--force', t('opt.backupForce'))
    .option('--json', t('opt.json'));

  command('doctor', t('cmd.doctor')).option('--json', t('opt.json'));

  command('export', t('cmd.export'))
    .option('--format <format>', t('opt.export.format'), 'jsonl')
    .option('--out <file>', t('opt.export.out'))
    .option('--force', t('opt.render.force'));

  const proposal = root
    .command('proposal')
    .description(t('cmd.proposal'))
    .helpOption('-h, --help', t('opt.help'))
    .helpCommand(false)
    .exitOverride();
  command('add', t('cmd.proposalAdd'), 'proposal-add', proposal)
    .option('--kind <kind>', t('opt.proposalKind'))
    .option('--session <text>', t('opt.proposalSession'))
    .option('--number <no>', t('opt.proposalNumber'))
    .option('--title <text>', t('opt.proposalTitle'))
    .option('--proposer <name>', t('opt.proposalProposer'), collect)
    .option('--assigned-on <date>', t('opt.assignedOn'))
    .option('--role <role>', t('opt.role'))
    .option('--lead-unit <name>', t('opt.proposalLeadUnit'))
    .option('--due-on <date>', t('opt.dueOn'))
    .option('--answers <file>', t('opt.proposalAnswers'))
    .option('--json', t('opt.json'));
  sheetFlags(
    command('list', t('cmd.proposalList'), 'proposal-list', proposal)
      .option('--year <year>', t('opt.proposalYear'))
      .option('--open', t('opt.open'))
      .option('--all', t('opt.proposalAll'))
      .option('--as-of <date>', t('opt.asOf'))
      .option('--json', t('opt.json')),
  );
  command('extend', t('cmd.proposalExtend'), 'proposal-extend', proposal)
    .argument('<proposal>', t('arg.proposal'))
    .option('--session <text>', t('opt.proposalSession'))
    .option('--to <date>', t('opt.extendTo'))
    .option('--months <n>', t('opt.extendMonths'))
    .option('--reason <text>', t('opt.extendReason'))
    .option('--as-of <date>', t('opt.asOf'))
    .option('--json', t('opt.json'));

  command('show', t('cmd.proposalShow'), 'proposal-show', proposal)
    .argument('<proposal>', t('arg.proposal'))
    .option('--session <text>', t('opt.proposalSession'))
    .option('--as-of <date>', t('opt.asOf'))
    .option('--json', t('opt.json'));
  command('edit', t('cmd.proposalEdit'), 'proposal-edit', proposal)
    .argument('<proposal>', t('arg.proposal'))
    .option('--session <text>', t('opt.proposalSession'))
    .option('--set <field=value>', t('opt.proposalSet'), collect)
    .option('--reason <text>', t('opt.correctionReason'))
    .option('--json', t('opt.json'));
  command('withdraw', t('cmd.proposalWithdraw'), 'proposal-withdraw', proposal)
    .argument('<proposal>', t('arg.proposal'))
    .option('--session <text>', t('opt.proposalSession'))
    .option('--reason <text>', t('opt.withdrawReason'))
    .option('--json', t('opt.json'));

  sheetFlags(
    command('due', t('cmd.due'))
      .option('--within <days>', t('opt.within'))
      .option('--as-of <date>', t('opt.asOf'))
      .option('--json', t('opt.json')),
  );

  const feedback = command('feedback', t('cmd.feedback'))
    .argument('<id>', t('arg.id'))
    .argument('<rating>', t('arg.rating'))
    .option('--note <text>', t('opt.feedbackNote'))
    .option('--received-on <date>', t('opt.receivedOn'))
    .option('--json', t('opt.json'))
    .helpCommand(false);
  // `reply feedback retract ID N`: commander takes a first word naming a subcommand as that command.
  command('retract', t('cmd.feedbackRetract'), 'feedback-retract', feedback)
    .argument('<id>', t('arg.id'))
    .argument('<n>', t('arg.feedbackNumber'))
    .option('--reason <text>', t('opt.retractReason'))
    .option('--json', t('opt.json'));

  sheetFlags(
    command('stats', t('cmd.stats'))
      .option('--year <year>', t('opt.statsYear'))
      .option('--as-of <date>', t('opt.asOf'))
      .option('--json', t('opt.json')),
  );

  return root;
}

/** Runs the CLI and returns its exit code; the single place that turns errors into messages. */
export async function main(argv: readonly string[], io: MainIO = {}): Promise<number> {
  const streams: Streams = io.streams ?? {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.isTTY ? { columns: process.stdout.columns, rows: process.stdout.rows } : {}),
  };
  // A reader that stops early (reply list | head) closes the pipe: the rest of the output is not wanted, and
  // nothing is left undone by then (a write commits before it prints). Quietly done, as a Unix tool is.
  if (!io.streams) process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(0) : undefined));
  const debug = argv.includes('--debug');
  let exitCode = 0;
  let ctx: Context | undefined;
  const helpWidth = () => (streams.stdoutIsTTY ? streams.columns || 80 : Number.POSITIVE_INFINITY);
  const root = program(
    async (module, args, options, global) => {
      const handler = (await HANDLERS[module]!()).default;
      // Commander gave the values of the options this command declares: its schema types them (and says so if not).
      const typed = handler.options.parse(options);
      ctx = new Context(io.cwd ?? process.cwd(), io.env ?? process.env, global, streams, handler.archive(typed), io.clock, io.prompter);
      // A broken config is reported by every command, not only by those that read it.
      if (module !== 'init') ctx.configIfAny();
      exitCode = await handler.run(ctx, args, typed);
    },
    {
      writeOut: (s) => streams.stdout.write(s),
      writeErr: (s) => streams.stderr.write(s),
      // Commander's own (English) error lines are replaced by the catalogue's, in report().
      outputError: () => {},
      // The help is wrapped to a terminal's width; in a pipe or a file each description stays on its line.
      getOutHelpWidth: helpWidth,
      getErrHelpWidth: helpWidth,
    },
  );
  try {
    const words = helpAsked(root, argv);
    await root.parseAsync(arrangeSearchWords(words, root), { from: 'user' });
    return exitCode;
  } catch (error) {
    return report(error, streams.stderr, debug, commandPath(root, argv));
  } finally {
    ctx?.close();
  }
}

/**
 * `reply help proposal add` is `reply proposal add --help` (commander's help command reads one word
 * only); `reply help lsit` is `reply lsit`, refused with the nearest command.
 */
function helpAsked(root: Command, argv: readonly string[]): string[] {
  if (argv[0] !== 'help' || argv.length < 2) return [...argv];
  const [, name = ''] = argv;
  const known = root.commands.some((c) => c.name() === name || c.aliases().includes(name));
  return known ? [...argv.slice(1).filter((a) => a !== '--help' && a !== '-h'), '--help'] : [name];
}

/** SQLite's codes for what is wrong with the archive's file or its disk rather than with the program. */
const ARCHIVE_FAULTS: Readonly<Record<string, MessageKey>> = {
  SQLITE_CORRUPT: 'db.corruptFound',
  SQLITE_NOTADB: 'db.corruptFound',
  SQLITE_READONLY: 'db.readOnly',
  SQLITE_FULL: 'db.diskFull',
  SQLITE_IOERR: 'db.ioError',
};

/** The command the words name, as far as they name one (reply proposal ad → reply proposal): where its help is. */
function commandPath(root: Command, argv: readonly string[]): string {
  const names = ['reply'];
  let at: Command = root;
  for (const word of argv) {
    if (word === '--') break;
    const sub = at.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) continue;
    names.push(sub.name());
    at = sub;
  }
  return names.join(' ');
}

function report(error: unknown, stderr: NodeJS.WritableStream, debug: boolean, command: string): number {
  // Whatever a message carries (a file's text, a library's sentence), it is said on one line.
  const say = (line: string) => stderr.write(line.replace(/\s*\n\s*/g, ' ') + '\n');
  const sayStack = (stack: string | undefined) => stderr.write(String(stack) + '\n');
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return 0;
    if (error.code === 'commander.help') return 2; // `reply` alone: the help was printed to stderr
    say(t('error.prefix') + usageMessage(error, command));
    return 2;
  }
  if (error instanceof PromptCancelled) {
    say(t('cancelled'));
    return 130;
  }
  if (error instanceof ValidationError) {
    const list = error.issues.map((i) => t('fields.item', { field: fieldName(i.field), problem: t(i.key, named(i.params)) })).join('；');
    say(t('error.prefix') + t('fields.invalid', { list }));
    if (debug) sayStack(error.stack);
    return error.exitCode;
  }
  if (error instanceof ReplyError) {
    say(t('error.prefix') + t(error.key, named(error.params)));
    if (debug) sayStack(error.stack);
    return error.exitCode;
  }
  const detail = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  // Extended codes name the primary one first: SQLITE_IOERR_WRITE, SQLITE_CORRUPT_INDEX.
  const archiveFault = typeof code === 'string' ? ARCHIVE_FAULTS[/^SQLITE_[A-Z]+/.exec(code)?.[0] ?? ''] : undefined;
  if (archiveFault) {
    // The archive's file, not the program: said as what it is and what to do.
    say(t('error.prefix') + t(archiveFault, { detail }));
    if (debug && error instanceof Error) sayStack(error.stack);
    return 1;
  }
  say(t('error.prefix') + t('error.bug', { detail }));
  if (debug && error instanceof Error) sayStack(error.stack);
  return 1;
}

/** A field as the clerk calls it, then the key a flag or an answers file gives it by: 提案号 proposal-no. */
function fieldName(field: string): string {
  const key = `fieldName.${field.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}`;
  return hasMessage(key) ? `${t(key)} ${field}` : field;
}

/**
 * An error's parameters with the keys it names said as the clerk calls them: `key` (a config's or an
 * answers file's, docPrefix, contact.name) gives `name` (发文机关代字 , or nothing for a key of no
 * name), `keys` (the fields that may be edited) each with its name.
 */
function named(params: Readonly<Record<string, string | number>> = {}): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  if (typeof params.key === 'string' && params.name === undefined) {
    const name = fieldName(params.key);
    out.name = name === params.key ? '' : name.slice(0, -params.key.length);
  }
  if (typeof params.keys === 'string' && params.keys.includes(', ')) out.keys = params.keys.split(', ').map(fieldName).join('、');
  return out;
}

function usageMessage(error: CommanderError, command: string): string {
  const message = plainUsageMessage(error, command);
  // Commander ends an unknown command's or option's message with its nearest neighbours: (Did you mean list?)
  const suggestion = /\(Did you mean (?:one of )?(.+?)\?\)/u.exec(error.message)?.[1];
  return suggestion ? t('usage.didYouMean', { message, suggestion: suggestion.split(', ').join(' 或 ') }) : message;
}

function plainUsageMessage(error: CommanderError, command: string): string {
  const detail = /'([^']*)'/.exec(error.message)?.[1] ?? error.message.replace(/^error:\s*/, '');
  switch (error.code) {
    case 'commander.unknownOption':
      return t('usage.unknownOption', { detail, command });
    case 'commander.unknownCommand':
      return t('usage.unknownCommand', { detail, command });
    case 'commander.missingArgument':
      return t('usage.missingArgument', { detail });
    case 'commander.optionMissingArgument':
      return t('usage.optionMissingArgument', { detail });
    case 'commander.excessArguments':
      return t('usage.excessArguments');
    case 'commander.invalidArgument': {
      const [, option = '', value = ''] = /'(--[\w-]+)[^']*' argument '([^']*)'/.exec(error.message) ?? [];
      const allowed = /Allowed choices are (.*)\./.exec(error.message)?.[1] ?? '';
      return t('option.badChoice', { option, value, allowed });
    }
    default:
      return t('usage.other', { detail: error.message.replace(/^error:\s*/, '') });
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
