import { describe, expect, it } from 'vitest';
import { withLoadRetry } from '../../../src/store/elasticsearch/retry.js';

const refused = (statusCode: number) => Object.assign(new Error(`status ${statusCode}`), { meta: { statusCode } });

describe('reads the node refuses for load', () => {
  it('retries 429 and 503 until the node answers', async () => {
    let calls = 0;
    const value = await withLoadRetry(async () => {
      calls++;
      if (calls === 1) throw refused(429);
      if (calls === 2) throw refused(503);
      return 'ok';
    }, { baseDelayMs: 1 });
    expect(value).toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up after the last attempt and passes other errors straight through', async () => {
    let calls = 0;
    await expect(withLoadRetry(async () => { calls++; throw refused(429); }, { attempts: 3, baseDelayMs: 1 })).rejects.toThrow('status 429');
    expect(calls).toBe(3);
    calls = 0;
    await expect(withLoadRetry(async () => { calls++; throw refused(400); }, { baseDelayMs: 1 })).rejects.toThrow('status 400');
    expect(calls).toBe(1);
  });
});
