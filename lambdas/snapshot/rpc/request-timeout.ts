/** A request that got no answer in time, and how it is named in the error. */

/** One RPC request went unanswered for its timeout; the read fails over to the next endpoint. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';

  constructor(
    readonly request: string,
    readonly endpoint: string,
    readonly timeoutMs: number,
  ) {
    super(`${request} to ${endpoint} got no answer within ${timeoutMs} ms (the request timeout)`);
  }
}

const HEX_PREFIX = 66;
const shortKey = (key: string) => (key.length > HEX_PREFIX ? `${key.slice(0, HEX_PREFIX)}…` : key);

/**
 * The method and what it asked for, short: storage keys by their item prefix (`0x` and the 32
 * bytes of the pallet's and item's hashes) and how many there were.
 */
export function requestLabel(method: string, params: readonly unknown[]): string {
  const [first] = params;
  if (Array.isArray(first)) {
    const keys = first.filter((k): k is string => typeof k === 'string');
    const prefixes = [...new Set(keys.map((k) => k.slice(0, HEX_PREFIX)))];
    const shown =
      prefixes.slice(0, 3).join(', ') + (prefixes.length > 3 ? `, ${prefixes.length - 3} more` : '');
    return `${method} of ${first.length} keys (under ${shown || 'no prefix'})`;
  }
  if (typeof first === 'string' && first.startsWith('0x')) return `${method}(${shortKey(first)})`;
  if (typeof first === 'string') return `${method}(${first})`;
  return method;
}
