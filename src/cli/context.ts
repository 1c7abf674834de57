import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, parseConfig, type Config } from '../core/config.js';
import { ReplyError } from '../core/errors.js';
import type { Clock, HandlingRepository, ReplyRepository } from '../core/ports.js';
import type { Prompter } from './prompts.js';

export interface GlobalOptions {
  readonly db?: string;
  /** commander's negation of --no-input */
  readonly input?: boolean;
  readonly debug?: boolean;
}

export interface Streams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
}

/**
 * The one place that builds the concrete adapters: the workspace's config,
 * the archive and the prompter. Everything is made on first use, so a command
 * pays only for what it touches.
 */
export class Context {
  readonly workspace: string;
  readonly configFile: string | undefined;
  private repo: ReplyRepository | undefined;
  private handlingRepo: HandlingRepository | undefined;
  private repoInMemory = false;
  private loadedConfig: Config | undefined;
  private database: import('better-sqlite3').Database | undefined;

  constructor(
    readonly cwd: string,
    readonly env: NodeJS.ProcessEnv,
    readonly options: GlobalOptions,
    readonly streams: Streams,
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

  /** Prompts only on a terminal and when not told otherwise. */
  get interactive(): boolean {
    return this.streams.stdinIsTTY && this.options.input !== false;
  }

  config(): Config {
    if (this.loadedConfig) return this.loadedConfig;
    if (!this.configFile) throw new ReplyError('config.notFound');
    let source: string;
    try {
      source = readFileSync(this.configFile, 'utf8');
    } catch {
      throw new ReplyError('file.unreadable', { file: this.configFile });
    }
    this.loadedConfig = parseConfig(source, this.configFile);
    return this.loadedConfig;
  }

  /** The config when the workspace has one; a broken one is still an error. */
  configIfAny(): Config | undefined {
    return this.configFile ? this.config() : undefined;
  }

  /**
   * The archive. A command that only reads does not create one: where there
   * is no archive file yet it reads an empty archive held in memory.
   */
  async replies(mode: 'read' | 'write' = 'write'): Promise<ReplyRepository> {
    if (this.repo && (mode === 'read' || !this.repoInMemory)) return this.repo;
    const [{ openDatabase }, { SqliteReplies }] = await Promise.all([
      import('../store/db.js'),
      import('../store/replies.js'),
    ]);
    this.repo?.close();
    this.handlingRepo = undefined;
    this.repoInMemory = mode === 'read' && !existsSync(this.dbFile);
    // An archive the user named must be there to be read: an empty list would hide a typo.
    if (this.repoInMemory && (this.options.db || this.env.REPLY_DB)) throw new ReplyError('db.notFound', { file: this.dbFile });
    this.database = openDatabase(this.repoInMemory ? ':memory:' : this.dbFile);
    this.repo = new SqliteReplies(this.database, this.clock);
    return this.repo;
  }

  /** Proposals, deadlines and feedback: the same archive as the replies. */
  async handling(mode: 'read' | 'write' = 'write'): Promise<HandlingRepository> {
    // Opening the archive for writing after reading it reopens it and drops the old handle.
    await this.replies(mode);
    if (this.handlingRepo) return this.handlingRepo;
    const { SqliteHandling } = await import('../store/handling.js');
    this.handlingRepo = new SqliteHandling(this.database!, this.clock);
    return this.handlingRepo;
  }

  async prompter(): Promise<Prompter> {
    if (this.prompterOverride) return this.prompterOverride;
    const { inquirerPrompter } = await import('./prompts-inquirer.js');
    return inquirerPrompter();
  }

  close(): void {
    this.repo?.close();
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
