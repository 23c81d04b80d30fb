import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../src/nlp/fold.js';
import { foldForIndex } from '../../../src/nlp/fold-index.js';

const VIETNAMESE = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ,.-"';

describe('foldForIndex', () => {
  it('folds Vietnamese like foldForSearch, including đ and NFD input', () => {
    expect(foldForIndex('Đường sắt Cát Linh – Hà Đông')).toBe('duong sat cat linh – ha dong');
    expect(foldForIndex('Thuỷ lợi'.normalize('NFD'))).toBe('thuy loi');
  });

  it('agrees with foldForSearch on random Vietnamese text (upper, lower, NFC, NFD)', () => {
    const letter = fc.constantFrom(...VIETNAMESE, ...VIETNAMESE.toUpperCase());
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 60 }), fc.boolean(), (chars, nfd) => {
        const text = nfd ? chars.join('').normalize('NFD') : chars.join('');
        expect(foldForIndex(text)).toBe(foldForSearch(text));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with foldForSearch on arbitrary Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(foldForIndex(text)).toBe(foldForSearch(text));
      }),
      { numRuns: 3000 },
    );
  });
});
