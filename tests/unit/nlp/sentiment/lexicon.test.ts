import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LexiconError, loadSentimentLexicon, parseLexiconFile } from '../../../../src/nlp/sentiment/lexicon.js';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function lexiconDir(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loadSentimentLexicon', () => {
  it('loads the shipped lexicon with at least 1,500 entries', () => {
    expect(loadSentimentLexicon().size).toBeGreaterThanOrEqual(1500);
  });

  it('names file and line of a weight outside [-3, 3]', () => {
    const d = lexiconDir({ 'sentiment-x.tsv': '# comment\ntốt\t2\n\nxấu\t-4\n' });
    expect(() => loadSentimentLexicon(d)).toThrow(LexiconError);
    expect(() => loadSentimentLexicon(d)).toThrow(/sentiment-x\.tsv:4: weight -4 outside \[-3, 3\]/);
  });

  it('names file and line of a non-numeric weight and of an unknown modifier kind', () => {
    expect(() => parseLexiconFile('tốt\tabc\n', 'a.tsv')).toThrow(/a\.tsv:1: weight "abc" is not a number/);
    expect(() => parseLexiconFile('rất\tbooster\t2\n', 'modifiers.tsv')).toThrow(/modifiers\.tsv:1: unknown modifier kind "booster"/);
    expect(() => parseLexiconFile('xuất khẩu\t0\n', 'b.tsv')).toThrow(/b\.tsv:1: weight 0 needs domain indicator/);
  });

  it('refuses an empty directory', () => {
    expect(() => loadSentimentLexicon(lexiconDir({}))).toThrow(/no sentiment lexicon/);
  });

  it('normalises phrases so old-style spellings in the file still match', () => {
    const [entry] = parseLexiconFile('hoà giải thành công\t2\n', 'c.tsv');
    expect(entry?.phrase).toBe('hòa giải thành công');
  });
});
