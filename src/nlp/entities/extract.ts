/**
 * Entity extraction from the gazetteer: provinces (new units; former names map to them),
 * agencies (merged bodies map to their successor), People's Committees / Councils of a province
 * or commune, and officials (title, plus the personal name that follows it when there is one).
 */
import { foldForSearch } from '../fold.js';
import { compilePhraseMatcher, type PhraseMatch, type SyllableToken } from '../phrase-matcher.js';
import type { ItemLabels } from '../../core/item.js';
import type { Gazetteer } from './gazetteer.js';

/** Entities as stored on an item. */
export type Entities = ItemLabels['entities'];

/** Result of {@link EntityExtractor.extract}. */
export interface EntityResult {
  entities: Entities;
  /** New-unit province ids mentioned (directly, by a former name, or via a committee), most mentioned first. */
  provinces: string[];
}

/** A compiled gazetteer. */
export interface EntityExtractor {
  extract(fields: readonly (readonly SyllableToken[])[], texts: readonly string[]): EntityResult;
}

type Body = 'ubnd' | 'hdnd';

/** An entity known at compile time, with its key in the per-item counts made once. */
interface KnownEntity {
  type: Entities[number]['type'];
  id: string;
  name: string;
  /** `type:id`. */
  key: string;
}

function knownEntity(type: Entities[number]['type'], id: string, name: string): KnownEntity {
  return { type, id, name, key: `${type}:${id}` };
}

type Payload =
  | { kind: 'province'; id: string; entity: KnownEntity; committee: Record<Body, KnownEntity> }
  | { kind: 'agency'; id: string; entity: KnownEntity }
  | { kind: 'title'; id: string; name: string; council: Body | null; entity: KnownEntity }
  | { kind: 'council'; body: 'ubnd' | 'hdnd' }
  | { kind: 'level'; level: 'province' | 'commune' };

const SURNAMES = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh doan luong trinh mai to ha dao cao lam truong chu ta thai luu kieu tang quach chau lai tu nong lo trieu dam hau vuong giang lu mac khong tong phung than doan la thach y kim'.split(' '),
);

/** Mentions of one entity so far. */
interface EntityCount {
  type: Entities[number]['type'];
  id: string;
  name: string;
  count: number;
}

/** Count one mention of a known entity: its key is ready, no string is built. */
function countKnown(counts: Map<string, EntityCount>, e: KnownEntity): void {
  const seen = counts.get(e.key);
  if (seen) seen.count++;
  else counts.set(e.key, { type: e.type, id: e.id, name: e.name, count: 1 });
}

/** Count one mention (a module function, not a closure made per item). */
function countEntity(counts: Map<string, EntityCount>, type: Entities[number]['type'], id: string, name: string): void {
  const key = `${type}:${id}`;
  const e = counts.get(key);
  if (e) e.count++;
  else counts.set(key, { type, id, name, count: 1 });
}

/** Compile the gazetteer into one matcher. */
export function createEntityExtractor(gazetteer: Gazetteer): EntityExtractor {
  const entries: { phrase: string; payload: Payload }[] = [];
  for (const u of gazetteer.provinces.units) {
    const entity = knownEntity('province', u.id, u.name);
    const committee = { ubnd: knownEntity('committee', `ubnd:${u.id}`, `UBND ${u.name}`), hdnd: knownEntity('committee', `hdnd:${u.id}`, `HĐND ${u.name}`) };
    for (const p of [u.name, ...u.aliases, ...u.formerly.flatMap((f) => [f.name, ...f.aliases])]) entries.push({ phrase: p, payload: { kind: 'province', id: u.id, entity, committee } });
  }
  for (const a of gazetteer.agencies.agencies) {
    const entity = knownEntity('agency', a.id, a.name);
    for (const p of [a.name, ...a.aliases, ...a.formerly]) entries.push({ phrase: p, payload: { kind: 'agency', id: a.id, entity } });
  }
  for (const t of gazetteer.titles.titles) {
    for (const p of [t.name, ...t.aliases]) {
      const folded = foldForSearch(p);
      const council = /\b(ubnd|uy ban nhan dan)\b/.test(folded) ? 'ubnd' : /\b(hdnd|hoi dong nhan dan)\b/.test(folded) ? 'hdnd' : null;
      entries.push({ phrase: p, payload: { kind: 'title', id: t.id, name: t.name, council, entity: knownEntity('official', t.id, t.name) } });
    }
  }
  for (const p of ['UBND', 'Ủy ban nhân dân']) entries.push({ phrase: p, payload: { kind: 'council', body: 'ubnd' } });
  for (const p of ['HĐND', 'Hội đồng nhân dân']) entries.push({ phrase: p, payload: { kind: 'council', body: 'hdnd' } });
  for (const p of ['tỉnh', 'thành phố', 'TP']) entries.push({ phrase: p, payload: { kind: 'level', level: 'province' } });
  for (const p of ['xã', 'phường', 'đặc khu']) entries.push({ phrase: p, payload: { kind: 'level', level: 'commune' } });
  const matcher = compilePhraseMatcher(entries);

  return {
    extract(fields, texts) {
      const counts = new Map<string, EntityCount>();
      const provinceCounts = new Map<string, number>();
      for (let fi = 0; fi < fields.length; fi++) {
        const tokens = fields[fi] as readonly SyllableToken[];
        const text = texts[fi] ?? '';
        const matches = matcher.match(tokens);
        for (let mi = 0; mi < matches.length; mi++) {
          const m = matches[mi] as PhraseMatch<Payload>;
          const p = m.payloads[0] as Payload;
          if (p.kind === 'province') {
            if (!allCapitalised(tokens, m)) continue;
            countKnown(counts, p.entity);
            provinceCounts.set(p.id, (provinceCounts.get(p.id) ?? 0) + 1);
          } else if (p.kind === 'agency') {
            if (!(tokens[m.first] as SyllableToken).capital) continue;
            countKnown(counts, p.entity);
          } else if (p.kind === 'title' || p.kind === 'council') {
            const body = p.kind === 'council' ? p.body : p.council;
            let next = m.last;
            if (body) {
              const committee = committeeAfter(tokens, matches, mi + 1, m.last, text);
              if (committee) {
                // The province itself is counted when the loop reaches its own match.
                if (committee.province) countKnown(counts, committee.province.committee[body]);
                else countEntity(counts, 'committee', `${body}:${foldForSearch(committee.name).replace(/\s+/g, '-')}`, `${body === 'ubnd' ? 'UBND' : 'HĐND'} ${committee.name}`);
                next = committee.end;
              }
            }
            if (p.kind === 'title') {
              // "Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng": the name may follow one agency/place phrase.
              const hop = matchStartingAt(matches, mi + 1, next);
              const hopPayload = hop?.payloads[0];
              if (hop && hopPayload && (hopPayload.kind === 'agency' || hopPayload.kind === 'province')) next = hop.last;
              const person = personAfter(tokens, next, text);
              if (person) countEntity(counts, 'official', `${p.id}:${foldForSearch(person).replace(/\s+/g, '-')}`, `${p.name} ${person}`);
              else countKnown(counts, p.entity);
            }
          }
        }
      }
      const entities = [...counts.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
      const provinces = [...provinceCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
      return { entities, provinces };
    },
  };
}

/**
 * The match that starts at token `position`, looking from `matches[from]` on (matches are in
 * token order and do not overlap, so the search stops at the first one starting at or past it).
 */
function matchStartingAt(matches: readonly PhraseMatch<Payload>[], from: number, position: number): PhraseMatch<Payload> | undefined {
  for (let k = from; k < matches.length; k++) {
    const m = matches[k] as PhraseMatch<Payload>;
    if (m.first >= position) return m.first === position ? m : undefined;
  }
  return undefined;
}

/** Place names must be capitalised: `Hòa Bình` the province, not `hòa bình` (peace). */
function allCapitalised(tokens: readonly SyllableToken[], m: PhraseMatch<Payload>): boolean {
  for (let i = m.first; i < m.last; i++) if (!(tokens[i] as SyllableToken).capital && !/\d/.test((tokens[i] as SyllableToken).lower)) return false;
  return true;
}

/** `UBND [tỉnh|TP] Nghệ An` → province; `UBND xã Tân Lập` → commune name. */
function committeeAfter(
  tokens: readonly SyllableToken[],
  matches: readonly PhraseMatch<Payload>[],
  nextMatch: number,
  from: number,
  text: string,
): { province: Extract<Payload, { kind: 'province' }> | null; name: string; end: number } | null {
  let i = from;
  let level: 'province' | 'commune' | null = null;
  const lv = matchStartingAt(matches, nextMatch, i);
  const lvp = lv?.payloads[0];
  if (lv && lvp?.kind === 'level') {
    level = lvp.level;
    i = lv.last;
  }
  const place = matchStartingAt(matches, nextMatch, i);
  const pp = place?.payloads[0];
  if (level !== 'commune' && place && pp?.kind === 'province' && allCapitalised(tokens, place)) return { province: pp, name: '', end: place.last };
  if (level === 'commune') {
    const name = capitalisedRun(tokens, i, 4, text);
    if (name) return { province: null, name: `${text.slice((tokens[from] as SyllableToken).start, (tokens[i] as SyllableToken).start)}${name.text}`.trim(), end: name.end };
  }
  return null;
}

/** A personal name after a title: 2–4 capitalised syllables starting with a Vietnamese surname. */
function personAfter(tokens: readonly SyllableToken[], from: number, text: string): string | null {
  const first = tokens[from];
  if (!first || first.breakBefore || !SURNAMES.has(first.folded)) return null;
  const run = capitalisedRun(tokens, from, 4, text);
  return run && run.count >= 2 ? run.text : null;
}

function capitalisedRun(tokens: readonly SyllableToken[], from: number, max: number, text: string): { text: string; end: number; count: number } | null {
  let i = from;
  while (i < tokens.length && i - from < max) {
    const t = tokens[i] as SyllableToken;
    if (!t.capital || t.upper || (i > from && t.breakBefore)) break;
    // Names are separated by single spaces only.
    if (i > from && text.slice((tokens[i - 1] as SyllableToken).end, t.start) !== ' ') break;
    i++;
  }
  if (i === from) return null;
  return { text: text.slice((tokens[from] as SyllableToken).start, (tokens[i - 1] as SyllableToken).end), end: i, count: i - from };
}
