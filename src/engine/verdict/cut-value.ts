/**
 * Values a capture cut. The live capture keeps a bounded prefix of each header value and puts a
 * marker where the rest was (src/capture/cap-event.ts); the browser judged the whole value. This
 * is the marker's one home: `capText` (cap-text.ts) writes it, the checks read past it, the
 * explanations say that a verdict rests on a cut value.
 */

const MARKER_START = '… [truncated by CORS Lens: ';
const MARKER_END = ']';
const TOTAL_BYTES = /^(\d+) bytes in all$/;

/** What replaces the cut end of a value, saying how large it was (`detail`, e.g. "9300 bytes in all"). */
export function truncationMarker(detail: string): string {
  return `${MARKER_START}${detail}${MARKER_END}`;
}

/** The kept part of a value and the marker the capture put at its end ('' when it was not cut). */
export function splitTruncation(value: string): { kept: string; marker: string } {
  const at = value.endsWith(MARKER_END) ? value.lastIndexOf(MARKER_START) : -1;
  return at < 0 ? { kept: value, marker: '' } : { kept: value.slice(0, at), marker: value.slice(at) };
}

/** The size the value had before it was cut, in bytes, when its marker says so; null otherwise. */
export function cutValueBytes(value: string): number | null {
  const at = value.indexOf(MARKER_START);
  if (at < 0) return null;
  const end = value.indexOf(MARKER_END, at + MARKER_START.length);
  const detail = TOTAL_BYTES.exec(value.slice(at + MARKER_START.length, end < 0 ? value.length : end));
  return detail === null ? null : Number(detail[1]);
}

/**
 * A comma list without what a cut took: each marker and the item it cut short (from the comma
 * before the marker), since that item's end is unknown and a prefix of a name is not the name. A
 * value joined from several lines may hold a marker in its middle (one line was cut, not the
 * next); the items after it are whole.
 */
export function withoutCutItems(value: string): string {
  let at = value.indexOf(MARKER_START);
  if (at < 0) return value;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const end = value.indexOf(MARKER_END, at + MARKER_START.length);
    // Unclosed: not a marker the capture wrote, so the text stays as sent.
    if (end < 0) break;
    const itemStart = value.lastIndexOf(',', at - 1);
    if (itemStart >= from) out += value.slice(from, itemStart);
    from = end + MARKER_END.length;
    at = value.indexOf(MARKER_START, from);
  }
  return out + value.slice(from);
}
