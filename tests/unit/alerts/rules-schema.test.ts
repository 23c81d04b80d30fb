import { describe, expect, it } from 'vitest';
import { loadAlertsConfig, parseAlertsConfig } from '../../../src/alerts/rules-schema.js';
import { ConfigError } from '../../../src/config/yaml-file.js';

describe('alerts.yaml schema', () => {
  it('loads the shipped config/alerts.yaml with defaults filled in', () => {
    const cfg = loadAlertsConfig('config/alerts.yaml');
    expect(cfg.rules.length).toBeGreaterThan(0);
    expect(cfg.rules.every((r) => r.channels.every((c) => c in cfg.channels))).toBe(true);
    expect(cfg.digest.mode).toBe('immediate');
    const tg = cfg.channels['duty-telegram'];
    expect(tg?.type === 'telegram' && tg.apiBaseUrl).toBe('https://api.telegram.org');
    expect(Object.isFrozen(cfg)).toBe(true);
  });

  it('lists every problem with file, line and path', () => {
    const text = [
      'version: 1',
      'quietHours: { from: "25:00", to: "06:00" }',
      'channels:',
      '  hook:',
      '    type: webhook',
      '    url: ftp://example.org/x',
      '    secretEnv: lowercase',
      'rules:',
      '  - id: a',
      '    name: A',
      '    channels: [missing]',
      '  - id: a',
      '    name: B',
      '    scope: { keywords: ["thu hồi đất"], splitBy: topic }',
      '    channels: [hook]',
    ].join('\n');
    let error: ConfigError | null = null;
    try {
      parseAlertsConfig(text, 'alerts.yaml');
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = error!.problems.join('\n');
    expect(problems).toMatch(/alerts\.yaml:2 quietHours\.from: local time as HH:MM/);
    expect(problems).toMatch(/alerts\.yaml:6 channels\.hook\.url: must be an http\(s\) URL/);
    expect(problems).toMatch(/alerts\.yaml:7 channels\.hook\.secretEnv/);
    expect(problems).toMatch(/alerts\.yaml:11 rules\.0\.channels\.0: unknown channel "missing"/);
    expect(problems).toMatch(/rules\.1\.id: duplicate rule id "a"/);
    expect(problems).toMatch(/rules\.1\.scope\.splitBy: keyword rules are one series/);
  });

  it('rejects unknown keys (typos are errors, not silently ignored)', () => {
    expect(() => parseAlertsConfig('version: 1\nchanels: {}\nchannels: {}\nrules: []\n')).toThrow(/chanels|Unrecognized/);
  });
});
