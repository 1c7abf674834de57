import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, parseConfig, type Config } from '../core/config.js';
import { ReplyError } from '../core/errors.js';
import { dayOf } from '../core/dates.js';
import type { ArchiveCare, ArchiveLog, Clock, HandlingRepository, ReplyRepository } from '../core/ports.js';
import { Workflow } from '../core/workflow/service.js';
import { FILE_ERRORS, readRegularFile } from '../read/file.js';
import type { Exporter } from '../render/text.js';
import type { Prompter } from './prompts.js';
import type { ReplyChecker } from './reply-check.js';

export interface GlobalOptions {
  readonly db?: string;
  /** An archive named by --db or REPLY_DB that is not there yet may be made (--create). */
  readonly create?: boolean;
  /** Who makes the changes (--by). */
  readonly by?: string;
  /** commander's negation of --no-input */
  readonly input?: boolean;
  readonly debug?: boolean;
  /** commander's negation of --no-pager */
  readonly pager?: boolean;
}

export interface Streams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  /** The terminal's width and height, when stdout is one. */
  readonly columns?: number;
  readonly rows?: number;
}

/** What a command does with the archive: reads it (and then creates none), or writes it. */
export type ArchiveMode = 'read' | 'write';

/**
 * The one place that builds the concrete adapters: the workspace's config,
 * the archive (opened once, in the mode the command declared), the checker,
 * the exporters and the prompter. Everything is made on first use, so a
 * command pays only for what it touches: a command refused before it asks for
 * the archive has opened (and created) none.
 */
export class Context {
  readonly workspace: string;
  readonly configFile: string | undefined;
  private archive: Promise<Archive> | undefined;
  private opened: Archive | undefined;
  private loadedConfig: Config | undefined;
  private builtChecker: Promise<ReplyChecker> | undefined;

  constructor(
    readonly cwd: string,
    readonly env: NodeJS.ProcessEnv,
    readonly options: GlobalOptions,
    readonly streams: Streams,
    readonly mode: ArchiveMode,
    readonly clock: Clock = { now: () => new Date() },
    private readonly prompterOverride?: Prompter,
  ) {
    const found = findWorkspace(cwd);
    this.workspace = found ?? cwd;
    this.configFile = found ? join(found, CONFIG_FILE) : undefined;
  }

  /** The archive file: --db, else $REPLY_DB, else <workspace>/data/replies.db. */
  get dbFile(): string {
    if (this.options.db) return resolve(this.cwd, this.options.db);
    if (this.env.REPLY_DB) return resolve(this.cwd, this.env.REPLY_DB);
    return join(this.workspace, 'data', 'replies.db');
  }

  get workspaceTemplates(): string {
    return join(this.workspace, 'templates');
  }

  /** The width a table must fit: the terminal's; none when stdout is a file or a pipe (rows are kept whole there). */
  get tableWidth(): number | undefined {
    // A pseudo-terminal of no size says 0 columns: taken as unknown.
    return this.streams.stdoutIsTTY ? this.streams.columns || 80 : undefined;
  }

  /** Prints a listing: through a pager when it is longer than the terminal (pager.ts). */
  async print(text: string): Promise<void> {
    if (!this.streams.stdoutIsTTY) return void this.streams.stdout.write(text);
    const { page } = await import('./pager.js');
    await page(text, this.streams, this.env, this.options.pager !== false);
  }

  /** Prompts only on a terminal and when not told otherwise. */
  get interactive(): boolean {
    return this.streams.stdinIsTTY && this.options.input !== false;
  }

  config(): Config {
    if (this.loadedConfig) return this.loadedConfig;
    if (!this.configFile) throw new ReplyError('config.notFound');
    // Bounded before it is read: a config of a GB is refused, not read whole first.
    const read = readRegularFile(this.configFile, MAX_CONFIG);
    if (!read.ok) throw new ReplyError(read.reason === 'tooLarge' ? 'config.tooLarge' : FILE_ERRORS[read.reason], { file: this.configFile });
    let source: string;
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
    } catch {
      // Notepad on a Chinese Windows saves "ANSI", that is GBK: said so, not blamed on a key.
      throw new ReplyError('config.notUtf8', { file: this.configFile });
    }
    this.loadedConfig = parseConfig(source, this.configFile);
    return this.loadedConfig;
  }

  /** The config when the workspace has one; a broken one is still an error. */
  configIfAny(): Config | undefined {
    return this.configFile ? this.config() : undefined;
  }

  /**
   * Whether there is an archive to look in: its file, or one this command has opened. A command that
   * writes asks before its lookups, so that one refused before writing creates none.
   */
  hasArchive(): boolean {
    if (this.holdsArchive()) return true;
    this.refuseMissingNamedArchive();
    return false;
  }

  /** Whether there is an archive yet, for a look that is no lookup the user asked for (a named archive not there holds nothing). */
  holdsArchive(): boolean {
    return this.archive !== undefined || existsSync(this.dbFile);
  }

  /** An archive the user named (--db, REPLY_DB) must be there to be looked in: "not found" or an empty list would hide a typo. */
  private refuseMissingNamedArchive(): void {
    if (this.namesArchive()) throw new ReplyError('db.notFound', { file: this.dbFile });
  }

  /** Whether the user named the archive (--db, REPLY_DB) rather than taking the workspace's. */
  private namesArchive(): boolean {
    return Boolean(this.options.db || this.env.REPLY_DB);
  }

  /**
   * Who the changes are recorded as made by: --by, else $REPLY_USER, else the config's user, else the
   * system's user name; null when none of them names anyone.
   */
  operator(): string | null {
    const given = this.options.by;
    if (given !== undefined) return operatorName(given, '--by');
    if (this.env.REPLY_USER?.trim()) return operatorName(this.env.REPLY_USER, 'REPLY_USER');
    return this.configIfAny()?.user ?? systemUser();
  }

  /** The replies of the archive. */
  async replies(): Promise<ReplyRepository> {
    return (await this.open()).replies;
  }

  /** Proposals, deadlines and feedback: the same archive as the replies. */
  async handling(): Promise<HandlingRepository> {
    return (await this.open()).handling;
  }

  /** The archive's log of changes. */
  async log(): Promise<ArchiveLog> {
    return (await this.open()).log;
  }

  /**
   * Backup, health, export and restore of the archive. There must be one (a missing file is no archive
   * to keep), but for a restore, which makes it.
   */
  async care(options: { readonly create?: boolean } = {}): Promise<ArchiveCare> {
    if (!options.create && !existsSync(this.dbFile)) throw new ReplyError('db.notFound', { file: this.dbFile });
    return (await this.open()).care;
  }

  /** How the archive's replies are checked, against this workspace's config. */
  checker(): Promise<ReplyChecker> {
    return (this.builtChecker ??= import('./reply-check.js').then(({ replyChecker }) =>
      replyChecker(this.configIfAny(), dayOf(this.clock.now())),
    ));
  }

  /** The exporters by format name (txt, md, html, docx, pdf). */
  async exporters(): Promise<Readonly<Record<string, Exporter>>> {
    return (await import('../render/exporters.js')).EXPORTERS;
  }

  /** The workflow's rules over this archive, checker and clock. */
  workflow(): Workflow {
    return new Workflow({
      replies: () => this.replies(),
      handling: () => this.handling(),
      log: () => this.log(),
      exists: () => this.hasArchive(),
      checker: () => this.checker(),
      clock: this.clock,
      docPrefix: () => this.configIfAny()?.docPrefix,
    });
  }

  async prompter(): Promise<Prompter> {
    if (this.prompterOverride) return this.prompterOverride;
    const { inquirerPrompter } = await import('./prompts-inquirer.js');
    return inquirerPrompter();
  }

  close(): void {
    this.opened?.close();
  }

  /**
   * Opens the archive once, in the command's mode. A command that only reads creates none: where
   * there is no archive file yet it reads an empty archive held in memory.
   */
  private open(): Promise<Archive> {
    return (this.archive ??= (async () => {
      const [{ openDatabase }, { SqliteReplies }, { SqliteHandling }, { SqliteLog }, { SqliteCare }] = await Promise.all([
        import('../store/db.js'),
        import('../store/replies.js'),
        import('../store/handling.js'),
        import('../store/events.js'),
        import('../store/care.js'),
      ]);
      const missing = !existsSync(this.dbFile);
      const inMemory = this.mode === 'read' && missing;
      if (inMemory) this.refuseMissingNamedArchive();
      // A mistyped --db would start a second archive that gives 〔2023〕1号 again: a named one is made only when asked.
      if (missing && this.mode === 'write' && this.namesArchive() && !this.options.create) throw new ReplyError('db.namedMissing', { file: this.dbFile });
      const database = openDatabase(inMemory ? ':memory:' : this.dbFile, this.mode === 'write' ? 'write' : 'read');
      // A command that only reads writes no event: it names nobody, and asks nobody's name.
      const operator = this.mode === 'write' ? this.operator() : null;
      return (this.opened = {
        replies: new SqliteReplies(database, this.clock, operator),
        handling: new SqliteHandling(database, this.clock, operator),
        log: new SqliteLog(database),
        care: new SqliteCare(database, inMemory ? ':memory:' : this.dbFile),
        close: () => database.close(),
      });
    })());
  }
}

interface Archive {
  readonly replies: ReplyRepository;
  readonly handling: HandlingRepository;
  readonly log: ArchiveLog;
  readonly care: ArchiveCare;
  close(): void;
}

/** A config is a page of settings; a larger file is no config. */
const MAX_CONFIG = 1_000_000;

/** The longest operator name kept: a name, not a text. */
const MAX_OPERATOR = 40;

function operatorName(text: string, source: string): string {
  const name = text.trim();
  if (!name || name.length > MAX_OPERATOR || /[\p{Cc}\p{Cf}]/u.test(name)) throw new ReplyError('option.badOperator', { source, max: MAX_OPERATOR }, 2);
  return name;
}

/** The system's name of the user running the command; none where the system gives none. */
function systemUser(): string | null {
  try {
    const name = userInfo().username.trim();
    return name && name.length <= MAX_OPERATOR ? name : null;
  } catch {
    return null;
  }
}

/** The nearest folder upward that holds reply.config.json. */
export function findWorkspace(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
