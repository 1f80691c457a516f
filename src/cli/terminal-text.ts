/**
 * Text from a HAR (URLs, methods, header values, file names, parser messages quoting the input)
 * made safe for a terminal or a log: control, C1 and bidi characters are shown escaped (`\x1B`),
 * never written raw, so no input can colour, move the cursor, or forge lines of the report —
 * piped or not. Long values are cut with their byte count.
 */
import { boundedText, safeText } from '../engine';

/** URLs and file names are shown longer than header values before they are cut. */
const MAX_URL_CHARS = 2_000;
/** A whole message line (an error, a warning) is bounded too. */
const MAX_LINE_CHARS = 1_000;

/** A value from the input, one line, escaped and bounded. */
export function shown(value: string): string {
  return safeText(value);
}

/** A URL or file name from the input, one line, escaped and bounded. */
export function shownUrl(value: string): string {
  return safeText(value, MAX_URL_CHARS);
}

/** A message line that may quote the input (an error, a warning): one line, escaped and bounded. */
export function shownLine(message: string): string {
  return boundedText(message, MAX_LINE_CHARS);
}

/** Several lines the report wrote itself (a fix snippet) that embed input values: newlines kept. */
export function shownLines(text: string): string {
  return boundedText(text, 20_000, true);
}
