import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarSplitter, type PieceKind, TooDeepError } from '../../../src/cli/har-splitter';
import { splitTruncation, truncationMarker } from '../../../src/engine';

type Piece = [PieceKind, string, string];

function split(parts: readonly string[], maxDepth?: number): { pieces: Piece[]; skeleton: string | null } {
  const pieces: Piece[] = [];
  const splitter = new HarSplitter({ piece: (kind, name, text) => pieces.push([kind, name, text]) }, maxDepth);
  for (const part of parts) splitter.write(Buffer.from(part));
  return { pieces, skeleton: splitter.end() };
}

const HAR =
  '{"x":[1,{"y":2}], "log" : {"version":"1.2","creator":{"name":"a\\"}"},' +
  '"entries": [ {"request":{"url":"http://a/[{"}}, 42 ,"s\\\\",null,[[]] ],"comment":"é"}}';

describe('HarSplitter', () => {
  const expected: Piece[] = [
    ['other', '', '[1,{"y":2}]'],
    ['field', 'version', '"1.2"'],
    ['field', 'creator', '{"name":"a\\"}"}'],
    ['entry', '', '{"request":{"url":"http://a/[{"}}'],
    ['entry', '', '42'],
    ['entry', '', '"s\\\\"'],
    ['entry', '', 'null'],
    ['entry', '', '[[]]'],
    ['field', 'comment', '"é"'],
  ];

  it('cuts every entry and log field out, in order, and keeps a skeleton that is JSON', () => {
    const { pieces, skeleton } = split([HAR]);
    expect(pieces).toEqual(expected);
    expect(JSON.parse(skeleton ?? '')).toEqual({
      x: 0,
      log: { version: 0, creator: 0, entries: [0, 0, 0, 0, 0], comment: 0 },
    });
  });

  it('gives the same pieces however the bytes are cut into writes', () => {
    const bytes = Buffer.from(HAR);
    for (let cut = 1; cut < bytes.length; cut++) {
      // Writes hold whole characters: move a cut inside "é" to its start.
      const at = (bytes[cut] ?? 0) >= 0x80 && (bytes[cut] ?? 0) < 0xc0 ? cut - 1 : cut;
      const pieces: Piece[] = [];
      const splitter = new HarSplitter({ piece: (kind, name, text) => pieces.push([kind, name, text]) });
      splitter.write(bytes.subarray(0, at));
      splitter.write(bytes.subarray(at));
      expect(splitter.end(), `cut at ${at}`).not.toBeNull();
      expect(pieces, `cut at ${at}`).toEqual(expected);
    }
  });

  it('refuses nesting past the limit anywhere, and allows the limit', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const inEntry = (depth: number) => `{"log":{"entries":[${nested(depth - 3)}]}}`;
    expect(() => split([inEntry(6)], 5)).toThrow(TooDeepError);
    expect(split([inEntry(5)], 5).skeleton).not.toBeNull();
    expect(() => split([nested(6)], 5)).toThrow(TooDeepError);
    expect(() => split(['{"a":"[[[[[[[[", "b":', nested(6), '}'], 5)).toThrow(TooDeepError);
  });

  it('leaves mistakes between pieces in the skeleton, where JSON.parse finds them', () => {
    for (const text of ['{"log":{"entries":[{} {}]}}', '{"log":{"entries":[1 2]}}', '{"log" {"entries":[]}}']) {
      const { skeleton } = split([text]);
      expect(() => JSON.parse(skeleton ?? ''), text).toThrow();
    }
  });

  it('says when the text stops in the middle of a value', () => {
    for (const text of ['{"log":{"entries":[{"request":', '{"log":{"entries":["abc', '{"log"', '   '])
      expect(split([text]).skeleton, text).toBeNull();
    expect(split(['123']).pieces).toEqual([['other', '', '123']]);
  });
});

describe('HarSplitter with maxStringBytes', () => {
  /** The entries' pieces and what was cut, the document fed in writes cut at `cuts` (byte offsets). */
  function splitCapped(doc: string, max: number, cuts: readonly number[]) {
    const bytes = Buffer.from(doc);
    const pieces: { text: string; cut: readonly number[] }[] = [];
    const splitter = new HarSplitter({ piece: (_kind, _name, text, cut) => pieces.push({ text, cut }) }, 64, max);
    let from = 0;
    for (const at of [...cuts, bytes.length]) {
      // Writes hold whole characters (stream-har.ts cuts them so).
      let end = Math.min(Math.max(at, from), bytes.length);
      while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end++;
      splitter.write(bytes.subarray(from, end));
      from = end;
    }
    return { pieces, skeleton: splitter.end() };
  }

  it('cuts a long value inside an entry to the limit and reports its full size', () => {
    const value = `https://app.example${'a'.repeat(10_000)}`;
    const doc = JSON.stringify({ log: { entries: [{ response: { headers: [{ name: 'ACAO', value }] } }] } });
    const { pieces, skeleton } = splitCapped(doc, 100, [50, 3_000, 7_000]);
    expect(skeleton).not.toBeNull();
    expect(pieces).toHaveLength(1);
    const entry = JSON.parse(pieces[0]?.text ?? '');
    const kept: string = entry.response.headers[0].value;
    expect(kept).toBe(`${value.slice(0, 100)}${truncationMarker(`${value.length} bytes in all`)}`);
    expect(entry.response.headers[0].name).toBe('ACAO');
    expect(pieces[0]?.cut).toEqual([value.length]);
  });

  it('for any strings and any writes: each value is whole, or a prefix of at least the limit and the marker, reported with its size; JSON stays valid', () => {
    const piece = fc.constantFrom('a', 'é', '😀', '"', '\\', '\n', '\u0001', '\u2028', '/', 'x'.repeat(7));
    const value = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 8, max: 60 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (values, max, cutPoints) => {
          const doc = JSON.stringify({ log: { entries: [{ values }], comment: values[0] } });
          const { pieces, skeleton } = splitCapped(
            doc,
            max,
            [...cutPoints].sort((a, b) => a - b),
          );
          expect(skeleton).not.toBeNull();
          const [entryPiece] = pieces.filter((p) => p.text.startsWith('{'));
          const got: string[] = JSON.parse(entryPiece?.text ?? '').values;
          const expectedCuts: number[] = [];
          got.forEach((shown, i) => {
            const original = values[i] ?? '';
            const raw = Buffer.byteLength(JSON.stringify(original)) - 2;
            if (shown === original) return;
            expect(raw, `value ${i}`).toBeGreaterThan(max);
            const { kept, marker } = splitTruncation(shown);
            expect(marker).toBe(truncationMarker(`${raw} bytes in all`));
            expect(original.startsWith(kept)).toBe(true);
            expect(Buffer.byteLength(JSON.stringify(kept)) - 2).toBeGreaterThanOrEqual(max);
            expectedCuts.push(raw);
          });
          expect(entryPiece?.cut).toEqual(expectedCuts);
          // Log fields outside entries are never cut.
          expect(pieces.find((p) => !p.text.startsWith('{'))?.text).toBe(JSON.stringify(values[0]));
        },
      ),
      { numRuns: 400 },
    );
  });
});
