/**
 * String literals for each snippet language. Values reaching a snippet are already restricted to
 * plain origin/token characters (see recipe-context.ts); escaping here is the second line of
 * defence, so that even an unexpected character cannot end a string or start an interpolation.
 */

type Escape = (codePoint: number) => string;

const hex = (codePoint: number, width: number): string => codePoint.toString(16).padStart(width, '0');

function quoteWith(value: string, quote: string, specials: string, escapeCodePoint: Escape): string {
  let out = '';
  for (const char of value) {
    const raw = char.codePointAt(0) ?? 0;
    // A lone surrogate has no escape in Go, Python or C#: it becomes U+FFFD.
    const codePoint = raw >= 0xd800 && raw <= 0xdfff ? 0xfffd : raw;
    if (specials.includes(char)) out += `\\${char}`;
    else if (codePoint < 0x20 || codePoint > 0x7e) out += escapeCodePoint(codePoint);
    else out += char;
  }
  return `${quote}${out}${quote}`;
}

/** JavaScript single-quoted string. */
export function jsString(value: string): string {
  return quoteWith(value, "'", "\\'", (cp) => `\\u{${hex(cp, 1)}}`);
}

/** Python double-quoted str (not an f-string, so braces are inert). */
export function pyString(value: string): string {
  return quoteWith(value, '"', '\\"', (cp) => `\\U${hex(cp, 8)}`);
}

/** Ruby double-quoted string; `#` is escaped so `#{…}` cannot interpolate. */
export function rubyString(value: string): string {
  return quoteWith(value, '"', '\\"#', (cp) => `\\u{${hex(cp, 1)}}`);
}

/**
 * Java string literal. Java turns `\uXXXX` into source text before lexing, so control characters
 * use octal escapes (a `\u000a` would end the line inside the literal).
 */
export function javaString(value: string): string {
  return quoteWith(value, '"', '\\"', (cp) => {
    if (cp < 0x80) return `\\${cp.toString(8).padStart(3, '0')}`;
    if (cp <= 0xffff) return `\\u${hex(cp, 4)}`;
    const high = Math.floor((cp - 0x10000) / 0x400) + 0xd800;
    const low = ((cp - 0x10000) % 0x400) + 0xdc00;
    return `\\u${hex(high, 4)}\\u${hex(low, 4)}`;
  });
}

/** C# regular string literal. */
export function csString(value: string): string {
  return quoteWith(value, '"', '\\"', (cp) => `\\U${hex(cp, 8)}`);
}

/** Go interpreted string literal. */
export function goString(value: string): string {
  return quoteWith(value, '"', '\\"', (cp) => `\\U${hex(cp, 8)}`);
}

/** JSON string. */
export function jsonString(value: string): string {
  return JSON.stringify(value);
}

/**
 * A double-quoted value for nginx, Apache and Caddy configs. These formats interpolate `$…`,
 * `%{…}` and `{…}` even inside quotes and have no portable escape for them, so anything outside
 * a conservative set is removed rather than escaped.
 */
export function configString(value: string): string {
  return `"${value.replace(/[^A-Za-z0-9 ,.:/_*[\]+=-]/g, '')}"`;
}

/** `items` as a list literal: `open` + quoted items joined by `, ` + `close`. */
export function listOf(items: readonly string[], quote: (value: string) => string, open = '[', close = ']'): string {
  return `${open}${items.map(quote).join(', ')}${close}`;
}
