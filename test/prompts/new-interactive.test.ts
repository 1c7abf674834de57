import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PromptCancelled } from '../../src/cli/prompts.js';
import { workspace } from '../helpers/cli.js';
import { runInteractive, scripted } from './support.js';

/** An $EDITOR that writes a real body over the scaffold it is given. */
function editorWriting(dir: string, body: string): string {
  const script = join(dir, 'editor.mjs');
  writeFileSync(script, `import { existsSync, writeFileSync } from 'node:fs';\nwriteFileSync(process.argv[2], ${JSON.stringify(body)});\n`);
  return `"${process.execPath}" "${script}"`;
}

const MEMBER_ANSWERS = {
  类型: '提案答复',
  会次: '区政协十五届二次会议',
  提案号: '152104',
  提案标题: '开发长三角一体化智能数据图表研报平台的建议',
  提案人: '朱莺委员',
  办理结果: '采纳解决',
  公开属性: '主动公开·全文',
  成文日期: '2023年5月18日',
};

describe('reply new on a terminal asks for what is missing', () => {
  it('asks every required field in order, opens the editor on the body, and files the reply', async () => {
    const dir = workspace();
    const prompter = scripted(MEMBER_ANSWERS);
    const env = { EDITOR: editorWriting(dir, '您提出的提案收悉。\n\n一、办理情况\n\n已办理。\n') };
    const run = await runInteractive(dir, ['new'], prompter, env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(prompter.asked.map((q) => q.replace(/（.*$/, ''))).toEqual([
      '类型', '会次', '提案号', '提案标题', '提案人', '办理结果', '公开属性', '成文日期',
    ]);
    expect(run.stdout).toContain('已归档：第 1 号  无文号');
    const shown = await runInteractive(dir, ['show', '1', '--json'], scripted({}));
    const reply = JSON.parse(shown.stdout);
    expect(reply.proposers).toEqual([{ name: '朱莺', role: '委员' }]);
    expect(reply.signedOn).toBe('2023-05-18');
    expect(reply.body).toBe('您提出的提案收悉。\n\n一、办理情况\n\n已办理。\n');
  });

  it('asks for the lead unit only for a 会办意见', async () => {
    const dir = workspace();
    const prompter = scripted({ ...MEMBER_ANSWERS, 类型: '会办意见', 主办单位: '市发展改革委' });
    const env = { EDITOR: editorWriting(dir, '顾薇玲等委员提出的提案收悉。\n') };
    const run = await runInteractive(dir, ['new'], prompter, env);
    expect(run.code).toBe(0);
    expect(prompter.asked.some((q) => q.startsWith('主办单位'))).toBe(true);
  });

  it('offers the session of the latest reply as the default', async () => {
    const dir = workspace();
    const prompter = scripted(MEMBER_ANSWERS);
    const env = { EDITOR: editorWriting(dir, '正文。\n') };
    await runInteractive(dir, ['new'], prompter, env);
    expect(prompter.defaults.get('会次（如 区政协十五届二次会议）')).toBeUndefined();
    const second = scripted({ ...MEMBER_ANSWERS, 会次: '区政协十五届三次会议' });
    await runInteractive(dir, ['new'], second, env);
    expect(second.defaults.get('会次（如 区政协十五届二次会议）')).toBe('区政协十五届二次会议');
    expect(second.defaults.get('成文日期')).toBe('2023-05-18');
  });

  it('never asks when flags are given, even on a terminal', async () => {
    const dir = workspace();
    const prompter = scripted({});
    const run = await runInteractive(dir, ['new', '--kind', '提案答复'], prompter);
    expect(prompter.asked).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^错误：字段有误，未写入任何内容：会次 session（缺少）；提案号 proposal-no（缺少）；标题 title（缺少）；提案人 proposer（缺少）；办理结果 result（缺少）；公开属性 disclosure（缺少）；正文 body（缺少）\n$/);
  });

  it('never asks with --no-input', async () => {
    const dir = workspace();
    const prompter = scripted({});
    const run = await runInteractive(dir, ['--no-input', 'new'], prompter);
    expect(prompter.asked).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('kind（缺少）');
  });

  it('writes nothing when Ctrl-C is pressed at a prompt', async () => {
    const dir = workspace();
    const prompter = scripted({ ...MEMBER_ANSWERS, 提案标题: new PromptCancelled() });
    const run = await runInteractive(dir, ['new'], prompter);
    expect(run.code).toBe(130);
    expect(run.stderr).toBe('已取消，未写入任何内容。\n');
    expect(existsSync(join(dir, 'data', 'replies.db'))).toBe(false);
    const list = await runInteractive(dir, ['list', '--json'], scripted({}));
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('does not file an unchanged scaffold', async () => {
    const dir = workspace();
    const prompter = scripted(MEMBER_ANSWERS);
    const run = await runInteractive(dir, ['new'], prompter, { EDITOR: 'true' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('错误：正文未作修改，未保存\n');
    const list = await runInteractive(dir, ['list', '--json'], scripted({}));
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('checks each answer with the same rules as the flags', async () => {
    const dir = workspace();
    const prompter = scripted({ ...MEMBER_ANSWERS, 成文日期: '2023-02-30' });
    await expect(runInteractive(dir, ['new'], prompter, { EDITOR: 'true' })).resolves.toMatchObject({ code: 1 });
    expect(prompter.asked.at(-1)).toBe('成文日期');
  });
});

describe('reply new on a terminal, for a registered proposal, offers what was said before', () => {
  /** A workspace with corpus replies 1 (长三角研报平台) and 2 (数字化转型) filed, and proposal 160001 registered. */
  async function withPast(): Promise<string> {
    const dir = workspace();
    const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');
    const imported = await runInteractive(dir, ['import', join(corpus, '000_4fb67617f60c5557.txt'), join(corpus, '004_c7071f7df36f8e71.txt')], scripted({}));
    expect(imported.code, imported.stderr).toBe(0);
    const added = await runInteractive(dir, ['proposal', 'add', '--kind', '提案', '--session', '区政协十六届一次会议', '--number', '160001',
      '--title', '关于建设长三角一体化数据研报平台的建议', '--proposer', '李明委员', '--assigned-on', '2023-05-01', '--role', '主办'], scripted({}));
    expect(added.code, added.stderr).toBe(0);
    return dir;
  }
  const ANSWERS = { 办理结果: '采纳解决', 公开属性: '主动公开·全文', 成文日期: '2023年5月18日' };
  /** An $EDITOR that saves the draft as it was given. */
  const keeping = () => `"${process.execPath}" -e ""`;
  const bodyOf = async (dir: string, id: number) => (JSON.parse((await runInteractive(dir, ['show', String(id), '--json'], scripted({}))).stdout) as { body: string }).body;

  it('lists the closest past replies with their best paragraph, and starts from the one chosen', async () => {
    const dir = await withPast();
    const prompter = scripted({ ...ANSWERS, 从哪里起草正文: ['preview:1', 'from:1'] });
    const run = await runInteractive(dir, ['new', '--proposal', '160001'], prompter, { EDITOR: keeping() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('与「关于建设长三角一体化数据研报平台的建议」相近的以往答复：');
    expect(run.stderr).toMatch(/^ {2}#1 {2}开发长三角一体化智能数据图表研报平台的建议（上海市普陀区发展和改革委员会，2023年5月18日）$/mu);
    // the preview, then the choice
    expect(run.stderr).toContain('第 1 号：开发长三角一体化智能数据图表研报平台的建议');
    expect(prompter.asked.filter((q) => q.startsWith('从哪里起草正文'))).toHaveLength(2);
    const body = (await bodyOf(dir, 3)).trim().split('\n\n');
    expect(body[0]).toBe('您提出的《关于建设长三角一体化数据研报平台的建议》的提案收悉，经研究，现将办理情况答复如下：');
    const past = (await bodyOf(dir, 1)).trim().split('\n\n');
    expect(body.slice(1, -1)).toEqual(past.slice(1, -1));
    expect(run.stderr).toContain('正文沿用第 1 号 普发改委〔2023〕16号');
  });

  it('takes the paragraphs ticked of the first three, each under the heading it stood under', async () => {
    const dir = await withPast();
    const past = (await bodyOf(dir, 1)).trim().split('\n\n');
    // paragraph 4 stands under heading 3 (一、普陀区参与长三角一体化发展工作情况), paragraph 6 under 5
    expect(past[2]).toMatch(/^一、/u);
    const prompter = scripted({ ...ANSWERS, 从哪里起草正文: 'pick', 勾选要用的段落: '1:4,1:6' });
    const run = await runInteractive(dir, ['new', '--proposal', '160001'], prompter, { EDITOR: keeping() });
    expect(run.code, run.stderr).toBe(0);
    const body = (await bodyOf(dir, 3)).trim().split('\n\n');
    expect(body.slice(1, -1)).toEqual([past[2], past[3], past[4], past[5]]);
    expect(body.at(-1)).toMatch(/^非常感谢您的提案/u);
  });

  it('starts from the blank scaffold when asked', async () => {
    const dir = await withPast();
    const prompter = scripted({ ...ANSWERS, 从哪里起草正文: 'blank' });
    const run = await runInteractive(dir, ['new', '--proposal', '160001'], prompter, { EDITOR: editorWriting(dir, '您提出的提案收悉。\n\n已办理。\n') });
    expect(run.code, run.stderr).toBe(0);
    expect(await bodyOf(dir, 3)).toBe('您提出的提案收悉。\n\n已办理。\n');
  });
});
