/**
 * Sentiment lexicon: loading, validation and compilation into a fast syllable matcher.
 *
 * Files under `config/lexicon/` (tab-separated, `#` comments, blank lines ignored):
 * - `sentiment-*.tsv`: `phrase<TAB>weight[<TAB>domain]`, weight in [-3, 3]; weight 0 with a
 *   domain `indicator+`/`indicator-` marks a neutral noun whose rise is good (`xuất khẩu`) or bad
 *   (`lạm phát`).
 * - `modifiers.tsv`: `phrase<TAB>kind<TAB>value`, kinds below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSyllableMatcher, type SyllableMatcher } from './matcher.js';
import { normaliseForMatching } from '../normalise.js';

/** What a lexicon phrase does. */
export type LexiconKind =
  /** Carries polarity `value` in [-3, 3]. */
  | 'term'
  /** Neutral noun with a direction (`value` = +1 when a rise is good, -1 when bad). */
  | 'indicator'
  /** Flips the next term in its scope (`không`, `chưa`); value = strength factor. */
  | 'negator'
  /** Negator that is negative on its own when nothing follows (`thiếu`, `không đủ`); value = that weight. */
  | 'privative'
  /** Adverse passive `bị`: what follows reads negative; negative on its own (value) when nothing follows. */
  | 'adverse'
  /** Scales the next term (`rất` 1.5, `hơi` 0.6). */
  | 'intensifier'
  /** Movement verb: `tăng` (+1), `giảm` (-1); combines with a term or indicator on either side. */
  | 'movement'
  /**
   * Remedy (`khắc phục`, `chấm dứt`, `được giải quyết`): acts like `giảm` on the next term, or on
   * the negative term just before it; mildly positive on its own when strong (value ≤ -1).
   */
  | 'remedy'
  /** Goal/instruction words (`nhằm`, `yêu cầu`): terms after them are plans, scaled by value. */
  | 'irrealis'
  /** Matched only to block a shorter reading (`không chỉ`, `không ngừng`): no effect. */
  | 'ignore'
  /**
   * Marks official-event reporting (`chủ trì`, `hội nghị`, `làm việc với`). In a title with no
   * sentiment of its own it damps the lead and body by `value`: their praise is mostly rhetoric.
   */
  | 'official';

/** One compiled lexicon entry. */
export interface LexiconEntry {
  kind: LexiconKind;
  value: number;
  domain?: string;
  /** Where it was defined, for diagnostics. */
  source: string;
}

/** A loaded, compiled lexicon. */
export interface SentimentLexicon {
  /** Number of phrases. */
  readonly size: number;
  readonly matcher: SyllableMatcher<LexiconEntry>;
  /** Every phrase (lower-case, tone-normalised) with its entry. */
  readonly entries: ReadonlyMap<string, LexiconEntry>;
}

const KINDS = new Set<LexiconKind>(['term', 'indicator', 'negator', 'privative', 'adverse', 'intensifier', 'movement', 'remedy', 'irrealis', 'ignore', 'official']);
const DEFAULT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../config/lexicon');

/** A bad lexicon line. */
export class LexiconError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'LexiconError';
  }
}

interface RawEntry {
  phrase: string;
  entry: LexiconEntry;
}

function parseNumber(text: string | undefined, file: string, line: number, what: string): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value)) throw new LexiconError(file, line, `${what} "${text ?? ''}" is not a number`);
  return value;
}

/** Parse one lexicon file's text. Exported for tests. */
export function parseLexiconFile(text: string, file: string): RawEntry[] {
  const isModifiers = /modifiers[^/]*\.tsv$/.test(file);
  const out: RawEntry[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const line = index + 1;
    const content = rawLine.replace(/\r$/, '');
    if (content.trim() === '' || content.trimStart().startsWith('#')) return;
    const cols = content.split('\t').map((c) => c.trim());
    const phrase = normaliseForMatching(cols[0] ?? '').toLowerCase().replace(/\s+/g, ' ');
    if (!/\p{L}/u.test(phrase)) throw new LexiconError(file, line, 'empty phrase');
    const source = `${file}:${line}`;
    if (isModifiers) {
      const kind = cols[1] as LexiconKind;
      if (!KINDS.has(kind) || kind === 'term' || kind === 'indicator') throw new LexiconError(file, line, `unknown modifier kind "${cols[1] ?? ''}"`);
      const value = kind === 'ignore' ? 0 : parseNumber(cols[2], file, line, 'value');
      out.push({ phrase, entry: { kind, value, source } });
      return;
    }
    const weight = parseNumber(cols[1], file, line, 'weight');
    if (weight < -3 || weight > 3) throw new LexiconError(file, line, `weight ${weight} outside [-3, 3]`);
    const domain = cols[2] || undefined;
    if (weight === 0) {
      if (domain !== 'indicator+' && domain !== 'indicator-') throw new LexiconError(file, line, 'weight 0 needs domain indicator+ or indicator-');
      out.push({ phrase, entry: { kind: 'indicator', value: domain === 'indicator+' ? 1 : -1, domain, source } });
      return;
    }
    const entry: LexiconEntry = { kind: 'term', value: weight, source };
    if (domain) entry.domain = domain;
    out.push({ phrase, entry });
  });
  return out;
}

/** Compile parsed entries; a phrase defined twice keeps the later definition. */
export function compileLexicon(raw: Iterable<RawEntry>): SentimentLexicon {
  const entries = new Map<string, LexiconEntry>();
  for (const r of raw) entries.set(r.phrase, r.entry);
  const matcher = compileSyllableMatcher(
    entries,
    // Without accents one syllable is ambiguous (`hai` = hai/hại/hài): only modifiers and
    // phrases of two or more syllables match unaccented text.
    (phrase, entry) => phrase.includes(' ') || (entry.kind !== 'term' && entry.kind !== 'indicator') || /^[a-z]+$/.test(phrase),
    (old, incoming) => (old.kind === 'term' && incoming.kind === 'term' && Math.abs(incoming.value) > Math.abs(old.value) ? incoming : old),
  );
  return { size: entries.size, matcher, entries };
}

/**
 * Load and validate every `*.tsv` under `dir`.
 * @throws LexiconError naming file:line for a bad entry; Error when the directory has no lexicon.
 */
export function loadSentimentLexicon(dir: string = DEFAULT_DIR): SentimentLexicon {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
  if (files.length === 0) throw new Error(`no sentiment lexicon (*.tsv) in ${dir}`);
  const raw: RawEntry[] = [];
  for (const f of files) raw.push(...parseLexiconFile(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
  return compileLexicon(raw);
}
