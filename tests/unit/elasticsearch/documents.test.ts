/**
 * The stored document of an item: folded copies exactly as `foldForSearch` folds (the index side
 * now uses the table-driven `foldForIndex`), and the item reads back whole from the JSON sent.
 */
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/core/item.js';
import { foldForSearch } from '../../../src/nlp/fold.js';
import { documentToItem, itemToDocument, type ItemDocument } from '../../../src/store/elasticsearch/documents.js';
import { makeItem } from '../../contract/store-contract-corpus.js';

const labelled: Item = makeItem('full', {
  title: 'Đường sắt tốc độ cao chậm tiến độ',
  // Decomposed (NFD) input: folding must not depend on the form the source used.
  lead: 'Dự án ĐƯỜNG SẮT gây bức xúc'.normalize('NFD'),
  text: 'Người dân Đồng Nai phản ánh việc giải phóng mặt bằng kéo dài; qúy, thuỷ, hoà.',
  author: 'Nguyễn Văn A',
  tags: ['đường sắt'],
  labels: {
    modelVersion: 'm1',
    topics: [{ id: 'transport', score: 0.8 }],
    policies: [],
    sentiment: { label: 'negative', score: -0.6, confidence: 0.7, evidence: [] },
    entities: [{ type: 'province', id: 'dong-nai', name: 'Đồng Nai', count: 1 }],
    provinces: ['dong-nai'],
    storyId: null,
    simhash: null,
  },
});

describe('itemToDocument', () => {
  it('folds the copies exactly as foldForSearch does (đ→d, no diacritics, lower case, any normal form)', () => {
    const document = itemToDocument(labelled);
    expect(document.title_folded).toBe(foldForSearch(labelled.title));
    expect(document.title_folded).toBe('duong sat toc do cao cham tien do');
    expect(document.lead_folded).toBe('du an duong sat gay buc xuc');
    expect(document.text_folded).toBe(foldForSearch(labelled.text.normalize('NFC')));
    expect(itemToDocument(makeItem('nolead')).lead_folded).toBe('');
  });

  it('round-trips: the item rebuilt from the JSON sent equals the item', () => {
    for (const item of [labelled, makeItem('bare')]) {
      const sent = JSON.parse(JSON.stringify(itemToDocument(item))) as Partial<ItemDocument>;
      expect(documentToItem(sent)).toEqual(item);
    }
  });
});
