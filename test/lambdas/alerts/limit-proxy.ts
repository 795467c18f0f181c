/**
 * An HTTP proxy in front of a fake platform API: it records every answer with its status (so a
 * test can count what really reached a channel) and can enforce a platform's rate limits with
 * 429 answers, the way the real API does: a global window and a window per route key.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyLimit {
  limit: number;
  windowMs: number;
}

export interface ProxyOptions {
  upstream: string;
  global?: ProxyLimit;
  perKey?: ProxyLimit;
  /** The rate-limit key of a request (e.g. the channel id), null for none. */
  keyOf?: (method: string, path: string) => string | null;
  /**
   * Answer with Discord's rate-limit headers as the real API does: on every limited request the
   * bucket's limit, what remains of it, when it resets and its id; on a 429 also whether the global
   * limit was hit (`x-ratelimit-global`, scope `global`) or the route's (scope `user`).
   */
  rateLimitHeaders?: boolean;
  /** Body of a 429 answer, given the seconds to wait. */
  tooMany?: (retryAfterSeconds: number) => { headers: Record<string, string>; body: unknown };
}

export interface ProxiedCall {
  method: string;
  path: string;
  status: number;
  json: unknown;
  atMs: number;
}

export interface LimitProxy {
  url: string;
  calls: ProxiedCall[];
  /** Requests answered 429 by the proxy because a limit was exceeded. */
  violations(): number;
  close(): Promise<void>;
}

class Window {
  private stamps: number[] = [];
  constructor(private readonly l: ProxyLimit) {}
  /** Requests left in the window, and ms until the oldest one leaves it. */
  state(now: number): { remaining: number; resetAfterMs: number } {
    this.stamps = this.stamps.filter((t) => t > now - this.l.windowMs);
    return {
      remaining: Math.max(0, this.l.limit - this.stamps.length),
      resetAfterMs: this.stamps.length > 0 ? this.stamps[0]! + this.l.windowMs - now : 0,
    };
  }
  get limit(): number {
    return this.l.limit;
  }
  waitMs(now: number): number {
    this.stamps = this.stamps.filter((t) => t > now - this.l.windowMs);
    return this.stamps.length < this.l.limit
      ? 0
      : this.stamps[this.stamps.length - this.l.limit]! + this.l.windowMs - now;
  }
  add(now: number): void {
    this.stamps.push(now);
  }
}

export async function startLimitProxy(options: ProxyOptions): Promise<LimitProxy> {
  const calls: ProxiedCall[] = [];
  let violations = 0;
  const global = options.global ? new Window(options.global) : null;
  const perKey = new Map<string, Window>();
  const tooMany =
    options.tooMany ??
    ((s: number) => ({
      headers: { 'retry-after': String(Math.ceil(s)), 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: s, global: false },
    }));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const now = Date.now();
    const key = options.keyOf?.(method, path) ?? null;
    let keyWindow: Window | null = null;
    if (key && options.perKey) {
      keyWindow = perKey.get(key) ?? new Window(options.perKey);
      perKey.set(key, keyWindow);
    }
    const globalWait = global?.waitMs(now) ?? 0;
    const wait = Math.max(globalWait, keyWindow?.waitMs(now) ?? 0);
    const bucket = (): Record<string, string> => {
      if (!options.rateLimitHeaders || !keyWindow || !key) return {};
      const st = keyWindow.state(Date.now());
      return {
        'x-ratelimit-limit': String(keyWindow.limit),
        'x-ratelimit-remaining': String(st.remaining),
        'x-ratelimit-reset': ((Date.now() + st.resetAfterMs) / 1000).toFixed(3),
        'x-ratelimit-reset-after': (st.resetAfterMs / 1000).toFixed(3),
        'x-ratelimit-bucket': `channel-messages-${key}`,
      };
    };
    if (wait > 0) {
      violations++;
      const answer = tooMany(wait / 1000);
      const scope =
        options.rateLimitHeaders && globalWait > 0
          ? { 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' }
          : {};
      calls.push({ method, path, status: 429, json: answer.body, atMs: now });
      res.writeHead(429, { 'content-type': 'application/json', ...answer.headers, ...bucket(), ...scope });
      res.end(JSON.stringify(answer.body));
      return;
    }
    global?.add(now);
    keyWindow?.add(now);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
    const upstream = await fetch(`${options.upstream}${path}`, {
      method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const text = await upstream.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    calls.push({ method, path, status: upstream.status, json, atMs: Date.now() });
    const out: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)) out[k] = v;
    });
    res.writeHead(upstream.status, { ...out, ...bucket() });
    res.end(text);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    violations: () => violations,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
