import { boundedText, safeText, splitTruncation } from '../../engine';

/**
 * A captured URL or header value for display: escaped and bounded like any server string, with
 * the marker the capture put at the end of a value it cut still shown — bounding for display
 * alone would hide it. The marker (which starts with its own ellipsis) gives the size of the
 * whole value, so a display cut before it adds none. It is escaped too: a server can send text
 * that looks like one.
 */
export function capturedText(value: string, maxChars: number): string {
  const { kept, marker } = splitTruncation(value);
  if (marker === '') return safeText(value, maxChars);
  return `${boundedText(kept, maxChars).replace(/…$/, '')}${safeText(marker)}`;
}
