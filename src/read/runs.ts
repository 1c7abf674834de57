/** A piece of a line's text and whether it is set bold. */
export interface Piece {
  readonly text: string;
  readonly bold: boolean;
}

/**
 * A line from its pieces: bold when all its text is; else each bold stretch
 * inside it marked as the body's Markdown marks it (一是**组建专班**。), the
 * way the reader and the record keep a bold run-in.
 */
export function joinPieces(pieces: readonly Piece[]): { text: string; bold: boolean } {
  const visible = pieces.filter((p) => p.text.trim());
  const allBold = visible.length > 0 && visible.every((p) => p.bold);
  let text = '';
  let open = false;
  for (const piece of pieces) {
    const marked = piece.bold && !allBold && piece.text.trim() !== '';
    if (marked !== open && piece.text.trim() !== '') {
      text += '**';
      open = marked;
    }
    text += piece.text;
  }
  if (open) text += '**';
  return { text, bold: allBold };
}
