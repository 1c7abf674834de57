import type { Block, BodyTree, Inline } from '../core/body.js';

/** The body tree as HTML: every text from the record escaped, headings by level, real footnote links. */
export function bodyAsHtml(tree: BodyTree): { body: string; footnotes: string[] } {
  const inline = (inlines: readonly Inline[]) =>
    inlines
      .map((i) =>
        i.type === 'footnoteRef'
          ? `<sup class="fn-ref"><a href="#fn${i.number}" id="fnref${i.number}">${i.number}</a></sup>`
          : i.type === 'bold'
            ? `<strong>${escapeHtml(i.text)}</strong>`
            : escapeHtml(i.text),
      )
      .join('');
  const block = (b: Block) =>
    b.type === 'paragraph'
      ? `<p>${inline(b.inlines)}</p>`
      : `<p class="h${b.marker.level}"><span class="heading">${escapeHtml(b.marker.raw)}${inline(b.title)}</span>${inline(b.rest)}</p>`;
  return {
    body: tree.blocks.map(block).join('\n'),
    footnotes: tree.footnotes.map((f) => `<li id="fn${f.number}">${inline(f.inlines)} <a href="#fnref${f.number}">↩</a></li>`),
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
