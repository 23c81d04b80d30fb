import type { Item, ItemLabels } from '../core/item.js';
import { contentHashOf } from './item-builder.js';

/** The NLP analyser, when one is configured (issue 3). */
export interface Analyser {
  readonly version: string;
  /** Story clustering window, persisted by the analyse role between restarts. */
  readonly storyIndex?: { readonly size: number; exportState(): unknown; importState(state: never): void };
  analyse(item: Pick<Item, 'id' | 'title' | 'lead' | 'text' | 'publishedAt'>): ItemLabels;
}

/** Text normaliser used at the boundary (NFC, tone placement, whitespace). */
export type Normaliser = (text: string) => string;

/** Default boundary normalisation: NFC and collapsed whitespace, paragraphs kept. */
export const basicNormalise: Normaliser = (text) =>
  text
    .normalize('NFC')
    .replace(/[ \t\u00a0\u200b]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * Analyse one item: normalise its text and, when an analyser is given, attach labels.
 * Without an analyser the item is stored with `labels: null` — never placeholder labels.
 */
export function analyseItem(item: Item, deps: { normalise?: Normaliser; analyser?: Analyser | null }): Item {
  const normalise = deps.normalise ?? basicNormalise;
  const title = normalise(item.title);
  const lead = item.lead === null ? null : normalise(item.lead) || null;
  const text = normalise(item.text);
  const normalised: Item = { ...item, title, lead, text, contentHash: contentHashOf(title, lead, text) };
  const labels = deps.analyser ? deps.analyser.analyse(normalised) : null;
  return { ...normalised, labels };
}
