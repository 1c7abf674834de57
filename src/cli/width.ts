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
