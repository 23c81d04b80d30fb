import type { DemoServer } from './demo-server.js';
import { PASSWORDS } from './demo-server.js';

/** A response reduced to what tests check. */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A logged-in (or anonymous) HTTP client of the demo server. */
export interface ApiClient {
  cookie: string | null;
  csrf: string | null;
  request<T = any>(method: string, path: string, opts?: { body?: unknown; headers?: Record<string, string>; csrf?: boolean }): Promise<ApiResponse<T>>;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
}

/** Make a client; with a role it logs in first (cookie + CSRF token kept). */
export async function apiClient(server: DemoServer, role?: keyof typeof PASSWORDS | { bearer: string }): Promise<ApiClient> {
  const client: ApiClient = {
    cookie: null,
    csrf: null,
    async request(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      if (client.cookie) headers.cookie = client.cookie;
      if (role && typeof role === 'object') headers.authorization = `Bearer ${role.bearer}`;
      if (client.csrf && opts.csrf !== false && method !== 'GET') headers['x-csrf-token'] = client.csrf;
      const res = await fetch(`${server.url}${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
      const text = await res.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      return { status: res.status, headers: res.headers, body: body as never, text };
    },
    get: (path, headers) => client.request('GET', path, headers ? { headers } : {}),
    post: (path, body, headers) => client.request('POST', path, { body: body ?? {}, ...(headers ? { headers } : {}) }),
  };
  if (typeof role === 'string') {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: role, password: PASSWORDS[role] }) });
    if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${await res.text()}`);
    client.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? null;
    client.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }
  return client;
}
