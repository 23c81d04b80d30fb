/** Client of the policy-pulse JSON API (same origin, session cookie + CSRF header on writes). */

export interface User { id: string; username: string; role: 'viewer' | 'officer' | 'admin' }
export interface Me { user: User; via: string; csrfToken: string | null; devMode: boolean }
export interface Topic { id: string; name: { vi: string; en: string } }
export interface Policy { id: string; name: string }
export type Sentiment = 'positive' | 'negative' | 'neutral';
export interface Evidence { text: string; field: 'title' | 'lead' | 'text'; start: number; end: number; polarity: Sentiment; weight: number }
export interface Labels {
  topics: { id: string; score: number }[];
  policies: string[];
  sentiment: { label: Sentiment; score: number; confidence: number; evidence: Evidence[] };
  entities: { type: string; id: string; name: string; count: number }[];
  provinces: string[];
  storyId: string | null;
}
export interface ItemSummary {
  id: string; url: string; sourceId: string; sourceName: string; tier: string; title: string; lead: string | null;
  publishedAt: string; partial: boolean; labels: Labels | null;
}
export interface Item extends ItemSummary { text: string; author: string | null; section: string | null; sourceProvince: string | null }
export interface SeriesPoint { bucket: string; key: string; count: number }
export interface Alert {
  id: string; topic: string; severity: string; kind: string; status: 'open' | 'acknowledged' | 'resolved'; title: string; summary: string | null;
  createdAt: string; updatedAt: string; acknowledgedBy?: string | null; resolvedBy?: string | null;
  explanation?: { outlets?: { name: string; count: number }[]; evidence?: { text: string }[]; topTerms?: { term: string; count: number }[] } | null;
}
export interface Story { storyId: string; title: string; items: number; outlets: { sourceId: string; name: string; count: number }[]; firstAt: string; lastAt: string; sentiment: Record<Sentiment, number>; topics: string[]; leadItemId: string }

/** An API error with the server's code. */
export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Remember the session's CSRF token (from login or /me). */
export function setCsrf(token: string | null): void {
  csrfToken = token;
}

/** Call the API; throws {@link ApiFailure} with the structured error. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.method && init.method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(path, { method: init.method ?? 'GET', headers, credentials: 'same-origin', ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const data = (await res.json().catch(() => null)) as ({ error?: { code: string; message: string } } & T) | null;
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/auth/')) window.dispatchEvent(new Event('pulse:unauthenticated'));
    throw new ApiFailure(res.status, data?.error?.code ?? 'http_error', data?.error?.message ?? `HTTP ${res.status}`);
  }
  return data as T;
}

/** Build a query string, skipping empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
