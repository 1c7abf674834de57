/**
 * Typed errors of the domain. They carry a message key and its parameters,
 * never a sentence: the CLI turns them into text through its catalogue, so
 * the core stays free of any language.
 */
import type { MessageKey } from '../messages/zh-CN.js';

export type { MessageKey };
export type Params = Record<string, string | number>;

export class ReplyError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
    /** 1 for a refused operation, 2 for a usage error. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(key);
    this.name = 'ReplyError';
  }
}

/** One field that is missing or wrong, as in an answers file or a flag. */
export interface FieldIssue {
  readonly field: string;
  readonly key: MessageKey;
  readonly params?: Params;
}

/** Several field problems reported at once, so the user fixes them in one go. */
export class ValidationError extends ReplyError {
  constructor(readonly issues: readonly FieldIssue[]) {
    super('fields.invalid', { count: issues.length });
    this.name = 'ValidationError';
  }
}

export function fieldError(field: string, key: MessageKey, params?: Params): ValidationError {
  return new ValidationError([{ field, key, ...(params ? { params } : {}) }]);
}
