import { Help, type Command, type Option } from 'commander';
import { t } from './messages.js';
import { ANSI, plainWidth, wrapWidth } from './width.js';
import type { MessageKey } from '../messages/zh-CN.js';

/** Commander's own headings, said in the catalogue's words. */
const TITLES: Readonly<Record<string, MessageKey>> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Global Options:': 'help.globalOptions',
  'Commands:': 'help.commands',
};

const usageWords = (usage: string) =>
  usage.replace(/\[options\]/gu, t('help.optionsWord')).replace(/\[command\]/gu, t('help.commandWord'));

/**
 * The help's configuration: headings, usage words and an option's default in Chinese, and widths
 * by display columns (commander counts characters, so a column of Chinese descriptions would not align).
 */
export const HELP: Partial<Help> = {
  formatHelp(this: Help, cmd: Command, helper: Help) {
    // Commander puts a space after the heading's colon; a Chinese full-width colon needs none.
    return Help.prototype.formatHelp.call(this, cmd, helper).replace(`${t('help.usage')} `, t('help.usage'));
  },
  styleTitle: (title: string) => {
    const key = TITLES[title];
    return key ? t(key) : title;
  },
  styleUsage: (usage: string) => usageWords(usage),
  subcommandTerm(this: Help, cmd: Command) {
    return usageWords(Help.prototype.subcommandTerm.call(this, cmd));
  },
  displayWidth: (text: string) => plainWidth(text.replace(ANSI, '')),
  // Commander breaks lines at spaces only, which a Chinese sentence has none of: broken by display width instead.
  boxWrap(this: Help, text: string, width: number) {
    if (width < this.minWidthToWrap) return text;
    return text
      .split(/\r?\n/u)
      .map((line) => wrapWidth(line, width))
      .join('\n');
  },
  optionDescription: (option: Option) => {
    const notes: string[] = [];
    if (option.argChoices) notes.push(t('help.choices', { values: option.argChoices.join('、') }));
    // Commander shows a boolean's default too; only a value's default tells the user something.
    if (option.defaultValue !== undefined && (option.required || option.optional)) {
      notes.push(t('help.default', { value: option.defaultValueDescription ?? String(option.defaultValue) }));
    }
    return notes.length ? `${option.description}（${notes.join('；')}）` : option.description;
  },
};
