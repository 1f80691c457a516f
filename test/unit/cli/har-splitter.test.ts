import { describe, expect, it } from 'vitest';
import { HarSplitter, type PieceKind, TooDeepError } from '../../../src/cli/har-splitter';

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
