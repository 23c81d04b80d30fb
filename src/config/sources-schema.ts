import { z } from 'zod';

/** Cheerio selectors that turn an HTML listing page (no feed) into entries. */
export const listingSelectorsSchema = z
  .object({
    /** Selector of one entry block. */
    item: z.string().min(1),
    /** Selector (inside the block) of the link; its `href` is the article URL. @defaultValue 'a[href]' */
    link: z.string().min(1).default('a[href]'),
    title: z.string().min(1).optional(),
    summary: z.string().min(1).optional(),
    date: z.string().min(1).optional(),
  })
  .strict();

/** One source the crawler polls. */
export const sourceSchema = z
  .object({
    /** Stable id: lower-case letters, digits and dashes. Used in job ids and item records. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2–63 chars'),
    name: z.string().min(1),
    kind: z.enum(['rss', 'sitemap', 'listing']),
    url: z.url({ protocol: /^https?$/ }),
    tier: z.enum(['central', 'party', 'local', 'government', 'other']).default('other'),
    /** Province id (post-2025 unit) for local outlets. */
    province: z.string().optional(),
    section: z.string().optional(),
    enabled: z.boolean().default(true),
    /** Bounds for adaptive polling, in minutes. */
    pollMinutes: z
      .object({ min: z.number().int().min(1).default(5), max: z.number().int().min(1).default(360) })
      .strict()
      .default({ min: 5, max: 360 })
      .refine((p) => p.min <= p.max, 'pollMinutes.min must not exceed pollMinutes.max'),
    /** Allow private/loopback addresses for this source (intranet portals, tests). @defaultValue false */
    allowPrivateNetwork: z.boolean().default(false),
    /** Fetch each article page (false: keep feed content only). @defaultValue true */
    fetchArticles: z.boolean().default(true),
    listing: listingSelectorsSchema.optional(),
    /** Charset to use when the server mislabels its pages. */
    forceCharset: z.string().optional(),
  })
  .strict()
  .refine((s) => s.kind !== 'listing' || s.listing !== undefined, {
    message: 'a listing source needs `listing` selectors',
    path: ['listing'],
  });

export const sourcesFileSchema = z
  .object({
    /** Defaults applied to every source. */
    defaults: z
      .object({
        userAgent: z.string().optional(),
      })
      .strict()
      .optional(),
    sources: z.array(sourceSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.sources.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate source id "${s.id}"`, path: ['sources', i, 'id'] });
      seen.add(s.id);
    });
  });

/** A validated source. */
export type SourceConfig = z.infer<typeof sourceSchema>;
export type SourcesFile = z.infer<typeof sourcesFileSchema>;
