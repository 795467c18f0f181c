import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTitles, startFakeTitles } from '../../../dev/offchain/fake-titles.js';
import { fetchSubsquareTitle } from '../../../lambdas/titles/subsquare.js';

describe('the fake titles API', () => {
  let fake: FakeTitles;
  beforeAll(async () => {
    fake = await startFakeTitles({ titles: { 7: 'Seven' } });
  });
  afterAll(() => fake?.close());

  it('answers like Subsquare, and is switched to another mode over HTTP', async () => {
    const ok = await fetch(`${fake.url}/gov2/referendums/7`);
    expect(await ok.json()).toMatchObject({ referendumIndex: 7, title: 'Seven' });
    expect((await fetch(`${fake.url}/gov2/referendums/8`)).status).toBe(404);
    expect(await fetchSubsquareTitle(fake.url, 8, 1_000)).toEqual({ kind: 'none' });

    const bad = await fetch(`${fake.url}/fake/mode`, { method: 'POST', body: 'sideways' });
    expect(bad.status).toBe(400);
    expect(fake.mode()).toBe('up');
    const set = await fetch(`${fake.url}/fake/mode`, { method: 'POST', body: 'error' });
    expect(await set.json()).toEqual({ mode: 'error' });
    expect(await fetchSubsquareTitle(fake.url, 7, 1_000)).toEqual({ kind: 'failed', reason: 'HTTP 500' });
    fake.setMode('up');
    expect(await fetchSubsquareTitle(fake.url, 7, 1_000)).toEqual({ kind: 'title', text: 'Seven' });
  });

  it('refuses an answer about another referendum or with a title that is not text', async () => {
    let body: unknown = null;
    const server = createServer((_req, res) => res.end(JSON.stringify(body)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const other = async (next: unknown) => {
      body = next;
      return fetchSubsquareTitle(url, 7, 1_000);
    };
    expect(await other({ referendumIndex: 8, title: 'Eight' })).toEqual({
      kind: 'failed',
      reason: 'malformed body (it is about referendum 8)',
    });
    expect(await other({ referendumIndex: 7, title: 42 })).toEqual({
      kind: 'failed',
      reason: 'malformed body (title is not text)',
    });
    expect(await other([1, 2])).toEqual({ kind: 'failed', reason: 'malformed body (not an object)' });
    expect(await other({ referendumIndex: 7, title: null })).toEqual({ kind: 'none' });
    await new Promise((resolve) => server.close(resolve));
  });
});
