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
  /** Waits for Enter (used before opening the editor). */
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
}

/** Raised by a prompter when the user presses Ctrl-C. */
export class PromptCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PromptCancelled';
  }
}
