/**
 * zod schemas for `config/topics.yaml` (policy areas) and `config/policies.yaml` (named policies).
 * Loading goes through the shared YAML helper, so a bad entry fails with file, line, path and reason.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadYamlConfig, parseYamlConfig } from '../../config/yaml-file.js';
import { tokenizeSyllables } from '../phrase-matcher.js';

/** Topic ids other code (alerts, dashboard, reports) relies on. */
export const REQUIRED_TOPIC_IDS = [
  'economy', 'banking', 'trade', 'enterprise', 'agriculture', 'land', 'construction', 'transport',
  'environment', 'energy', 'health', 'education', 'labour', 'social_security', 'culture', 'science',
  'digital', 'admin_reform', 'apparatus', 'justice', 'anti_corruption', 'defence', 'foreign',
] as const;

const idSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and underscores');

/** A phrase must contain a syllable; one lone syllable must be capitalised (acronym, proper noun). */
const phraseSchema = z
  .string()
  .min(1)
  .refine((p) => tokenizeSyllables(p.normalize('NFC')).length > 0, 'phrase contains no syllable');

const strictPhraseSchema = phraseSchema.refine((p) => {
  const tokens = tokenizeSyllables(p.normalize('NFC'));
  return tokens.length > 1 || tokens[0]?.capital === true;
}, 'a one-syllable phrase must be an acronym or a capitalised name (single Vietnamese syllables are ambiguous); put it under `weak` if it really must stay');

const subtopicSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'form <topic>.<sub>'),
    name: z.string().min(1),
    phrases: z.array(phraseSchema).min(1),
  })
  .strict();

/** One policy area. */
export const topicSchema = z
  .object({
    id: idSchema,
    name: z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict(),
    phrases: z
      .object({
        strong: z.array(strictPhraseSchema).default([]),
        medium: z.array(strictPhraseSchema).default([]),
        weak: z.array(phraseSchema).default([]),
      })
      .strict()
      .refine((p) => p.strong.length + p.medium.length >= 5, 'a topic needs at least 5 strong or medium phrases'),
    exclusions: z.array(phraseSchema).default([]),
    subtopics: z.array(subtopicSchema).default([]),
  })
  .strict()
  .superRefine((topic, ctx) => {
    topic.subtopics.forEach((sub, i) => {
      if (!sub.id.startsWith(`${topic.id}.`)) {
        ctx.addIssue({ code: 'custom', path: ['subtopics', i, 'id'], message: `sub-topic id must start with "${topic.id}."` });
      }
    });
  });

/** `config/topics.yaml`. */
export const topicsFileSchema = z
  .object({
    version: z.number().int().min(1),
    scoring: z
      .object({
        /** Multiplier for a phrase found in the title. @defaultValue 2 */
        titleBoost: z.number().min(1).default(2),
        /** Multiplier for a phrase found in the lead. @defaultValue 1.5 */
        leadBoost: z.number().min(1).default(1.5),
        /** Weight fraction each repeated occurrence of a phrase adds. @defaultValue 0.5 */
        repeatDecay: z.number().min(0).max(1).default(0.5),
        /** Raw score that maps to 1 - 1/e. @defaultValue 4 */
        scale: z.number().positive().default(4),
      })
      .strict()
      .prefault({}),
    exclusions: z.array(phraseSchema).default([]),
    topics: z.array(topicSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.topics.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `duplicate topic id "${t.id}"` });
      seen.add(t.id);
    });
    for (const id of REQUIRED_TOPIC_IDS) {
      if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['topics'], message: `missing required topic id "${id}"` });
    }
  });

/** Parsed `topics.yaml`. */
export type TopicsFile = z.infer<typeof topicsFileSchema>;
/** One parsed topic. */
export type TopicConfig = z.infer<typeof topicSchema>;

/** One named policy (resolution, programme, law) an agency watches. */
export const policySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, dashes and underscores'),
    name: z.string().min(1),
    /** Phrases that name the policy; any one of them is a mention. */
    phrases: z.array(strictPhraseSchema).min(1),
    /** Topic ids the policy implies when mentioned. */
    topics: z.array(idSchema).default([]),
    /** Mentions needed before the item counts as about the policy. @defaultValue 1 */
    minMentions: z.number().int().min(1).default(1),
  })
  .strict();

/** Topic ids known to `topics`, so a policy cannot point at a topic that does not exist. */
export function policiesFileSchemaFor(topicIds: ReadonlySet<string>) {
  return z
    .object({
      version: z.number().int().min(1),
      policies: z.array(policySchema),
    })
    .strict()
    .superRefine((file, ctx) => {
      const seen = new Set<string>();
      file.policies.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['policies', i, 'id'], message: `duplicate policy id "${p.id}"` });
        seen.add(p.id);
        p.topics.forEach((t, j) => {
          if (!topicIds.has(t)) ctx.addIssue({ code: 'custom', path: ['policies', i, 'topics', j], message: `unknown topic id "${t}"` });
        });
      });
    });
}

/** Parsed `policies.yaml`. */
export type PoliciesFile = z.infer<ReturnType<typeof policiesFileSchemaFor>>;
/** One parsed named policy. */
export type PolicyConfig = z.infer<typeof policySchema>;

/** Both taxonomy files, validated. */
export interface Taxonomy {
  topics: TopicsFile;
  policies: PoliciesFile;
}

/**
 * Load and validate `topics.yaml` and `policies.yaml` from a config directory.
 * @throws ConfigError listing every bad entry as `file:line path: reason`.
 */
export function loadTaxonomy(configDir: string): Taxonomy {
  const topics = loadYamlConfig(join(configDir, 'topics.yaml'), topicsFileSchema);
  const ids = new Set(topics.topics.map((t) => t.id));
  const policies = loadYamlConfig(join(configDir, 'policies.yaml'), policiesFileSchemaFor(ids));
  return { topics, policies };
}

/** Validate taxonomy YAML given as text (tests, `pulse config validate`). */
export function parseTaxonomy(topicsYaml: string, policiesYaml: string): Taxonomy {
  const topics = parseYamlConfig(topicsYaml, 'topics.yaml', topicsFileSchema);
  const ids = new Set(topics.topics.map((t) => t.id));
  return { topics, policies: parseYamlConfig(policiesYaml, 'policies.yaml', policiesFileSchemaFor(ids)) };
}
