/**
 * Severity ladder from Vietnamese crisis-communication practice:
 * `âm ỉ` (smouldering: negative coverage is up but stays in a few, non-mainstream outlets) →
 * `bùng phát` (flare-up: central press or Party organs carry it) →
 * `lan rộng` (spreading: many outlets across several provinces).
 */

/** Severity code, stable across languages. */
export type Severity = 'am_i' | 'bung_phat' | 'lan_rong';

/** Vietnamese labels shown to officers. */
export const SEVERITY_LABELS_VI: Readonly<Record<Severity, string>> = Object.freeze({
  am_i: 'Âm ỉ',
  bung_phat: 'Bùng phát',
  lan_rong: 'Lan rộng',
});

/** Rank for comparisons (higher is worse). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.freeze({ am_i: 0, bung_phat: 1, lan_rong: 2 });

/** How far the negative coverage of an episode has spread. */
export interface SpreadEvidence {
  negativeItems: number;
  /** Negative items from `central` or `party` tier outlets. */
  mainstreamItems: number;
  /** Distinct outlets carrying negative items. */
  outlets: number;
  /** Distinct provinces the negative items are about (or whose local press carries them). */
  provinces: number;
}

/** Thresholds of the ladder (config/alerts.yaml `severity`). */
export interface SeverityRules {
  /** @defaultValue 2 mainstream items */
  bungPhatMinMainstreamItems: number;
  /** @defaultValue 8 outlets */
  lanRongMinOutlets: number;
  /** @defaultValue 3 provinces */
  lanRongMinProvinces: number;
}

/** Default ladder thresholds. */
export const DEFAULT_SEVERITY_RULES: Readonly<SeverityRules> = Object.freeze({
  bungPhatMinMainstreamItems: 2,
  lanRongMinOutlets: 8,
  lanRongMinProvinces: 3,
});

/** Place an episode on the ladder. Spreading requires mainstream pickup too: breadth alone in fringe outlets stays a flare-up at most. */
export function classifySeverity(e: SpreadEvidence, rules: SeverityRules = DEFAULT_SEVERITY_RULES): Severity {
  const mainstream = e.mainstreamItems >= rules.bungPhatMinMainstreamItems;
  const broad = e.outlets >= rules.lanRongMinOutlets && e.provinces >= rules.lanRongMinProvinces;
  if (broad && mainstream) return 'lan_rong';
  if (mainstream || broad) return 'bung_phat';
  return 'am_i';
}
