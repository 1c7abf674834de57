/**
 * Characters that no reply may hold. XML forbids the control characters, U+FFFE/U+FFFF and lone
 * surrogates, so a Word file holding one does not open. DEL and the C1 controls reach a terminal as
 * escape sequences. The line and paragraph separators, and the direction overrides and isolates,
 * move or hide text (U+202E turns a line round). Tab and line feed stand only in the body.
 */
const FORBIDDEN_SOURCE = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF\\uD800-\\uDFFF]';
const FORBIDDEN = new RegExp(FORBIDDEN_SOURCE, 'u');
const FORBIDDEN_ALL = new RegExp(FORBIDDEN_SOURCE, 'gu');
/** What ends or splits a line: a one-line field (a title, a session, a name) holds none of these. */
const LINE_BREAK = /[\n\r\t]/u;

/** What is wrong with the characters of a text, if anything: the first character at fault, as U+XXXX. */
export function characterFault(text: string, lines: 'one' | 'many'): { readonly kind: 'forbidden' | 'lineBreak'; readonly code: string } | undefined {
  const forbidden = FORBIDDEN.exec(text);
  if (forbidden) return { kind: 'forbidden', code: codeOf(forbidden[0]) };
  if (lines === 'one') {
    const brk = LINE_BREAK.exec(text);
    if (brk) return { kind: 'lineBreak', code: codeOf(brk[0]) };
  }
  return undefined;
}

/** The text without the forbidden characters: what a reader of other offices' files keeps. */
export function withoutForbidden(text: string): string {
  return FORBIDDEN.test(text) ? text.replace(FORBIDDEN_ALL, '') : text;
}

/** A character as U+XXXX. */
export function codeOf(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
