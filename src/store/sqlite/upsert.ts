import type Database from 'better-sqlite3';
import type { Item } from '../../core/item.js';
import type { UpsertResult } from '../store.js';
import { findItemProblems } from './item-validation.js';
import { createRollupWrites, type RollupWrites } from './rollup-writes.js';
import { isDatabaseOutage } from './write-errors.js';
import { canonicalJson } from '../canonical-json.js';
import { ITEM_COLUMNS, itemSideValues, itemToFtsDocument, itemToRow, type ItemRow } from './item-rows.js';

interface ExistingRow {
  seq: number;
  content_hash: string;
  labels_json: string | null;
  source_id: string;
}

type Outcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Build the bulk upsert for one database. The returned function writes a batch in ONE
 * transaction; each item runs in its own savepoint, so an item that fails validation or a
 * constraint is reported in `errors` and the rest of the batch still lands.
 *
 * Change rule: an existing item is rewritten when its `contentHash` or its labels differ.
 * Incoming `labels: null` with the same content means "not analysed yet", not "remove labels",
 * so it keeps the stored labels and counts as unchanged. A content change with null labels
 * clears stale labels.
 */
export function createItemUpserter(db: Database.Database): (items: readonly Item[]) => UpsertResult {
  const statements = prepareStatements(db);
  const rollups = createRollupWrites(db);

  // The items-row statement runs first: when it violates a constraint SQLite undoes just that
  // statement, nothing else of the item has been written, and the batch carries on.
  const writeOne = (item: Item): Outcome => {
    const labelsJson = item.labels ? canonicalJson(item.labels) : null;
    const existing = statements.selectExisting.get(item.id) as ExistingRow | undefined;
    if (existing) {
      const sameContent = existing.content_hash === item.contentHash;
      if (sameContent && (labelsJson === null || labelsJson === existing.labels_json)) return 'unchanged';
      const row = itemToRow(item, labelsJson);
      statements.updateItem.run({ ...row, seq: existing.seq });
      afterItemRow(() => {
        if (existing.source_id !== row.source_id) {
          statements.adjustSourceCount.run(existing.source_id, -1);
          statements.adjustSourceCount.run(row.source_id, 1);
        }
        // Deleting side rows uncounts them and the items-row rollups move, both by trigger.
        for (const del of statements.deleteSide) del.run(existing.seq);
        writeSideRows(statements, rollups, existing.seq, item, row.published_ms);
        if (!sameContent) {
          statements.deleteFolded.run(existing.seq);
          statements.deleteExact.run(existing.seq);
          writeFts(statements, existing.seq, item);
        }
      });
      return 'updated';
    }
    const row = itemToRow(item, labelsJson);
    const seq = Number(statements.insertItem.run(row).lastInsertRowid);
    afterItemRow(() => {
      statements.adjustSourceCount.run(row.source_id, 1);
      rollups.countNewItem({ seq, publishedMs: row.published_ms, sentiment: row.sentiment, sourceId: row.source_id, tier: row.tier });
      writeSideRows(statements, rollups, seq, item, row.published_ms);
      writeFts(statements, seq, item);
    });
    return 'inserted';
  };

  // Per-item savepoints make every item atomic but force FTS5 to flush a segment per item
  // (about 3x slower), so they are the fallback, used only when a write failed half-way.
  const writeOneAtomically = db.transaction(writeOne);

  const writeBatch = (write: (item: Item) => Outcome, abortOnPartialWrite: boolean) =>
    db.transaction((items: readonly Item[]): UpsertResult => {
      const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, errors: [] };
      for (const item of items) {
        const problems = findItemProblems(item);
        if (problems.length > 0) {
          result.errors.push({ id: describeId(item), reason: problems.join('; ') });
          continue;
        }
        try {
          result[write(item)] += 1;
        } catch (error) {
          if (abortOnPartialWrite && error instanceof PartialWriteError) throw error;
          // Disk full, I/O error, lock: the database's problem, not this item's — fail the batch.
          if (isDatabaseOutage(error)) throw error;
          result.errors.push({ id: describeId(item), reason: `SQLite rejected the item: ${(error as Error).message}` });
        }
      }
      return result;
    });
  const fastBatch = writeBatch(writeOne, true);
  const safeBatch = writeBatch(writeOneAtomically, false);

  return (items) => {
    try {
      return fastBatch(items);
    } catch (error) {
      // The whole batch was rolled back; redo it with one savepoint per item.
      if (error instanceof PartialWriteError && !isDatabaseOutage(error)) return safeBatch(items);
      throw error;
    }
  };
}

/** A write failed after the item's row was written: the batch must be redone atomically per item. */
class PartialWriteError extends Error {}

function afterItemRow(write: () => void): void {
  try {
    write();
  } catch (error) {
    throw new PartialWriteError((error as Error).message, { cause: error });
  }
}

function describeId(item: Item): string {
  const id = (item as unknown as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : String(id);
}

function prepareStatements(db: Database.Database) {
  const columns = ITEM_COLUMNS.join(', ');
  const params = ITEM_COLUMNS.map((c) => `@${c}`).join(', ');
  const assignments = ITEM_COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ');
  return {
    selectExisting: db.prepare('SELECT seq, content_hash, labels_json, source_id FROM items WHERE id = ?'),
    insertItem: db.prepare<ItemRow>(`INSERT INTO items (${columns}) VALUES (${params})`),
    updateItem: db.prepare<ItemRow & { seq: number }>(`UPDATE items SET ${assignments} WHERE seq = @seq`),
    adjustSourceCount: db.prepare(
      'INSERT INTO source_item_counts (source_id, n) VALUES (?, ?) ON CONFLICT (source_id) DO UPDATE SET n = n + excluded.n',
    ),
    deleteSide: [
      db.prepare('DELETE FROM item_topics WHERE item_seq = ?'),
      db.prepare('DELETE FROM item_provinces WHERE item_seq = ?'),
      db.prepare('DELETE FROM item_policies WHERE item_seq = ?'),
    ],
    insertTopic: db.prepare('INSERT INTO item_topics (item_seq, topic, score, published_ms) VALUES (?, ?, ?, ?)'),
    insertProvince: db.prepare('INSERT INTO item_provinces (item_seq, province, published_ms) VALUES (?, ?, ?)'),
    insertPolicy: db.prepare('INSERT INTO item_policies (item_seq, policy, published_ms) VALUES (?, ?, ?)'),
    insertFolded: db.prepare('INSERT INTO items_fts (rowid, title, lead, text) VALUES (?, ?, ?, ?)'),
    insertExact: db.prepare('INSERT INTO items_fts_exact (rowid, title, lead, text) VALUES (?, ?, ?, ?)'),
    deleteFolded: db.prepare('DELETE FROM items_fts WHERE rowid = ?'),
    deleteExact: db.prepare('DELETE FROM items_fts_exact WHERE rowid = ?'),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

function writeSideRows(s: Statements, rollups: RollupWrites, seq: number, item: Item, publishedMs: number): void {
  const side = itemSideValues(item);
  for (const topic of side.topics) {
    s.insertTopic.run(seq, topic.id, topic.score, publishedMs);
    rollups.countSideRow('topic', publishedMs, topic.id);
  }
  for (const province of side.provinces) {
    s.insertProvince.run(seq, province, publishedMs);
    rollups.countSideRow('province', publishedMs, province);
  }
  for (const policy of side.policies) s.insertPolicy.run(seq, policy, publishedMs);
}

function writeFts(s: Statements, seq: number, item: Item): void {
  const doc = itemToFtsDocument(item);
  s.insertFolded.run(seq, doc.folded.title, doc.folded.lead, doc.folded.text);
  s.insertExact.run(seq, doc.exact.title, doc.exact.lead, doc.exact.text);
}
