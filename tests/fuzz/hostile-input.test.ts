/**
 * Fixed nasty inputs against every parser, each in its own child process: a case must end within
 * its time budget and memory cap, with a result or one of our typed errors naming the input.
 * Known bugs in files owned by engineers still at work are `it.fails` (they pass while the bug
 * is there and turn red once it is fixed: then change them to `it`).
 */
import { spawn } from 'node:child_process';
import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES, HOSTILE_FILE, HOSTILE_URL } from './hostile-cases.js';

interface CaseReport { outcome: 'ok' | 'threw' | 'timeout' | 'crashed'; errorName?: string; code?: string; message?: string; ms: number; peakRssMb?: number; stderr?: string }

/** Heap cap of the child: a case needing more dies, which counts as unbounded memory. */
const HEAP_CAP_MB = 768;
const TYPED_ERRORS = new Set(['PermanentError', 'TransientError', 'RetryLaterError', 'ConfigError']);

/** Two children at a time: this machine has two cores and time budgets must stay meaningful. */
const slots = pLimit(2);

function runCase(name: string, budgetMs: number): Promise<CaseReport> {
  return slots(() => runCaseNow(name, budgetMs));
}

function runCaseNow(name: string, budgetMs: number): Promise<CaseReport> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--import', 'tsx', 'tests/fuzz/run-hostile-case.ts', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    // Process start-up (tsx compile) is not the case's fault: add a fixed allowance.
    const timer = setTimeout(() => child.kill('SIGKILL'), budgetMs + 4_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop();
      if (line && code === 0) return resolve(JSON.parse(line) as CaseReport);
      resolve({ outcome: signal === 'SIGKILL' ? 'timeout' : 'crashed', ms: Date.now() - started, stderr: err.slice(-400) });
    });
  });
}

/** Cases that need more than the default budget, with why. */
const BUDGET_MS: Record<string, number> = {
  // 20 MB of paragraphs is the fetcher's decoded-size cap: the worst page we accept.
  'article: 20 MB page (the fetcher cap)': 30_000,
  // xml2js and parse5 copy a 10 MB attribute a few times: seconds, not a hang.
  'feed: 10 MB attribute and NUL bytes': 30_000,
  'listing: 10 MB attribute': 30_000,
};
const DEFAULT_BUDGET_MS = 12_000;

/**
 * Real bugs found by this suite, in files whose owners were still working (see docs/RELIABILITY.md).
 * Empty since the deep-nesting fixes (src/sources/html-depth.ts); keep the mechanism for the next one.
 */
const KNOWN_BUGS: Record<string, string> = {};

/** Cases whose result must be exactly this summary: nothing useful may be lost on the way. */
const EXPECTED_SUMMARY: Record<string, string> = {
  'feed: 100k nested HTML in a CDATA description': JSON.stringify([`a|${HOSTILE_URL}/a|x`]),
  'listing: 100k nested HTML': JSON.stringify(['T|http://hostile.example.vn/x']),
};

function assertAcceptable(name: string, r: CaseReport, budgetMs: number): void {
  expect(r.outcome, `${name}: ${r.outcome} ${r.stderr ?? ''}`).not.toMatch(/timeout|crashed/);
  expect(r.ms, `${name} took ${r.ms} ms`).toBeLessThan(budgetMs);
  expect(r.peakRssMb ?? 0, `${name} peak RSS`).toBeLessThan(HEAP_CAP_MB + 256);
  if (r.outcome === 'threw') {
    expect(TYPED_ERRORS.has(r.errorName ?? ''), `${name} threw an untyped ${r.errorName}: ${r.message}`).toBe(true);
    // The message must say which input was bad: the feed/page URL, the config file, or the URL text itself.
    expect(r.message).toMatch(new RegExp(`${HOSTILE_URL.replace(/[.]/g, '\\.')}|${HOSTILE_FILE}|hostile\\.example\\.vn|javascript:`));
  }
}

describe.concurrent('hostile input: no crash, no hang, bounded memory, a clear error', () => {
  for (const name of Object.keys(HOSTILE_CASES)) {
    const budget = BUDGET_MS[name] ?? DEFAULT_BUDGET_MS;
    const bug = KNOWN_BUGS[name];
    const test = bug ? it.fails : it;
    test(bug ? `${name} — KNOWN BUG: ${bug}` : name, async () => {
      const report = await runCase(name, budget);
      assertAcceptable(name, report, budget);
      const expected = EXPECTED_SUMMARY[name];
      if (expected !== undefined) expect((report as CaseReport & { summary?: string }).summary, name).toBe(expected);
    }, 240_000);
  }

  it('the XML parsers never expand entities: billion laughs stays small, XXE reads no file', async () => {
    const [feed, sitemap, xxe] = await Promise.all([runCase('feed: billion laughs', 10_000), runCase('sitemap: billion laughs', 10_000), runCase('feed: external entity (XXE)', 10_000)]);
    for (const r of [feed, sitemap, xxe]) expect(r.peakRssMb ?? Infinity).toBeLessThan(400);
    expect(xxe.outcome === 'threw' || !/root:/.test(JSON.stringify(xxe))).toBe(true);
  }, 240_000);

  it('absurd dates give null, never a shifted instant', async () => {
    const r = await runCase('dates: absurd values', 10_000) as CaseReport & { summary?: string };
    expect(r.outcome).toBe('ok');
    const values = JSON.parse(r.summary ?? '[]') as (string | null)[];
    // Every value is impossible, the last one an offset no zone has (GMT+99).
    expect(values.every((v) => v === null)).toBe(true);
  }, 240_000);
});
