/**
 * What each storage item costs on the line: the latency proxy's optional breakdown of requests and
 * bytes by what they read. A storage call is labelled by the 32-byte prefix of the keys it carries
 * (twox128(pallet) ++ twox128(item)); a `state_queryStorageAt` batch mixing the keys of several
 * items (the readers share batches) is split pair by pair, each `[key, value]` counted for its own
 * item. Any other call is labelled by its method. Only counts: nothing is changed on the way.
 */

/** Requests and bytes each way for one label. */
export interface TrafficCount {
  requests: number;
  bytesSent: number;
  bytesReceived: number;
}

export type Traffic = Record<string, TrafficCount>;

/** '0x' and 32 bytes of hex: the pallet and item hashes that start every key of a storage item. */
const PREFIX_CHARS = 66;

const STORAGE_BY_KEY = new Set([
  'state_getStorage',
  'state_getStorageAt',
  'state_getStorageHash',
  'state_getStorageSize',
]);

export interface LabelledCall {
  /** Labels and the bytes of the request each accounts for (all of them sum to the request). */
  sent: Array<[string, number]>;
  method: string;
  /** The first label: what the response's envelope counts against. */
  main: string;
}

const labelOf = (key: unknown): string | null =>
  typeof key === 'string' && key.startsWith('0x') && key.length >= PREFIX_CHARS
    ? key.slice(0, PREFIX_CHARS)
    : null;

/** One call of a request (its method and params) and its share of `bytes`, the request's size. */
export function labelCall(method: string, params: unknown, bytes: number): LabelledCall {
  const list = Array.isArray(params) ? params : [];
  if (method === 'state_queryStorageAt' && Array.isArray(list[0])) {
    const shares = new Map<string, number>();
    let counted = 0;
    for (const key of list[0] as unknown[]) {
      const label = labelOf(key) ?? method;
      const size = typeof key === 'string' ? key.length + 3 : 0;
      shares.set(label, (shares.get(label) ?? 0) + size);
      counted += size;
    }
    const sent = [...shares.entries()];
    const main = sent[0]?.[0] ?? method;
    if (sent.length === 0) sent.push([method, 0]);
    sent[0]![1] += Math.max(0, bytes - counted);
    return { sent, method, main };
  }
  const main =
    (method === 'state_getKeysPaged' || method === 'state_getKeys' || STORAGE_BY_KEY.has(method)
      ? labelOf(list[0])
      : null) ?? method;
  return { sent: [[main, bytes]], method, main };
}

/** Splits a response of `bytes` (its JSON `payload`) among the labels it answers for. */
export function labelResponse(call: LabelledCall, payload: string, bytes: number): Array<[string, number]> {
  if (call.method !== 'state_queryStorageAt') return [[call.main, bytes]];
  let parsed: { result?: Array<{ changes?: Array<[string, string | null]> }> };
  try {
    parsed = JSON.parse(payload);
  } catch {
    return [[call.main, bytes]];
  }
  const shares = new Map<string, number>();
  let counted = 0;
  for (const set of parsed.result ?? [])
    for (const [key, value] of set.changes ?? []) {
      const label = labelOf(key) ?? call.main;
      // Two quotes, a comma and brackets around the pair; `null` where nothing is stored.
      const size = key.length + (value === null ? 4 : value.length + 2) + 6;
      shares.set(label, (shares.get(label) ?? 0) + size);
      counted += size;
    }
  shares.set(call.main, (shares.get(call.main) ?? 0) + Math.max(0, bytes - counted));
  return [...shares.entries()];
}

export function addTraffic(into: Traffic, label: string, add: Partial<TrafficCount>): void {
  into[label] ??= { requests: 0, bytesSent: 0, bytesReceived: 0 };
  const row = into[label];
  row.requests += add.requests ?? 0;
  row.bytesSent += add.bytesSent ?? 0;
  row.bytesReceived += add.bytesReceived ?? 0;
}

/** Labels renamed (a prefix to `Pallet.Item`) and merged; unknown prefixes stay as they are. */
export function namedTraffic(traffic: Traffic, names: ReadonlyMap<string, string>): Traffic {
  const out: Traffic = {};
  for (const [label, row] of Object.entries(traffic)) addTraffic(out, names.get(label) ?? label, row);
  return out;
}
