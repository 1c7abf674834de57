/** Colour codes: they take no column. */
export const ANSI = /\u001b\[[0-9;]*m/g;
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/**
 * Columns a text of plain characters takes on a terminal: the East Asian wide ranges count two.
 * Enough for the help, whose words hold no emoji or combining mark; it loads nothing, so that
 * every command's start-up stays without string-width (~20 ms to load).
 */
export function plainWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x1100 ? 1 : WIDE.test(ch) ? 2 : 1;
  return width;
}

/**
 * A text broken into lines of at most a display width (a table cell of several lines), where a word
 * must be read whole rather than cut: a checker's message on a narrow terminal. A run of Latin letters
 * and digits is kept on one line when it fits one.
 */
export function wrapWidth(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const piece of text.match(/[A-Za-z0-9_./:-]+|./gsu) ?? []) {
    const w = plainWidth(piece);
    if (used + w > width && used > 0) {
      // No line starts with a closing mark (」。，): the character before it goes down with it.
      const carried = CLOSING.test(piece) ? (CARRIED.exec(line)?.[0] ?? '') : '';
      lines.push(line.slice(0, line.length - carried.length).trimEnd());
      line = carried;
      used = plainWidth(carried);
    }
    if (w > width) {
      // A run longer than a line is cut where it must.
      for (const ch of piece) {
        const cw = plainWidth(ch);
        if (used + cw > width) lines.push(line), (line = ''), (used = 0);
        line += ch;
        used += cw;
      }
      continue;
    }
    line += piece;
    used += w;
  }
  if (line) lines.push(line.trimEnd());
  return lines.join('\n');
}

const CLOSING_MARKS = '」』）》〕】，。、：；！？…”’';
const CLOSING = new RegExp(`^[${CLOSING_MARKS}]`, 'u');
/** What goes down to the next line with a closing mark: the character before it, and the marks between. */
const CARRIED = new RegExp(`.[${CLOSING_MARKS}]{0,2}$`, 'u');
