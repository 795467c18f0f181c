/**
 * One referendum's title from Subsquare's public API: `GET <base>/gov2/referendums/<id>` answers a
 * JSON object whose `title` is the post's title (404 when Subsquare has no post for the id). Every
 * way it can go wrong (unreachable, too slow, an HTTP error, a body that is not that object) is a
 * `failed` lookup with its reason, never an exception.
 */
import { offchainTitle } from '../../core/opengov/title.js';
import type { TitleLookup } from '../../core/opengov/title-cache.js';

/** Bodies larger than this are not a referendum's detail: refused as malformed. */
const MAX_BODY_BYTES = 2_000_000;

export function referendumUrl(baseUrl: string, id: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/gov2/referendums/${id}`;
}

export async function fetchSubsquareTitle(
  baseUrl: string,
  id: number,
  timeoutMs: number,
  fetchImpl: typeof fetch = fetch,
): Promise<TitleLookup> {
  const signal = AbortSignal.timeout(Math.max(1, timeoutMs));
  let status: number;
  let body: string;
  try {
    const response = await fetchImpl(referendumUrl(baseUrl, id), {
      headers: { accept: 'application/json' },
      signal,
    });
    status = response.status;
    body = await response.text();
  } catch (error) {
    const e = error as Error;
    if (signal.aborted) return { kind: 'failed', reason: `no answer within ${timeoutMs} ms` };
    const cause = (e.cause as Error | undefined)?.message;
    return { kind: 'failed', reason: `unreachable (${cause ?? e.message})` };
  }
  if (status === 404) return { kind: 'none' };
  if (status < 200 || status >= 300) return { kind: 'failed', reason: `HTTP ${status}` };
  if (body.length > MAX_BODY_BYTES) return { kind: 'failed', reason: 'malformed body (too large)' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'failed', reason: 'malformed body (not JSON)' };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { kind: 'failed', reason: 'malformed body (not an object)' };
  const { title, referendumIndex } = json as { title?: unknown; referendumIndex?: unknown };
  if (referendumIndex !== undefined && referendumIndex !== id)
    return { kind: 'failed', reason: `malformed body (it is about referendum ${String(referendumIndex)})` };
  if (title === undefined || title === null) return { kind: 'none' };
  if (typeof title !== 'string') return { kind: 'failed', reason: 'malformed body (title is not text)' };
  const shown = offchainTitle(title, 'subsquare');
  return shown ? { kind: 'title', text: shown.text } : { kind: 'none' };
}
