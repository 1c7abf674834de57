import { ValidationError } from '../core/errors.js';
import { t } from './messages.js';

/**
 * What the commands need from a person at a terminal. The inquirer-backed
 * implementation lives in prompts-inquirer.ts; tests script their own.
 */
export interface Choice {
  readonly name: string;
  readonly value: string;
}

export interface Prompter {
  /** Free text; `validate` returns an error sentence or true. */
  text(question: { message: string; default?: string; validate?: (value: string) => string | true }): Promise<string>;
  select(question: { message: string; choices: readonly Choice[]; default?: string }): Promise<string>;
  /** Several of the choices, ticked: their values, in the order of the choices. */
  checkbox(question: { message: string; choices: readonly Choice[] }): Promise<string[]>;
}

/** Raised by a prompter when the user presses Ctrl-C. */
export class PromptCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PromptCancelled';
  }
}

/** A prompt's check that the answer is not blank. */
export function required(value: string): string | true {
  return value.trim() ? true : t('prompt.required');
}

/** A prompt's check by the same parser the flags go through: its first problem, said as the flags would. */
export function checkedBy(parse: (value: string) => unknown): (value: string) => string | true {
  return (value) => {
    if (!value.trim()) return t('prompt.required');
    try {
      parse(value);
      return true;
    } catch (error) {
      if (error instanceof ValidationError) return t(error.issues[0]!.key, error.issues[0]!.params);
      throw error;
    }
  };
}
