import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTrie } from '../../../../src/nlp/id-trie.js';
import { SliceInterner } from '../../../../src/nlp/intern.js';
import { CHAR_MAP, normaliseForMatching } from '../../../../src/nlp/normalise.js';
import { stringPrototypeIsSlow } from '../../../../src/nlp/string-prototype.js';
import { tokenizeSyllables } from '../../../../src/nlp/phrase-matcher.js';

const SRC = resolve(import.meta.dirname, '../../../../src/nlp');

/** Run `body` in a child with V8 natives on; `fast()` reports whether String.prototype has fast properties. */
function inChild(imports: string, body: string): unknown {
  // V8 internals are only observable with --allow-natives-syntax: run a child process.
  const dir = mkdtempSync(join(tmpdir(), 'pp-strproto-'));
  try {
    const script = join(dir, 'probe.ts');
    writeFileSync(script, `${imports}\nconst fast = () => new Function('o', 'return %HasFastProperties(o)')(String.prototype);\n${body}`);
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop() as string);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('restoreFastStringPrototype', () => {
  it('makes String.prototype fast again after a String subclass (as in ioredis) slowed it', () => {
    const seen = inChild(
      `import { restoreFastStringPrototype } from ${JSON.stringify(join(SRC, 'string-prototype.ts'))};`,
      `const seen = [fast()];\nclass Verbatim extends String {}\nnew Verbatim('x');\nseen.push(fast());\nrestoreFastStringPrototype();\nseen.push(fast());\nconsole.log(JSON.stringify(seen));`,
    );
    expect(seen).toEqual([true, false, true]);
  }, 60_000);

  it('leaves a pristine String.prototype alone (the repaired layout is slower than the original)', () => {
    const seen = inChild(
      `import { restoreFastStringPrototype } from ${JSON.stringify(join(SRC, 'string-prototype.ts'))};`,
      `const seen = [restoreFastStringPrototype(), fast()];\nclass Verbatim extends String {}\nseen.push(restoreFastStringPrototype(), fast());\nconsole.log(JSON.stringify(seen));`,
    );
    expect(seen).toEqual([false, true, true, true]);
  }, 60_000);

  it('answers in a process without natives syntax and leaves natives syntax off', () => {
    expect(typeof stringPrototypeIsSlow()).toBe('boolean');
    expect(stringPrototypeIsSlow()).toBe(false);
    expect(() => new Function('return %HasFastProperties({})')).toThrow(SyntaxError);
  });

  it('is applied when an analyser is created', () => {
    const seen = inChild(
      `import { createAnalyser } from ${JSON.stringify(join(SRC, 'analyse.ts'))};`,
      `const seen = [];\nclass Verbatim extends String {}\nnew Verbatim('x');\nseen.push(fast());\ncreateAnalyser({ modelPath: null });\nseen.push(fast());\nconsole.log(JSON.stringify(seen));`,
    );
    expect(seen).toEqual([false, true]);
  }, 60_000);
});

describe('SliceInterner character pool', () => {
  it('tells apart slices with equal hashes only by their characters, across growth of table and pool', () => {
    const t = new SliceInterner();
    // Long strings fill the pool past its first size (16 Ki characters).
    const words = Array.from({ length: 5_000 }, (_, i) => `tu-${i}-${'x'.repeat(i % 13)}`);
    const text = words.join(' ');
    let at = 0;
    const ids = words.map((w) => {
      const id = t.id(text, at, at + w.length);
      at += w.length + 1;
      return id;
    });
    expect(new Set(ids).size).toBe(words.length);
    words.forEach((w, i) => {
      expect(t.id(w, 0, w.length)).toBe(ids[i]);
      expect(t.str(ids[i] as number)).toBe(w);
    });
    // Same hash passed for different text (as a buggy caller would): never the wrong id.
    const a = t.idHashed('alpha', 0, 5, 12345);
    const b = t.idHashed('bravo', 0, 5, 12345);
    expect(a).not.toBe(b);
    expect(t.idHashed('alpha', 0, 5, 12345)).toBe(a);
  });

  it('keeps answering after a reset empties the pool', () => {
    const t = new SliceInterner(50);
    for (let i = 0; i < 120; i++) t.intern(`w${i}`);
    expect(t.generation).toBeGreaterThan(0);
    const id = t.id('w119', 0, 4);
    expect(t.str(id)).toBe('w119');
    expect(t.id('zz', 0, 2)).not.toBe(id);
  });
});

describe('IdTrie deep-id filter', () => {
  it('answers -1 below the root for ids that label only root edges, and finds deep ids', () => {
    const trie = new IdTrie();
    const ab = trie.add(trie.add(0, 1), 2);
    trie.add(0, 7);
    const a = trie.child(0, 1);
    expect(trie.child(a, 2)).toBe(ab);
    expect(trie.child(a, 7)).toBe(-1); // 7 starts a phrase but never continues one
    expect(trie.child(a, 1)).toBe(-1);
    expect(trie.child(a, -1)).toBe(-1);
    expect(trie.child(a, 1_000_000)).toBe(-1);
  });
});

/** normaliseForMatching's look-alike step as it was, a regexp replace over the same map: the reference for the table. */
function lookalikesByRegexp(text: string): string {
  return text.replace(/[\u00D0\u00F0\u0189\u00AB\u00BB\u0060\u00A0\u00AD\t\v\f\u2000-\u206F\u2212\u3000\uFEFF]/g, (c) => CHAR_MAP[c] ?? c);
}

describe('normaliseForMatching look-alike mapping', () => {
  it('maps every BMP code unit as the regexp replace did (tone placement aside)', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const text = `x${String.fromCharCode(c)}y`;
      // No toned vowel next to o/u/q/g here, so tone placement leaves the text alone.
      expect(normaliseForMatching(text, true)).toBe(lookalikesByRegexp(text));
    }
  });

  it('keeps length and agrees with the reference on random press-like text', () => {
    const pieces = ['“Hà Nội”', ' – ', 'hoà', '\u00A0', 'thuỷ', '\u200B', '`', 'Ðà', '\t', 'quỳ', '…', 'abc', '\u2029'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const out = normaliseForMatching(text, true);
        expect(out.length).toBe(text.length);
        expect(normaliseForMatching(lookalikesByRegexp(text), true)).toBe(out);
      }),
    );
  });
});

describe('tokenizeSyllables ids from the dense per-raw-token arrays', () => {
  it('carries the same ids and flags as the shared forms object', () => {
    const tokens = tokenizeSyllables('Thủ tướng GDP AI ai Hà Nội, TP.HCM 2025 hoà hòa ĐÀ NẴNG');
    for (const t of tokens) {
      const f = (t as unknown as { f: { foldedId: number; keyId: number; flags: number } }).f;
      const own = t as unknown as { foldedId: number; keyId: number; flags: number };
      expect([own.foldedId, own.keyId, own.flags]).toEqual([f.foldedId, f.keyId, f.flags]);
    }
  });
});
