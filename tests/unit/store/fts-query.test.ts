import { describe, expect, it } from 'vitest';
import { allTermsExpression, parseSearchText, phraseExpression } from '../../../src/store/sqlite/fts-query.js';

describe('parseSearchText', () => {
  it('folds accents and đ, keeps an exact NFC lower-case copy', () => {
    expect(parseSearchText('Đường  Sắt')).toEqual({ exact: ['đường', 'sắt'], folded: ['duong', 'sat'], accented: true });
    expect(parseSearchText('Đường sắt'.normalize('NFD'))?.exact).toEqual(['đường', 'sắt']);
    expect(parseSearchText('duong sat')?.accented).toBe(false);
  });

  it('turns FTS5 syntax typed by users into plain tokens', () => {
    expect(parseSearchText('title:"đường* -sắt" (NEAR)')?.folded).toEqual(['title', 'duong', 'sat']);
    expect(parseSearchText('đường AND sắt OR ga NOT hầm')?.folded).toEqual(['duong', 'sat', 'ga', 'ham']);
    expect(parseSearchText('and hoặc or')?.folded).toEqual(['and', 'hoac', 'or']);
  });

  it('returns null when nothing searchable is left', () => {
    for (const text of ['"', '*', ':', '-', '   ', '()^', 'AND']) expect(parseSearchText(text)).toBeNull();
  });

  it('quotes every token in the FTS5 expressions', () => {
    expect(allTermsExpression(['duong', 'sat'])).toBe('"duong" "sat"');
    expect(phraseExpression(['duong', 'sat'])).toBe('"duong sat"');
    expect(allTermsExpression(['a"b'])).toBe('"a""b"');
  });
});
