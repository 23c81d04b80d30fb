import { z } from 'zod';
import type { ItemFilter } from '../../store/store.js';
import { csv, isoInstant } from '../http/validate.js';

const TIERS = ['central', 'party', 'local', 'government', 'other'] as const;
const SENTIMENTS = ['positive', 'negative', 'neutral'] as const;
const ID = /^[\p{L}\p{N}._:-]{1,80}$/u;
const ids = csv.pipe(z.array(z.string().regex(ID, 'ids are letters, digits and . _ : -')).max(50));

/** Query fields shared by search, items, stories and series. */
export const filterFields = {
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  topic: ids.optional(),
  policy: ids.optional(),
  sentiment: csv.pipe(z.array(z.enum(SENTIMENTS))).optional(),
  source: ids.optional(),
  tier: csv.pipe(z.array(z.enum(TIERS))).optional(),
  province: ids.optional(),
  story: z.string().regex(ID).optional(),
};

/** Parsed shape of {@link filterFields}. */
export type FilterInput = z.infer<z.ZodObject<typeof filterFields>>;

/** Map API query fields to the Store's filter (empty lists are dropped). */
export function toItemFilter(q: FilterInput): ItemFilter {
  const filter: ItemFilter = {};
  if (q.from) filter.from = new Date(q.from).toISOString();
  if (q.to) filter.to = new Date(q.to).toISOString();
  if (q.topic?.length) filter.topics = q.topic;
  if (q.policy?.length) filter.policies = q.policy;
  if (q.sentiment?.length) filter.sentiments = q.sentiment;
  if (q.source?.length) filter.sourceIds = q.source;
  if (q.tier?.length) filter.tiers = q.tier;
  if (q.province?.length) filter.provinces = q.province;
  if (q.story) filter.storyId = q.story;
  return filter;
}
