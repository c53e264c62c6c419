const CONTEXT = 50;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The words as written between two offsets, on one line. */
export function quote(text: string, start: number, end: number): string {
  return collapse(text.slice(start, end));
}

/** A short passage around [start, end), cut at word boundaries, with ellipses where cut. */
export function snippet(text: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space >= end) to = space;
  }
  return `${from > 0 ? '…' : ''}${collapse(text.slice(from, to))}${to < text.length ? '…' : ''}`;
}
