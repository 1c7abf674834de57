import { checkbox, input, select } from '@inquirer/prompts';
import { PromptCancelled, type Prompter } from './prompts.js';
import { hasMessage, t } from './messages.js';

/** The key hints under a list (↑↓ 移动 • ⏎ 选定), in the catalogue's words instead of inquirer's English. */
export const theme = {
  style: {
    keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${keyWord(key)} ${keyWord(action)}`).join(' • '),
  },
};

function keyWord(word: string): string {
  const key = `promptKey.${word}`;
  return hasMessage(key) ? t(key) : word;
}

/** The Prompter on a real terminal, through @inquirer/prompts. */
export function inquirerPrompter(): Prompter {
  const guard = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof Error && error.name === 'ExitPromptError') throw new PromptCancelled();
      throw error;
    }
  };
  return {
    text: (q) =>
      guard(() =>
        input({
          message: q.message,
          ...(q.default !== undefined ? { default: q.default } : {}),
          ...(q.validate ? { validate: q.validate } : {}),
        }),
      ),
    select: (q) =>
      guard(() =>
        select({
          message: q.message,
          choices: q.choices.map((c) => ({ name: c.name, value: c.value })),
          theme,
          ...(q.default !== undefined ? { default: q.default } : {}),
        }),
      ),
    checkbox: (q) => guard(() => checkbox({ message: q.message, choices: q.choices.map((c) => ({ name: c.name, value: c.value })), theme })),
  };
}
