import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { MessageKey } from './errors.js';

/** Where a JSON text a person wrote goes wrong: line and column count from 1, as an editor shows them. */
export interface JsonFault {
  readonly line: number;
  readonly column: number;
  /** The catalogue's sentence for what is wrong there (jsonc.*). */
  readonly reasonKey: MessageKey;
}

export type JsonRead = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly fault: JsonFault } | { readonly ok: false; readonly tooDeep: true };

/** No file a person writes for reply nests more than three deep; 32 leaves room and keeps the parser's stack small. */
export const MAX_JSON_DEPTH = 32;

/**
 * Reads the JSON of a config or answers file: comments and a trailing comma are allowed (people
 * write them), a fault is placed by line and column rather than by character offset.
 */
export function readJsonText(text: string): JsonRead {
  // Windows Notepad starts a UTF-8 file with a byte order mark.
  const source = text.replace(/^\uFEFF/u, '');
  // The parser recurses once a level: a file nested thousands deep would overflow the stack.
  if (nestingDepth(source) > MAX_JSON_DEPTH) return { ok: false, tooDeep: true };
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(source, errors, { allowTrailingComma: true });
  const first = errors[0];
  if (!first) return { ok: true, data };
  const before = source.slice(0, first.offset).split('\n');
  return {
    ok: false,
    fault: {
      line: before.length,
      column: [...before[before.length - 1]!].length + 1,
      reasonKey: `jsonc.${printParseErrorCode(first.error)}` as MessageKey,
    },
  };
}

/** The deepest nesting of brackets and braces outside strings and comments. */
function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"') {
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
    } else if (ch === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 1;
    } else if (ch === '[' || ch === '{') {
      deepest = Math.max(deepest, ++depth);
    } else if (ch === ']' || ch === '}') {
      depth--;
    }
  }
  return deepest;
}
