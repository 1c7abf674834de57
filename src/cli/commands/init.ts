import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, configTemplate, parseConfig } from '../../core/config.js';
import { ReplyError, ValidationError, type FieldIssue } from '../../core/errors.js';
import { t } from '../messages.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  organ: value,
  docPrefix: value,
  force: flag,
};

export default command(OPTIONS, async function init(ctx, _args, opts) {
  const file = join(ctx.cwd, CONFIG_FILE);
  if (existsSync(file) && !opts.force) throw new ReplyError('config.exists', { file });
  let { organ, docPrefix } = opts;
  if (ctx.interactive && (!organ || !docPrefix)) {
    const prompter = await ctx.prompter();
    const required = (v: string) => (v.trim() ? true : t('prompt.required'));
    organ ??= await prompter.text({ message: t('prompt.organ'), validate: required });
    docPrefix ??= await prompter.text({ message: t('prompt.docPrefix'), validate: required });
  }
  const missing: FieldIssue[] = [];
  if (!organ?.trim()) missing.push({ field: 'organ', key: 'field.missing' });
  if (!docPrefix?.trim()) missing.push({ field: 'doc-prefix', key: 'field.missing' });
  if (missing.length) throw new ValidationError(missing);
  const source = configTemplate({ organ: organ!.trim(), docPrefix: docPrefix!.trim() });
  parseConfig(source, file); // what init writes must itself be a valid config
  writeFileSync(file, source, 'utf8');
  ctx.streams.stdout.write(t('init.done', { file }) + '\n');
  return 0;
});
