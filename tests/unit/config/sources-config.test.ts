import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/yaml-file.js';
import { loadSources, parseSources } from '../../../src/config/load-sources.js';
import { loadEnv } from '../../../src/config/env.js';

describe('sources.yaml', () => {
  it('the shipped file is valid and names the national and government outlets', () => {
    const file = loadSources('config');
    const ids = file.sources.map((s) => s.id);
    for (const outlet of ['vnexpress', 'tuoitre', 'thanhnien', 'dantri', 'baochinhphu', 'vietnamplus', 'xaydungchinhsach']) {
      expect(ids.some((id) => id.startsWith(outlet))).toBe(true);
    }
    expect(file.sources.every((s) => s.url.startsWith('https://'))).toBe(true);
    expect(Object.isFrozen(file.sources[0])).toBe(true);
  });

  it('lists every bad key with its line, not just the first', () => {
    const text = [
      'sources:',
      '  - id: ok-source',
      '    name: OK',
      '    kind: rss',
      '    url: https://example.vn/rss',
      '  - id: Bad Id',
      '    name: Bad',
      '    kind: rss',
      '    url: ftp://example.vn/x',
      '  - id: listing-no-selectors',
      '    name: L',
      '    kind: listing',
      '    url: https://example.vn/tin',
      '    colour: red',
    ].join('\n');
    let err: unknown;
    try {
      parseSources(text, 'sources.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toMatch(/sources\.yaml:6 sources\.1\.id/);
    expect(problems).toMatch(/sources\.yaml:9 sources\.1\.url/);
    expect(problems).toMatch(/sources\.yaml:1\d sources\.2/);
    expect((err as ConfigError).problems.length).toBeGreaterThanOrEqual(3);
  });

  it('rejects duplicate ids and YAML syntax errors with a line', () => {
    const dup = 'sources:\n  - { id: a-1, name: A, kind: rss, url: "https://a.vn/rss" }\n  - { id: a-1, name: B, kind: rss, url: "https://b.vn/rss" }\n';
    expect(() => parseSources(dup)).toThrow(/duplicate source id "a-1"/);
    expect(() => parseSources('sources:\n  - id: [unclosed\n')).toThrow(/sources\.yaml:\d+/);
  });
});

describe('environment', () => {
  it('applies defaults and rejects bad values all at once', () => {
    const env = loadEnv({});
    expect(env.PULSE_STORE).toBe('sqlite');
    expect(env.HOST).toBe('127.0.0.1');
    expect(() => loadEnv({ PULSE_STORE: 'mongo', PORT: 'abc' })).toThrow(/PULSE_STORE[\s\S]*PORT/);
  });
});
