/**
 * A fake Discord REST API on 127.0.0.1 for tests: `@discordjs/rest` reaches it through its `api`
 * option. It records every request (JSON bodies parsed, multipart bodies split into payload and
 * files), answers like Discord for the routes the bot uses, and answers errors on demand: 429 with
 * retry_after, 403 Missing Access, 404 Unknown Channel, 500 (also after the message was created, as
 * when an answer is lost). Channel messages keep Discord's nonce rules: a nonce of at most 25
 * characters, and with `enforce_nonce` a nonce the same author (bot token) used within the window
 * gets the message already created back, and no new one. Discord documents the check per author, not
 * per channel, so the fake does the same: the stricter reading. Messages can be edited (PATCH
 * `/channels/{channel}/messages/{id}`), deleted as a member would (`deleteMessage`: an edit of it
 * is then 404 Unknown Message, code 10008) and listed (GET `/channels/{channel}/messages` with
 * `after`, newest first, each with the bot user as its author).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedFile {
  field: string;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface RecordedRequest {
  method: string;
  /** Path after the API root and version, e.g. "/channels/123/messages". */
  route: string;
  headers: IncomingMessage['headers'];
  /** JSON body (or multipart payload_json), undefined when there was none. */
  json: unknown;
  files: RecordedFile[];
  atMs: number;
}

export type Failure =
  | { status: 429; retryAfterSeconds: number; global?: boolean }
  | { status: 403 | 404 | 400 | 401; code?: number; message?: string }
  /** `afterCreate`: a channel message is created all the same, and only the answer is an error. */
  | { status: 500 | 502 | 503; afterCreate?: boolean };

/** A message the fake created in a channel (a nonce answered with an existing one creates none). */
export interface CreatedMessage {
  id: string;
  channelId: string;
  nonce?: string | number;
  json: Record<string, unknown>;
  atMs: number;
}

/** The bot's own user, the author of every message the fake creates. */
export const FAKE_BOT_USER = { id: '1290000000000000001', username: 'Herald', bot: true };

const DISCORD_EPOCH = 1_420_070_400_000n;

export interface FakeDiscordOptions {
  /** How long an enforced nonce returns the message it created (default 3 minutes, Discord's "few"). */
  nonceWindowMs?: number;
}

interface PlannedFailure {
  method: string | null;
  route: RegExp;
  failure: Failure;
  remaining: number;
}

export interface FakeDiscord {
  /** Root to hand to `new REST({ api })`. */
  api: string;
  requests: RecordedRequest[];
  /** Requests whose route matches, in order. */
  matching(method: string, route: RegExp): RecordedRequest[];
  /** Channel messages created, in order; of one channel when given. */
  created(channelId?: string): CreatedMessage[];
  /** Messages the channel shows now (after edits; deleted ones left out), oldest first. */
  shown(channelId: string): CreatedMessage[];
  /** Edits a message received, by message id. */
  edits(messageId: string): number;
  /** Deletes a message as a member would. */
  deleteMessage(channelId: string, messageId: string): void;
  /** Answers the next `times` requests matching method and route with the failure. */
  fail(method: string | null, route: RegExp, failure: Failure, times?: number): void;
  /** DM channel the fake opens for a user id. */
  dmChannelOf(userId: string): string;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_ERRORS: Record<number, { code: number; message: string }> = {
  400: { code: 50035, message: 'Invalid Form Body' },
  401: { code: 0, message: '401: Unauthorized' },
  403: { code: 50001, message: 'Missing Access' },
  404: { code: 10003, message: 'Unknown Channel' },
};

let snowflake = 1_300_000_000_000_000_000n;
const nextId = () => String(++snowflake);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(
  req: IncomingMessage,
  body: Buffer,
): Promise<{ json: unknown; files: RecordedFile[] }> {
  const type = req.headers['content-type'] ?? '';
  if (body.length === 0) return { json: undefined, files: [] };
  if (type.startsWith('application/json')) return { json: JSON.parse(body.toString('utf8')), files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
    let json: unknown;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') json = JSON.parse(value);
      } else {
        files.push({
          field,
          fileName: value.name,
          contentType: value.type,
          bytes: new Uint8Array(await value.arrayBuffer()),
        });
      }
    }
    return { json, files };
  }
  return { json: body.toString('utf8'), files: [] };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function answerFailure(res: ServerResponse, failure: Failure): void {
  if (failure.status === 429) {
    const headers: Record<string, string> = {
      'retry-after': String(Math.ceil(failure.retryAfterSeconds)),
      'x-ratelimit-scope': failure.global ? 'global' : 'user',
    };
    if (failure.global) headers['x-ratelimit-global'] = 'true';
    send(
      res,
      429,
      {
        message: 'You are being rate limited.',
        retry_after: failure.retryAfterSeconds,
        global: !!failure.global,
      },
      headers,
    );
    return;
  }
  if (failure.status >= 500) {
    send(res, failure.status, { message: 'Internal Server Error', code: 0 });
    return;
  }
  const base = DEFAULT_ERRORS[failure.status]!;
  const f = failure as { code?: number; message?: string };
  send(res, failure.status, { code: f.code ?? base.code, message: f.message ?? base.message });
}

/**
 * Null when Discord would take the message components, else why not: at most 5 action rows of at
 * most 5 buttons; a button has a label of 1-80 characters, and a link button (style 5) an http(s)
 * URL of at most 512 characters and no custom id.
 */
export function componentsProblem(components: unknown): string | null {
  if (components === undefined) return null;
  if (!Array.isArray(components) || components.length > 5) return 'components: at most 5 action rows';
  for (const row of components as Array<Record<string, unknown>>) {
    const buttons = row?.components;
    if (row?.type !== 1 || !Array.isArray(buttons) || buttons.length === 0 || buttons.length > 5)
      return 'an action row holds 1 to 5 components';
    for (const b of buttons as Array<Record<string, unknown>>) {
      if (b?.type !== 2) return 'only buttons are expected';
      if (typeof b.label !== 'string' || b.label.length === 0 || b.label.length > 80)
        return 'button label 1-80';
      if (b.style === 5) {
        if (typeof b.url !== 'string' || !/^https?:\/\/\S+$/.test(b.url) || b.url.length > 512)
          return 'a link button needs an http(s) url of at most 512 characters';
        if (b.custom_id !== undefined) return 'a link button has no custom_id';
      } else if (typeof b.custom_id !== 'string') return 'a button needs a custom_id';
    }
  }
  return null;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const nonceWindowMs = options.nonceWindowMs ?? 3 * 60_000;
  const requests: RecordedRequest[] = [];
  const messages: CreatedMessage[] = [];
  const deleted = new Set<string>();
  const editCounts = new Map<string, number>();
  /** By author and nonce: the message an enforced nonce created. */
  const nonces = new Map<string, CreatedMessage>();
  let planned: PlannedFailure[] = [];
  const dmChannels = new Map<string, string>();
  const commands = new Map<string, unknown[]>();
  const dmChannelOf = (userId: string) => {
    let id = dmChannels.get(userId);
    if (!id) {
      id = nextId();
      dmChannels.set(userId, id);
    }
    return id;
  };

  /** Creates a channel message, or finds the one an enforced nonce already created; null if the nonce is bad. */
  const postMessage = (channelId: string, body: Record<string, unknown>, author: string) => {
    const nonce = body.nonce;
    if (nonce !== undefined) {
      const valid =
        (typeof nonce === 'string' && nonce.length <= 25) ||
        (typeof nonce === 'number' && Number.isInteger(nonce));
      if (!valid) return null;
    }
    const key = nonce !== undefined && body.enforce_nonce === true ? `${author}\n${String(nonce)}` : null;
    const earlier = key ? nonces.get(key) : undefined;
    if (earlier && Date.now() - earlier.atMs <= nonceWindowMs) return earlier;
    const created: CreatedMessage = {
      id: nextId(),
      channelId,
      ...(nonce !== undefined ? { nonce: nonce as string | number } : {}),
      json: body,
      atMs: Date.now(),
    };
    messages.push(created);
    if (key) nonces.set(key, created);
    return created;
  };
  const messageRoute = (method: string, route: string) =>
    method === 'POST' ? (/^\/channels\/([0-9]+)\/messages$/.exec(route)?.[1] ?? null) : null;
  const shown = (channelId: string) =>
    messages.filter((m) => m.channelId === channelId && !deleted.has(m.id));
  const asMessage = (m: CreatedMessage) => ({
    id: m.id,
    channel_id: m.channelId,
    author: FAKE_BOT_USER,
    ...m.json,
  });

  const respond = (
    res: ServerResponse,
    req: IncomingMessage,
    method: string,
    route: string,
    json: unknown,
  ) => {
    const body = (json ?? {}) as Record<string, unknown>;
    const channelId = messageRoute(method, route);
    if (channelId) {
      if (componentsProblem(body.components) !== null) return answerFailure(res, { status: 400 });
      const message = postMessage(channelId, body, String(req.headers.authorization ?? ''));
      if (!message) return answerFailure(res, { status: 400 });
      return send(res, 200, asMessage(message));
    }
    const one = /^\/channels\/([0-9]+)\/messages\/([0-9]+)$/.exec(route);
    if (one && method === 'PATCH') {
      const m = shown(one[1]!).find((x) => x.id === one[2]);
      if (!m) return answerFailure(res, { status: 404, code: 10008, message: 'Unknown Message' });
      if (componentsProblem(body.components) !== null) return answerFailure(res, { status: 400 });
      m.json = { ...m.json, ...body };
      editCounts.set(m.id, (editCounts.get(m.id) ?? 0) + 1);
      return send(res, 200, asMessage(m));
    }
    const list = /^\/channels\/([0-9]+)\/messages$/.exec(route);
    if (list && method === 'GET') {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const after = url.searchParams.get('after');
      const sinceMs = after ? Number((BigInt(after) >> 22n) + DISCORD_EPOCH) : 0;
      const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 50));
      const found = shown(list[1]!)
        .filter((m) => m.atMs > sinceMs)
        .reverse()
        .slice(0, limit);
      return send(res, 200, found.map(asMessage));
    }
    if (method === 'GET' && route === '/users/@me') return send(res, 200, FAKE_BOT_USER);
    if (method === 'POST' && route === '/users/@me/channels') {
      const recipient = String(body.recipient_id ?? '');
      if (!/^[0-9]+$/.test(recipient)) return answerFailure(res, { status: 400 });
      return send(res, 200, { id: dmChannelOf(recipient), type: 1, recipients: [{ id: recipient }] });
    }
    const webhook = /^\/webhooks\/([0-9]+)\/([^/]+)(\/messages\/@original)?$/.exec(route);
    if (webhook && (method === 'PATCH' || method === 'POST'))
      return send(res, 200, { id: nextId(), ...body });
    const registered = /^\/applications\/([0-9]+)(\/guilds\/([0-9]+))?\/commands$/.exec(route);
    if (registered) {
      const key = `${registered[1]}:${registered[3] ?? 'global'}`;
      if (method === 'PUT') {
        const list = (Array.isArray(json) ? json : []).map((c) => ({
          id: nextId(),
          application_id: registered[1],
          ...c,
        }));
        commands.set(key, list);
        return send(res, 200, list);
      }
      if (method === 'GET') return send(res, 200, commands.get(key) ?? []);
    }
    send(res, 404, { message: '404: Not Found', code: 0 });
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = decodeURIComponent(url.pathname.replace(/^\/api(\/v[0-9]+)?/, ''));
      const method = req.method ?? 'GET';
      let parsed: { json: unknown; files: RecordedFile[] };
      try {
        parsed = await parseBody(req, await readBody(req));
      } catch {
        return send(res, 400, { code: 50109, message: 'The request body contains invalid JSON.' });
      }
      requests.push({ method, route, headers: req.headers, ...parsed, atMs: Date.now() });
      const plan = planned.find((p) => (p.method === null || p.method === method) && p.route.test(route));
      if (plan) {
        plan.remaining -= 1;
        if (plan.remaining <= 0) planned = planned.filter((p) => p !== plan);
        const channelId = messageRoute(method, route);
        if (channelId && 'afterCreate' in plan.failure && plan.failure.afterCreate)
          postMessage(
            channelId,
            (parsed.json ?? {}) as Record<string, unknown>,
            String(req.headers.authorization ?? ''),
          );
        return answerFailure(res, plan.failure);
      }
      respond(res, req, method, route, parsed.json);
    })().catch((error: unknown) => send(res, 500, { message: String(error), code: 0 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    api: `http://127.0.0.1:${port}/api`,
    requests,
    matching: (method, route) => requests.filter((r) => r.method === method && route.test(r.route)),
    created: (channelId) => messages.filter((m) => channelId === undefined || m.channelId === channelId),
    shown,
    edits: (messageId) => editCounts.get(messageId) ?? 0,
    deleteMessage: (_channelId, messageId) => {
      deleted.add(messageId);
    },
    fail: (method, route, failure, times = 1) => {
      planned.push({ method, route, failure, remaining: times });
    },
    dmChannelOf,
    reset: () => {
      requests.length = 0;
      messages.length = 0;
      nonces.clear();
      planned = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
