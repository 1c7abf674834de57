import type { Block, BodyTree, Inline } from '../core/body.js';
import { BODY_WRAP, FOOTNOTE_MARK, FOOTNOTE_WRAP, hangs, type PageLayout, type Wrap } from './layout.js';

/**
 * The body tree as HTML, set in the very lines and pages of the DOCX (the
 * page layout of layoutPages): each line of a block a block of its own, one
 * 28.9 pt line high (<span class="l">), so the printed HTML keeps the Word
 * file's 28 characters a line and 22 lines a page; a block the page
 * ends in goes on in a second paragraph (class "cont", not indented). The
 * footnotes of a page follow its last line of text and end the page, as they
 * sit at the foot of the Word page; those of the page the text ends on come
 * back as `footnotes`, for the template to place after the contact block.
 * Every text from the record is escaped; headings are marked by level and
 * footnote references link to their notes.
 */
export function bodyAsHtml(tree: BodyTree, layout: PageLayout): { body: string; footnotes: string[] } {
  const notesOf = new Map(layout.footnotes.map((p) => [p.page, p.notes]));
  const bodyLines = layout.lines.filter((l) => l.part === 'block');
  const lastPage = bodyLines[bodyLines.length - 1]?.page ?? 0;
  const noteHtml = (n: { number: number; lines: readonly string[] }) => {
    const footnote = tree.footnotes.find((f) => f.number === n.number);
    const chars = [{ ch: mark(n.number), style: 'note' as const }, ...(footnote ? styled(footnote.inlines) : [])];
    return `<p class="note" id="fn${n.number}">${linesHtml(chars, n.lines, 0, FOOTNOTE_WRAP, 0).html}</p>`;
  };
  const pageNotes = (page: number) => {
    const notes = page === lastPage ? undefined : notesOf.get(page);
    return notes?.length ? [`<div class="notes page-end">${notes.map(noteHtml).join('')}</div>`] : [];
  };

  const out: string[] = [];
  // The page before the body's first line: its title and salutation stand on page 1 (or, in a long head, later).
  let page = layout.lines.find((l) => l.part === 'salutation')?.page ?? 1;
  tree.blocks.forEach((block, index) => {
    const lines = bodyLines.filter((l) => l.block === index);
    const chars = styledBlock(block);
    let at = 0;
    for (let i = 0; i < lines.length; ) {
      // A part that begins a page says so: the browser breaks there, where the Word file does, and nowhere else.
      const starts = lines[i]!.page !== page;
      page = lines[i]!.page;
      let j = i;
      while (j < lines.length && lines[j]!.page === page) j++;
      const texts = lines.slice(i, j).map((l) => l.text);
      const html = linesHtml(chars, texts, at, BODY_WRAP, i);
      at = html.next;
      out.push(`${open(block, i > 0, starts)}${html.html}</p>`);
      // The page ends after this part: its footnotes follow.
      const next = j < lines.length ? lines[j] : bodyLines.find((l) => (l.block ?? -1) > index);
      if (next && next.page !== page) out.push(...pageNotes(page));
      i = j;
    }
  });
  return { body: out.join('\n'), footnotes: (notesOf.get(lastPage) ?? []).map(noteHtml) };
}

const mark = (n: number) => String.fromCodePoint(FOOTNOTE_MARK + n);

function open(block: Block, continued: boolean, startsPage: boolean): string {
  const classes = [...(block.type === 'heading' ? [`h${block.marker.level}`] : []), ...(continued ? ['cont'] : []), ...(startsPage ? ['page-start'] : [])];
  return classes.length ? `<p class="${classes.join(' ')}">` : '<p>';
}

type Style = 'text' | 'bold' | 'heading' | 'headingBold' | 'ref' | 'note';
interface StyledChar {
  readonly ch: string;
  readonly style: Style;
}

function styled(inlines: readonly Inline[], heading = false): StyledChar[] {
  return inlines.flatMap((i): StyledChar[] =>
    i.type === 'footnoteRef'
      ? [{ ch: mark(i.number), style: 'ref' }]
      : [...i.text].map((ch) => ({ ch, style: i.type === 'bold' ? (heading ? 'headingBold' : 'bold') : heading ? 'heading' : 'text' })),
  );
}

/** The characters of a block with their style, in the order of blockText. */
function styledBlock(block: Block): StyledChar[] {
  if (block.type === 'paragraph') return styled(block.inlines);
  return [...[...block.marker.raw].map((ch) => ({ ch, style: 'heading' as const })), ...styled(block.title, true), ...styled(block.rest)];
}

/**
 * Lines of styled characters as HTML, each in a <span class="l">: each line
 * takes its characters from `at` on (spaces dropped at a break are skipped),
 * in runs of one style. A sentence mark that hangs past the line's end (the
 * line is wider than `wrap` gives it) is set apart, to take no room.
 */
function linesHtml(chars: readonly StyledChar[], lines: readonly string[], start: number, wrap: Wrap, firstIndex: number): { html: string; next: number } {
  let at = start;
  const html = lines.map((line, index) => {
    const want = [...line];
    if (index === 0) while (at < chars.length && /\s/u.test(chars[at]!.ch) && chars[at]!.ch !== want[0]) at++;
    const taken = chars.slice(at, at + want.length);
    at += want.length;
    // A space the line broke at stays at the end of its line: invisible there, and a reader of the page gets the words back apart.
    let broken = '';
    const next = lines[index + 1]?.[0];
    while (next !== undefined && at < chars.length && /\s/u.test(chars[at]!.ch) && chars[at]!.ch !== next) broken += chars[at++]!.ch;
    const hanging = hangs(line, wrap, firstIndex + index === 0) ? taken.pop() : undefined;
    let out = '';
    for (let i = 0; i < taken.length; ) {
      const style = taken[i]!.style;
      let j = i + 1;
      if (style !== 'ref' && style !== 'note') while (j < taken.length && taken[j]!.style === style) j++;
      out += runHtml(taken.slice(i, j), style);
      i = j;
    }
    return (hanging ? `${out}<span class="hang">${runHtml([hanging], hanging.style)}</span>` : out) + broken;
  });
  return { html: html.map((line) => `<span class="l">${line}</span>`).join(''), next: at };
}

function runHtml(chars: readonly StyledChar[], style: Style): string {
  const text = escapeHtml(chars.map((c) => c.ch).join(''));
  const n = chars[0]!.ch.codePointAt(0)! - FOOTNOTE_MARK;
  switch (style) {
    case 'bold':
      return `<strong>${text}</strong>`;
    case 'heading':
      return `<span class="heading">${text}</span>`;
    case 'headingBold':
      return `<span class="heading"><strong>${text}</strong></span>`;
    case 'ref':
      return `<sup class="fn-ref"><a href="#fn${n}" id="fnref${n}">${n}</a></sup>`;
    case 'note':
      return `<sup><a href="#fnref${n}">${n}</a></sup>`;
    default:
      return text;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The text an escaped HTML fragment shows (the entities Handlebars and escapeHtml write). */
export function unescapeHtml(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39|#x27|#x3D|#x60);/g, (_, e: string) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#x3D': '=', '#x60': '`' })[e]!,
  );
}
