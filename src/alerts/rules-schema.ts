/**
 * `config/alerts.yaml`: alert rules, channels, quiet hours, digest mode and detector tuning,
 * validated with zod. Secrets are never written in the file: channels name the environment
 * variable that holds them (`secretEnv`, `botTokenEnv`, `smtpUrlEnv`).
 */
import { z } from 'zod';
import { loadYamlConfig, parseYamlConfig } from '../config/yaml-file.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, ".", "_" or "-"');
const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an environment variable name, e.g. PULSE_WEBHOOK_SECRET');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'local time as HH:MM');
const tier = z.enum(['central', 'party', 'local', 'government', 'other']);
const severity = z.enum(['am_i', 'bung_phat', 'lan_rong']);
const httpUrl = z.string().url().refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');

const retry = z
  .object({
    /** Attempts including the first. @defaultValue 4 */
    attempts: z.number().int().min(1).max(10).default(4),
    /** First backoff delay, doubled each attempt with jitter. @defaultValue 2000 */
    baseDelayMs: z.number().int().min(0).max(600_000).default(2000),
  })
  .strict()
  .default({ attempts: 4, baseDelayMs: 2000 });

/** One delivery channel. */
export const channelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('webhook'), url: httpUrl, secretEnv: envName, retry }).strict(),
  z
    .object({
      type: z.literal('email'),
      smtpUrlEnv: envName,
      from: z.string().min(3),
      to: z.array(z.string().email()).min(1),
      retry,
    })
    .strict(),
  z
    .object({
      type: z.literal('telegram'),
      botTokenEnv: envName,
      chatId: z.union([z.string().min(1), z.number().int()]).transform(String),
      /** Override for tests or a Bot API proxy. @defaultValue 'https://api.telegram.org' */
      apiBaseUrl: httpUrl.default('https://api.telegram.org'),
      retry,
    })
    .strict(),
  z
    .object({
      type: z.literal('chat'),
      url: httpUrl,
      /** Payload shape: `{text}` (Slack, Mattermost, Rocket.Chat) or Google Chat's `{text}` with cards off. @defaultValue 'text' */
      format: z.enum(['text', 'google_chat']).default('text'),
      retry,
    })
    .strict(),
]);

/** What a rule watches. Lists are ANDed across fields and ORed within a field, like Store filters. */
const scopeSchema = z
  .object({
    topics: z.array(id).default([]),
    policies: z.array(id).default([]),
    /** Free-text keywords (accents optional); the series comes from full-text search. */
    keywords: z.array(z.string().min(2)).default([]),
    provinces: z.array(id).default([]),
    tiers: z.array(tier).default([]),
    /** One detector per value of this dimension (e.g. each topic) instead of one for the whole scope. @defaultValue 'none' */
    splitBy: z.enum(['none', 'topic', 'policy', 'province', 'tier']).default('none'),
  })
  .strict();

const ruleSchema = z
  .object({
    id,
    /** Vietnamese name shown in alerts. */
    name: z.string().min(1),
    enabled: z.boolean().default(true),
    scope: scopeSchema.default({ topics: [], policies: [], keywords: [], provinces: [], tiers: [], splitBy: 'none' }),
    /** Only notify at or above this severity. @defaultValue 'am_i' */
    minSeverity: severity.default('am_i'),
    /** Early warning: alert when the forecast's lower bound reaches `negativeCount` negatives in `windowHours`. */
    forecast: z
      .object({ negativeCount: z.number().positive(), windowHours: z.number().int().min(1).max(72).default(6), horizonHours: z.number().int().min(1).max(72).default(48) })
      .strict()
      .optional(),
    channels: z.array(id).min(1),
  })
  .strict();

const detectorOverrides = z
  .object({
    enterScore: z.number().positive(),
    minNegative: z.number().int().min(1),
    minExcess: z.number().min(0),
    minRatio: z.number().min(1),
    exitHours: z.number().int().min(1),
    cooldownHours: z.number().int().min(0),
    minHistoryHours: z.number().int().min(0),
  })
  .partial()
  .strict();

/** The whole file. */
export const alertsConfigSchema = z
  .object({
    version: z.literal(1),
    /** Base URL of the dashboard; alert links are `<base>/#/alerts/<id>`. */
    dashboardUrl: httpUrl.default('http://127.0.0.1:8080'),
    detector: detectorOverrides.default({}),
    severity: z
      .object({ bungPhatMinMainstreamItems: z.number().int().min(1).default(2), lanRongMinOutlets: z.number().int().min(1).default(8), lanRongMinProvinces: z.number().int().min(1).default(3) })
      .strict()
      .default({ bungPhatMinMainstreamItems: 2, lanRongMinOutlets: 8, lanRongMinProvinces: 3 }),
    /** Hours (local) when only severities in `except` are sent at once; the rest wait for the end. */
    quietHours: z.object({ from: hhmm, to: hhmm, except: z.array(severity).default(['lan_rong']) }).strict().optional(),
    /** `immediate` sends each alert; `hourly`/`daily` batch them into one message (daily at `at`). @defaultValue immediate */
    digest: z.object({ mode: z.enum(['immediate', 'hourly', 'daily']).default('immediate'), at: hhmm.default('07:30') }).strict().default({ mode: 'immediate', at: '07:30' }),
    /** Emerging issues across all coverage (outside configured topics), scanned once an hour. */
    emerging: z
      .object({
        channels: z.array(id).min(1),
        windowHours: z.number().int().min(1).max(48).default(6),
        minCount: z.number().int().min(2).default(5),
      })
      .strict()
      .optional(),
    channels: z.record(id, channelSchema),
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    cfg.emerging?.channels.forEach((c, j) => {
      if (!(c in cfg.channels)) ctx.addIssue({ code: 'custom', path: ['emerging', 'channels', j], message: `unknown channel "${c}" (define it under channels:)` });
    });
    const seen = new Set<string>();
    cfg.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${rule.id}"` });
      seen.add(rule.id);
      rule.channels.forEach((c, j) => {
        if (!(c in cfg.channels)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'channels', j], message: `unknown channel "${c}" (define it under channels:)` });
      });
      const split = rule.scope.splitBy;
      if (split === 'policy' && rule.scope.policies.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'scope', 'splitBy'], message: 'splitBy: policy needs scope.policies' });
      }
      if (rule.scope.keywords.length > 0 && split !== 'none') {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'scope', 'splitBy'], message: 'keyword rules are one series: splitBy must be none' });
      }
    });
  });

/** Validated alerts configuration. */
export type AlertsConfig = z.infer<typeof alertsConfigSchema>;
/** One validated rule. */
export type AlertRule = AlertsConfig['rules'][number];
/** One validated channel definition. */
export type ChannelConfig = z.infer<typeof channelSchema>;

/** Parse alerts.yaml text; throws a `ConfigError` listing every problem as `file:line path: message`. */
export function parseAlertsConfig(text: string, file = 'alerts.yaml'): AlertsConfig {
  return parseYamlConfig(text, file, alertsConfigSchema);
}

/** Read and validate `config/alerts.yaml` (or another path). */
export function loadAlertsConfig(file: string): AlertsConfig {
  return loadYamlConfig(file, alertsConfigSchema);
}
