import type { Block, BodyTree, Inline } from '../core/body.js';

/** The body tree as Markdown: headings by level, **bold**, [^n] footnotes. */
export function bodyAsMarkdown(tree: BodyTree): { body: string; footnotes: string[] } {
  const inline = (inlines: readonly Inline[]) =>
    inlines
      .map((i) => (i.type === 'footnoteRef' ? `[^${i.number}]` : i.type === 'bold' ? `**${i.text}**` : escapeMarkdown(i.text)))
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
function escapeMarkdown(text: string): string {
  return text.replace(/([*_`[\]\\<])/g, '\\$1').replace(/^([#>+-]|\d+\.)(?=\s)/, '\\$1');
}
