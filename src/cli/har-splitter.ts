/**
 * Cuts HAR bytes into the JSON text of each element of `log.entries` and of each other `log`
 * field, in one pass over the bytes that also refuses nesting deeper than MAX_HAR_NESTING. Each
 * piece is then read with `JSON.parse`, V8's native parser, instead of a JavaScript tokenizer
 * walking every character: only brackets, quotes and backslashes are looked at here.
 *
 * What lies outside those pieces (the top-level object, the `log` object, the commas of the
 * entries array) is kept as a skeleton with each piece replaced by ` 0 `; `JSON.parse` of the
 * skeleton at the end checks that the document as a whole is JSON, so text that is not JSON is
 * refused whether the mistake is inside a piece or between them.
 */
import { truncationMarker } from '../engine';
import { MAX_HAR_NESTING } from '../report/index';

/** Where a piece sits: an element of `log.entries`, a field of `log` (named), or anywhere else. */
export type PieceKind = 'entry' | 'field' | 'other';

export interface SplitHandlers {
  /**
   * The JSON text of one piece, in document order; `cut` lists the full UTF-8 size of each string
   * in it that was cut to `maxStringBytes` (empty when none was).
   */
  piece(kind: PieceKind, name: string, text: string, cut: readonly number[]): void;
}

export class TooDeepError extends Error {
  override name = 'TooDeepError';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** A byte that ends a number or a literal (`true`, `null`, …). */
function endsScalar(c: number): boolean {
  return (
    isSpace(c) ||
    c === COMMA ||
    c === COLON ||
    c === CLOSE_BRACE ||
    c === CLOSE_BRACKET ||
    c === OPEN_BRACE ||
    c === OPEN_BRACKET ||
    c === QUOTE
  );
}

/**
 * Depths of the skeleton: 0 before the document, 1 in the top-level object, 2 in `log`, 3 in
 * `log.entries`. Every other value is a piece, however deep it nests.
 */
export class HarSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private inPiece = false;
  /** The depth of the current piece's container: the piece ends when `depth` is back to it. */
  private pieceDepth = 0;
  private pieceScalar = false;
  private pieceKind: PieceKind = 'other';
  private pieceName = '';
  /**
   * Bytes of the current piece from earlier writes, decoded once it ends: decoded write by write,
   * a 100 MB value was held as a chain of 1 MB strings, then flattened into a copy.
   */
  private pieceParts: Buffer[] = [];
  /** Where the current piece's bytes start in the current write; -1 while a cut string's bytes are dropped. */
  private collectFrom = -1;
  /** Bytes of the current string inside a container piece, from earlier writes. */
  private stringBytes = 0;
  /** Dropping the rest of a string that passed `maxStringBytes`, until its closing quote. */
  private cutting = false;
  private cuts: number[] = [];
  /** In the skeleton's objects (depths 1 and 2): the next string is a key. */
  private expectKey = false;
  /** Bytes of a key being read (keys are short and few: only those of the top object and of `log`). */
  private keyBytes: number[] = [];
  private topKey = '';
  private logKey = '';
  private skeleton = '';
  private started = false;
  /** The skeleton went into a `log` object, and into a `log.entries` array. */
  sawLog = false;
  sawEntries = false;

  /**
   * @param maxStringBytes strings inside entries longer than this are cut to about this size, so
   * one huge value costs no more memory than this. The cut end gets the engine's marker, as the
   * live capture's does, so the verdict judges the value as cut (its kept start, a list by its
   * whole items) rather than as if the server had sent only that; the piece's `cut` list says what
   * was cut too.
   */
  constructor(
    private readonly handlers: SplitHandlers,
    private readonly maxDepth: number = MAX_HAR_NESTING,
    private readonly maxStringBytes: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Feeds the next bytes: whole UTF-8 characters, already checked (each write is decoded alone). */
  write(bytes: Buffer): void {
    let skeletonFrom = this.inPiece ? -1 : 0;
    this.collectFrom = this.inPiece && !this.cutting ? 0 : -1;
    let i = 0;
    const n = bytes.length;
    while (i < n) {
      if (this.inPiece) {
        i = this.pieceScalar ? this.skipScalar(bytes, i) : this.skipContainer(bytes, i);
        if (this.inPiece) break;
        this.endPiece(bytes, this.collectFrom, i);
        skeletonFrom = i;
        continue;
      }
      const c = bytes[i] as number;
      i++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          this.endKey();
          continue;
        }
        this.keyBytes.push(c);
      } else if (isSpace(c)) {
      } else if (c === COLON) this.expectKey = false;
      else if (c === COMMA) this.expectKey = this.depth === 1 || this.depth === 2;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth = Math.max(0, this.depth - 1);
        this.expectKey = false;
      } else if (c === QUOTE && this.expectKey) {
        this.inString = true;
        this.keyBytes = [c];
      } else if (this.descends(c)) {
        this.depth++;
        if (this.depth === 2) {
          this.logKey = '';
          this.sawLog = true;
        } else if (this.depth === 3) this.sawEntries = true;
        this.expectKey = this.depth !== 3;
        this.started = true;
      } else {
        // Any other value is a piece: the skeleton holds ` 0 ` in its place.
        this.skeleton += `${bytes.toString('utf8', skeletonFrom, i - 1)} 0 `;
        skeletonFrom = -1;
        this.collectFrom = i - 1;
        this.startPiece(c);
      }
    }
    if (this.inPiece) {
      if (this.collectFrom >= 0) this.pieceParts.push(bytes.subarray(this.collectFrom, n));
    } else if (skeletonFrom >= 0) this.skeleton += bytes.toString('utf8', skeletonFrom, n);
  }

  /** After the last write: the skeleton's text, or null when the document stops in the middle of a value. */
  end(): string | null {
    // A number or literal ends with the text: `123` is a whole document.
    if (this.inPiece && this.pieceScalar && !this.inString) {
      this.inPiece = false;
      this.handlers.piece(this.pieceKind, this.pieceName, this.pieceText(), this.takeCuts());
    }
    if (this.inPiece || this.inString || this.depth > 0 || !this.started) return null;
    return this.skeleton;
  }

  /** Nothing but whitespace so far. */
  get empty(): boolean {
    return !this.started;
  }

  private descends(c: number): boolean {
    if (this.depth === 0) return c === OPEN_BRACE;
    if (this.depth === 1) return c === OPEN_BRACE && this.topKey === 'log';
    return this.depth === 2 && c === OPEN_BRACKET && this.logKey === 'entries';
  }

  private endKey(): void {
    this.keyBytes.push(QUOTE);
    let key: unknown = null;
    try {
      key = JSON.parse(Buffer.from(this.keyBytes).toString('utf8'));
    } catch {
      // Not a valid string: the skeleton's JSON.parse says so.
    }
    this.keyBytes = [];
    if (this.depth === 1) this.topKey = typeof key === 'string' ? key : '';
    else this.logKey = typeof key === 'string' ? key : '';
  }

  private startPiece(c: number): void {
    this.started = true;
    this.inPiece = true;
    this.pieceKind = this.depth === 3 ? 'entry' : this.depth === 2 ? 'field' : 'other';
    this.pieceName = this.depth === 2 ? this.logKey : '';
    this.pieceDepth = this.depth;
    this.pieceScalar = c !== OPEN_BRACE && c !== OPEN_BRACKET;
    if (c === QUOTE) this.inString = true;
    else if (!this.pieceScalar && ++this.depth > this.maxDepth) throw new TooDeepError();
  }

  private endPiece(bytes: Buffer, from: number, to: number): void {
    if (this.pieceParts.length === 0) {
      this.handlers.piece(this.pieceKind, this.pieceName, bytes.toString('utf8', from, to), this.takeCuts());
      return;
    }
    this.pieceParts.push(bytes.subarray(from, to));
    this.handlers.piece(this.pieceKind, this.pieceName, this.pieceText(), this.takeCuts());
  }

  private takeCuts(): number[] {
    if (this.cuts.length === 0) return this.cuts;
    const cuts = this.cuts;
    this.cuts = [];
    return cuts;
  }

  /** Keeps the piece's bytes before `at` and drops the string's bytes from there. */
  private startCut(bytes: Buffer, at: number): void {
    this.pieceParts.push(bytes.subarray(this.collectFrom, at));
    this.collectFrom = -1;
    this.cutting = true;
  }

  /** At the cut string's closing quote (`quote`), which closes the kept prefix and its marker. */
  private endCut(quote: number, stringBytes: number): void {
    // JSON-safe as it is: no quote, backslash or control character.
    this.pieceParts.push(Buffer.from(truncationMarker(`${stringBytes} bytes in all`)));
    this.collectFrom = quote;
    this.cutting = false;
    this.cuts.push(stringBytes);
  }

  private pieceText(): string {
    const bytes = Buffer.concat(this.pieceParts);
    this.pieceParts = [];
    return bytes.toString('utf8');
  }

  /**
   * Through a container piece, counting depth outside strings; returns where it ended, or n. Most
   * bytes of a HAR are in strings, so a string is crossed by a loop of its own that looks for
   * nothing but its end.
   */
  private skipContainer(bytes: Buffer, from: number): number {
    const n = bytes.length;
    const stop = this.pieceDepth;
    const max = this.maxDepth;
    let depth = this.depth;
    let i = this.inString ? this.stringEnd(bytes, from) : from;
    while (i < n) {
      const c = bytes[i++] as number;
      if (c === QUOTE) i = this.stringEnd(bytes, i);
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (++depth > max) throw new TooDeepError();
      } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === stop) {
        this.inPiece = false;
        break;
      }
    }
    this.depth = depth;
    return Math.min(i, n);
  }

  /**
   * From inside a string to just past its closing quote; past n (and `inString` kept) when it goes
   * on in the next write. Past `maxStringBytes`, the rest of the string is dropped (startCut), at
   * the first byte that neither continues a UTF-8 character nor sits inside an escape.
   */
  private stringEnd(bytes: Buffer, from: number): number {
    const n = bytes.length;
    let i = this.escaped ? from + 1 : from;
    // A `\uXXXX` begun in the previous write may end in this one's first bytes: never cut there.
    let cutAt = this.cutting
      ? Number.POSITIVE_INFINITY
      : Math.max(from + this.maxStringBytes - this.stringBytes, from + 5);
    while (i < n) {
      const c = bytes[i] as number;
      if (c === QUOTE) {
        this.inString = false;
        this.escaped = false;
        if (this.cutting) this.endCut(i, this.stringBytes + i - from);
        this.stringBytes = 0;
        return i + 1;
      }
      if (i >= cutAt && (c & 0xc0) !== 0x80) {
        this.startCut(bytes, i);
        cutAt = Number.POSITIVE_INFINITY;
      }
      i += c !== BACKSLASH ? 1 : bytes[i + 1] === 0x75 ? 6 : 2;
    }
    this.inString = true;
    this.stringBytes += n - from;
    // A backslash as the last byte escapes the first byte of the next write.
    this.escaped = i > n;
    return n + 1;
  }

  /** Through a string, number or literal piece; returns where it ended, or n. */
  private skipScalar(bytes: Buffer, from: number): number {
    const n = bytes.length;
    if (!this.inString) {
      for (let i = from; i < n; i++) {
        if (endsScalar(bytes[i] as number)) {
          this.inPiece = false;
          return i;
        }
      }
      return n;
    }
    for (let i = from; i < n; i++) {
      const c = bytes[i] as number;
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) {
        this.inString = false;
        this.inPiece = false;
        return i + 1;
      }
    }
    return n;
  }
}
