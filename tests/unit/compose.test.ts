/**
 * docker-compose.yml agrees with the app: every app service's environment passes the app's own
 * env schema, names only known variables, points at the compose services' names and ports, and
 * the roles cover the whole pipeline. Dockerfile runs the CLI on the current Node LTS.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseRoles } from '../../src/app/roles.js';
import { envSchema } from '../../src/config/env.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Compose resolves `<<:` merge keys (YAML 1.1); so must we.
const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8'), { merge: true }) as Compose;
const dockerfile = readFileSync(`${root}Dockerfile`, 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | number | boolean>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  command?: string[];
  volumes?: string[];
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

const APP_SERVICES = ['crawler', 'analyser', 'indexer', 'trends', 'server'];
/** Roles `PULSE_ROLES` accepts, as documented in src/config/env.ts. */
const ROLES = ['crawl', 'fetch', 'analyse', 'index', 'scheduler', 'trends', 'server'];

const envOf = (name: string) =>
  Object.fromEntries(Object.entries(compose.services[name]?.environment ?? {}).map(([k, v]) => [k, String(v)]));

/** Container port of a `host:port:container` or `port` mapping. */
const containerPort = (mapping: string) => Number(mapping.split(':').at(-1));

describe('docker-compose.yml', () => {
  it('has the infrastructure and every app role as services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['analyser', 'crawler', 'elasticsearch', 'indexer', 'kibana', 'redis', 'server', 'trends']);
  });

  it.each(APP_SERVICES)('%s: environment passes the app env schema with only known variables', (name) => {
    const env = envOf(name);
    const parsed = envSchema.safeParse(env);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const known = new Set(Object.keys(envSchema.shape));
    expect(Object.keys(env).filter((k) => !known.has(k))).toEqual([]);
    expect(parsed.data?.PULSE_STORE).toBe('elasticsearch');
  });

  it.each(APP_SERVICES)('%s: URLs point at the compose services on their container ports', (name) => {
    const env = envOf(name);
    const es = new URL(env.ELASTICSEARCH_URL as string);
    expect(es.hostname).toBe('elasticsearch');
    expect((compose.services.elasticsearch?.ports ?? []).map(containerPort)).toContain(Number(es.port));
    const redis = new URL(env.REDIS_URL as string);
    expect(redis.protocol).toBe('redis:');
    expect(redis.hostname).toBe('redis');
    expect(Number(redis.port || 6379)).toBe(6379);
  });

  it.each(APP_SERVICES)('%s: built from the Dockerfile and started only after healthy dependencies', (name) => {
    const service = compose.services[name] as Service;
    expect(service.build?.dockerfile).toBe('Dockerfile');
    for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
      expect(condition).toBe('service_healthy');
      expect(compose.services[dependency]?.healthcheck?.test, `${dependency} needs a healthcheck`).toBeDefined();
    }
    expect(Object.keys(service.depends_on ?? {}).sort()).toEqual(['elasticsearch', 'redis']);
  });

  it('splits the pipeline roles across services, each role exactly once', () => {
    const roles = APP_SERVICES.flatMap((name) => (envOf(name).PULSE_ROLES ?? '').split(',').map((r) => r.trim()));
    for (const role of roles) expect(ROLES).toContain(role);
    expect([...roles].sort()).toEqual([...ROLES].sort());
  });

  it('uses roles the process launcher accepts', () => {
    for (const name of APP_SERVICES) {
      const spec = envOf(name).PULSE_ROLES as string;
      expect(parseRoles(spec)).toEqual(spec.split(','));
    }
  });

  it('publishes the server on its PORT and probes the health endpoint there', () => {
    const env = envOf('server');
    const port = Number(env.PORT);
    expect((compose.services.server?.ports ?? []).map(containerPort)).toEqual([port]);
    expect(env.HOST).toBe('0.0.0.0');
    expect(compose.services.server?.healthcheck?.test.join(' ')).toContain(`:${port}/api/health`);
  });

  it('keeps Redis data on a volume with AOF persistence and a health check', () => {
    const redis = compose.services.redis as Service;
    expect(redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(redis.volumes?.some((v) => v.endsWith(':/data') && v.split(':')[0]! in compose.volumes)).toBe(true);
    expect(redis.healthcheck?.test).toContain('ping');
  });

  it('runs Elasticsearch single-node with security explicitly set, and Kibana against it', () => {
    const es = compose.services.elasticsearch as Service;
    expect(es.environment?.['discovery.type']).toBe('single-node');
    expect(es.environment).toHaveProperty('xpack.security.enabled');
    expect(es.image).toMatch(/elasticsearch:8\.19\./);
    expect(es.healthcheck?.test.join(' ')).toContain('_cluster/health');
    const kibanaHosts = JSON.parse(String(compose.services.kibana?.environment?.ELASTICSEARCH_HOSTS)) as string[];
    expect(kibanaHosts).toEqual([envOf('server').ELASTICSEARCH_URL]);
    expect(compose.services.kibana?.depends_on?.elasticsearch?.condition).toBe('service_healthy');
    // Security is off, so nothing may listen beyond the host's loopback.
    for (const service of Object.values(compose.services)) {
      for (const mapping of service.ports ?? []) expect(mapping.startsWith('127.0.0.1:')).toBe(true);
    }
  });

  it('Dockerfile: current Node LTS image, production deps from the lockfile, CLI start command', () => {
    const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThan(0);
    for (const image of froms) expect(image).toBe('node:22-bookworm-slim');
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('CMD ["npx", "tsx", "src/cli/main.ts", "start"]');
  });
});
