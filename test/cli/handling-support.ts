/**
 * Shared pieces of the end-to-end tests of proposals, deadlines, feedback,
 * statistics and the status workflow: flags for `reply proposal add`, bodies
 * that pass the format check (signing runs it), and the JSON forms the
 * commands print.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli, type Run } from '../helpers/cli.js';
import type { Flags } from './support.js';

/** `--name value` pairs: undefined drops a flag, arrays repeat it. */
export function toArgs(flags: Flags): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(flags)) {
    if (value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) out.push(`--${name}`, v);
  }
  return out;
}

/** Runs the CLI and fails the test unless it exits 0; stderr may carry a summary line. */
export function ok(cwd: string, args: readonly string[], env?: NodeJS.ProcessEnv): Run {
  const run = runCli(cwd, args, env ? { env } : {});
  expect(run.code, `reply ${args.join(' ')}: ${run.stderr}`).toBe(0);
  expect(run.stderr, `reply ${args.join(' ')}`).not.toMatch(/^错误：/u);
  return run;
}

/** Runs the CLI expecting exit 0 and a quiet stderr; returns stdout parsed as JSON. */
export function okJson<T>(cwd: string, args: readonly string[]): T {
  const run = runCli(cwd, args);
  expect(run.stderr, `reply ${args.join(' ')}`).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

/** A proposal of 朱莺委员, assigned 2023-03-01, led by the office: due 2023-06-01 by the default 3 months. */
export const PROPOSAL_FLAGS: Flags = {
  kind: '提案',
  session: '区政协十五届二次会议',
  number: '152104',
  title: '开发长三角一体化智能数据图表研报平台的建议',
  proposer: '朱莺委员',
  'assigned-on': '2023-03-01',
  role: '主办',
};

/** `reply proposal add` with PROPOSAL_FLAGS and the overrides (undefined drops a flag). */
export function proposalArgs(overrides: Flags = {}): string[] {
  return ['proposal', 'add', ...toArgs({ ...PROPOSAL_FLAGS, ...overrides })];
}

/** Registers a proposal and returns its JSON form (`reply proposal add --json`). */
export function addProposal(cwd: string, overrides: Flags = {}): HandlingJson {
  return okJson<HandlingJson>(cwd, [...proposalArgs(overrides), '--json']);
}

/** The JSON form of a proposal and its handling (`proposal add/list/extend --json`, `due --json`). */
export interface HandlingJson {
  id: number;
  kind: string;
  session: string;
  number: string;
  title: string;
  proposers: { name: string; role: string }[];
  role: string;
  leadUnit: string | null;
  assignedOn: string;
  dueOn: string;
  deadlines: { event: number; at: string; dueOn: string; cause: 'assigned' | 'extended' | 'reopened'; reason: string | null }[];
  state: 'pending' | 'answered' | 'reopened';
  daysLeft: number | null;
  overdue: boolean;
  firstAnsweredOn: string | null;
  onTime: boolean | null;
  replies: { id: number; docNumber: string; status: string; signedOn: string }[];
  feedback: { rating: string; note: string | null; receivedOn: string } | null;
}

export interface DueJson {
  asOf: string;
  within: number | null;
  due: HandlingJson[];
}

/** `reply proposal list --json [args]`. */
export function proposalsJson(cwd: string, args: readonly string[] = []): HandlingJson[] {
  return okJson<HandlingJson[]>(cwd, ['proposal', 'list', '--json', ...args]);
}

/** `reply due --json [args]`. */
export function dueJson(cwd: string, args: readonly string[] = []): DueJson {
  return okJson<DueJson>(cwd, ['due', '--json', ...args]);
}

/** Whom a reply's opening and closing speak to. */
export type Addressee = 'member' | 'group' | 'leadUnit';

/**
 * A body without format errors or warnings for a reply of the given kind:
 * the opening and closing formulas of its addressee, two sections between.
 */
export function cleanBodyText(options: { kind: '提案答复' | '建议答复' | '会办意见'; title: string; to?: Addressee; proposer?: string }): string {
  const what = options.kind === '建议答复' ? '建议' : '提案';
  const to: Addressee = options.kind === '会办意见' ? 'leadUnit' : (options.to ?? 'member');
  const opening =
    to === 'leadUnit'
      ? `${options.proposer ?? '顾薇玲委员'}提出的《${options.title}》的提案收悉，经研究，现将会办意见函告如下：`
      : to === 'group'
        ? `贵单位提出的《${options.title}》的${what}收悉，感谢贵单位对我们工作的关心与支持。经研究，现将办理情况答复如下：`
        : `您提出的《${options.title}》的${what}收悉，经研究，现将办理情况答复如下：`;
  const closing =
    to === 'leadUnit'
      ? '以上意见供你单位统一答复提案者时参考。'
      : to === 'group'
        ? `非常感谢贵单位的${what}，希望在今后的工作中，继续给我们提出更多意见和建议。谢谢！`
        : `非常感谢您的${what}，希望您在今后的工作中，继续给我们提出更多意见和建议。谢谢！`;
  return [
    opening,
    '一、办理情况',
    '我委会同相关部门认真研究，已将有关工作纳入年度计划，并于今年上半年组织专题调研。',
    '二、下一步工作',
    '下一步，我委将继续加强统筹协调，推动各项举措落到实处。',
    closing,
  ].join('\n\n') + '\n';
}

/** Writes a clean body (see cleanBodyText) into `dir/bodies/NAME.md` and returns its path. */
export function cleanBody(dir: string, name: string, options: Parameters<typeof cleanBodyText>[0]): string {
  mkdirSync(join(dir, 'bodies'), { recursive: true });
  const file = join(dir, 'bodies', `${name}.md`);
  writeFileSync(file, cleanBodyText(options));
  return file;
}

/**
 * Files a reply to a registered proposal with `reply new --proposal REF`
 * (the shared fields come from the proposal) and returns its id.
 */
export function answer(cwd: string, ref: string, flags: Flags & { result: string; 'signed-on': string; body: string }, extra: readonly string[] = []): number {
  const run = ok(cwd, ['new', '--proposal', ref, ...toArgs({ disclosure: '主动公开·全文', ...flags }), ...extra, '--json']);
  return (JSON.parse(run.stdout) as { id: number }).id;
}

/** Moves a reply through the given statuses, one `reply status` each; every step must pass. */
export function advance(cwd: string, id: number, ...statuses: string[]): void {
  for (const status of statuses) ok(cwd, ['status', String(id), status, ...(status === 'void' ? ['--reason', '重复登记'] : [])]);
}

/** Writes (or replaces) the workspace config with the fixture's organ and the given handling settings. */
export function configure(cwd: string, handling: Record<string, unknown>): void {
  writeFileSync(
    join(cwd, 'reply.config.json'),
    JSON.stringify(
      {
        organ: '上海市普陀区发展和改革委员会',
        docPrefix: '普发改委',
        contact: { name: '宋佩颖', phone: '52564588-2321', address: '大渡河路1668号1号楼B区313室', postcode: '200333' },
        handling,
      },
      null,
      2,
    ),
  );
}
