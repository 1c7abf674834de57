import type { Block, BodyTree, Inline } from '../core/body.js';

/** The body tree as Markdown: headings by level, **bold**, [^n] footnotes. */
export function bodyAsMarkdown(tree: BodyTree): { body: string; footnotes: string[] } {
  const inline = (inlines: readonly Inline[]) =>
    inlines
      .map((i) => (i.type === 'footnoteRef' ? `[^${i.number}]` : i.type === 'bold' ? `**${escapeMarkdown(i.text)}**` : escapeMarkdown(i.text)))
      .join('');
  const block = (b: Block) => {
    if (b.type === 'paragraph') return inline(b.inlines);
    const text = b.marker.raw + inline(b.title) + inline(b.rest);
    return b.rest.length === 0 ? `${'#'.repeat(b.marker.level + 2)} ${text}` : text;
  };
  return {
    body: tree.blocks.map(block).join('\n\n'),
    footnotes: tree.footnotes.map((f) => `[^${f.number}]: ${inline(f.inlines)}`),
  };
}

/** Keeps text from being read as Markdown syntax where it would change meaning. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([*_`[\]\\<])/g, '\\$1').replace(/^([#>+-]|\d+\.)(?=\s)/, '\\$1');
}

/**
 * A template's context for the Markdown layout: every text of the record escaped as the body is, so
 * that a title or a 抄送 holding <script> or **…** prints as it reads. The body and footnotes are
 * Markdown already.
 */
export function markdownContext<C extends { body: string; footnotes: readonly string[] }>(context: C): C {
  const escape = (value: unknown): unknown => {
    if (typeof value === 'string') return escapeMarkdown(value);
    if (Array.isArray(value)) return value.map(escape);
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escape(v)]));
    }
    return value;
  };
  const { body, footnotes, ...rest } = context;
  return { ...(escape(rest) as object), body, footnotes } as C;
}
