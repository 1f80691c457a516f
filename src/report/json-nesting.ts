/**
 * How deep a HAR may nest, checked on the text before any parser builds it. A HAR entry's
 * deepest standard field is a header object, 7 levels down (`{log:{entries:[{request:{headers:[{`);
 * Chrome's `_initiator.stack` adds one level per async parent. Input nested thousands of levels
 * deep exhausts recursive code (JSON.stringify, a structured walk) and makes a streaming parser
 * slow with the square of the depth, so it is refused before either can run.
 */

/** Deepest nesting of arrays and objects read from a HAR: over ten times what exporters write. */
export const MAX_HAR_NESTING = 100;

/** Why such a file is refused, after "<file> is ". */
export const TOO_DEEP = `nested more than ${MAX_HAR_NESTING} levels deep (a HAR needs about 7), so it is not read`;

/** Fed JSON text in pieces; answers false once the text has nested deeper than the limit. */
export type NestingGuard = (text: string) => boolean;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Most HAR strings are short and cheapest to walk char by char; past this a value is jumped with indexOf. */
const SHORT_STRING = 32;

/**
 * A linear scan counting `[`/`{` against `]`/`}` outside strings, whatever the pieces' boundaries
 * (a string, or an escape, may be cut between two). It does not validate: on text that is not
 * JSON the parser fails anyway, and up to its first error it reads strings where this scan does.
 */
export function nestingGuard(maxDepth: number = MAX_HAR_NESTING): NestingGuard {
  let depth = 0;
  let inString = false;
  let escaped = false;
  return (text) => {
    let i = 0;
    while (i < text.length) {
      if (!inString) {
        const code = text.charCodeAt(i++);
        if (code === QUOTE) inString = true;
        else if (code === 0x5b || code === 0x7b) {
          if (++depth > maxDepth) return false;
        } else if (code === 0x5d || code === 0x7d) depth--;
        continue;
      }
      const short = Math.min(text.length, i + SHORT_STRING);
      for (; i < short && inString; i++) {
        const code = text.charCodeAt(i);
        if (escaped) escaped = false;
        else if (code === BACKSLASH) escaped = true;
        else if (code === QUOTE) inString = false;
      }
      if (inString && i < text.length) i = skipLongString(text, i);
    }
    return true;
  };

  /** From inside a string to just past its closing quote, or to the end of the piece. */
  function skipLongString(text: string, from: number): number {
    let start = from;
    if (escaped) {
      escaped = false;
      start++;
    }
    for (;;) {
      const quote = text.indexOf('"', start);
      const end = quote === -1 ? text.length : quote;
      let backslashes = 0;
      while (end - backslashes > start && text.charCodeAt(end - backslashes - 1) === BACKSLASH) backslashes++;
      if (quote === -1) {
        escaped = backslashes % 2 === 1;
        return text.length;
      }
      start = quote + 1;
      if (backslashes % 2 === 0) {
        inString = false;
        return start;
      }
    }
  }
}
