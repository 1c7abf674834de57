import { describe, expect, it } from 'vitest';
import { PromptCancelled } from '../../src/cli/prompts.js';
import { runCli, workspace } from '../helpers/cli.js';
import { runInteractive, scripted } from './support.js';

const ANSWERS = {
  类型: '提案',
  会次: '区政协十五届二次会议',
  '提案、建议编号': '152200',
  标题: '关于加强社区养老服务的建议',
  提案人: '李明委员、王芳委员',
  交办日期: '2023年3月10日',
  本单位的角色: '会办',
  主办单位: '区民政局',
};

describe('reply proposal add on a terminal asks for what is missing', () => {
  it('asks every field in order, the lead unit because the role is 会办, and files the proposal', async () => {
    const ws = workspace();
    const prompter = scripted(ANSWERS);
    const run = await runInteractive(ws, ['proposal', 'add'], prompter);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(prompter.asked.map((q) => q.split('（')[0])).toEqual(Object.keys(ANSWERS));
    expect(run.stdout).toContain('已登记 #1：区政协十五届二次会议第152200号提案「关于加强社区养老服务的建议」，会办（主办单位：区民政局），办理期限 2023年6月10日');
    const [listed] = JSON.parse(runCli(ws, ['proposal', 'list', '--json']).stdout);
    expect(listed.proposers).toEqual([
      { name: '李明', role: '委员' },
      { name: '王芳', role: '委员' },
    ]);
  });

  it('does not ask for a lead unit when the office leads, nor for what flags gave', async () => {
    const ws = workspace();
    const prompter = scripted({ ...ANSWERS, 本单位的角色: '主办' });
    // Any flag means a script: nothing is asked, and what is missing is an error.
    const scriptedRun = await runInteractive(ws, ['proposal', 'add', '--number', '152200'], prompter);
    expect(scriptedRun.code).toBe(1);
    expect(prompter.asked).toEqual([]);
    const run = await runInteractive(ws, ['proposal', 'add'], prompter);
    expect(run.code).toBe(0);
    expect(prompter.asked.map((q) => q.split('（')[0])).not.toContain('主办单位');
  });

  it('offers the session of the latest proposal as the default', async () => {
    const ws = workspace();
    await runInteractive(ws, ['proposal', 'add'], scripted(ANSWERS));
    const prompter = scripted({ ...ANSWERS, '提案、建议编号': '152201' });
    await runInteractive(ws, ['proposal', 'add'], prompter);
    expect(prompter.defaults.get([...prompter.defaults.keys()].find((k) => k.startsWith('会次'))!)).toBe('区政协十五届二次会议');
  });

  it('refuses a bad answer at its question, saying why as the flags would', async () => {
    const prompter = scripted({ ...ANSWERS, 交办日期: '2023-02-30' });
    const run = await runInteractive(workspace(), ['proposal', 'add'], prompter);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('日期「2023-02-30」不存在');
  });

  it('writes nothing when the user presses Ctrl-C', async () => {
    const ws = workspace();
    const run = await runInteractive(ws, ['proposal', 'add'], scripted({ ...ANSWERS, 标题: new PromptCancelled() }));
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('已取消，未写入任何内容。');
    expect(runCli(ws, ['proposal', 'list', '--json']).stdout.trim()).toBe('[]');
  });
});
