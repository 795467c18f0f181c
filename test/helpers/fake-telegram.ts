/**
 * A fake Telegram Bot API on 127.0.0.1 for tests and benchmarks. It records every call, checks
 * what the real API checks (token, HTML markup, lengths, button data), answers like the real API,
 * can answer 429, 403, 400 or 500 on demand, and can enforce the real send limits (edits count
 * too). It keeps the messages it sent, so edits change them: `editMessageText` of a photo, an edit
 * that changes nothing ("message is not modified") and an edit of a message deleted with
 * `deleteMessage` ("message to edit not found") are refused as Telegram refuses them.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** JSON bodies as sent; multipart and form fields as strings, with JSON fields decoded. */
  params: Record<string, unknown>;
  /** Uploaded files by field name. */
  files: Record<string, { name: string; type: string; size: number; bytes: Uint8Array }>;
  atMs: number;
  /** The HTTP status the fake answered with. */
  status: number;
}

export type FakeFailure =
  | { code: 429; retryAfter: number }
  | { code: 400 | 403; description: string; migrateTo?: number }
  | { code: 500 | 502 };

export interface FailureRule {
  method?: string;
  chatId?: string;
  /** How many matching calls fail (default 1). */
  times?: number;
  failure: FakeFailure;
}

export interface SendLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
  perGroupPerMinute: number;
}

export interface FakeTelegramOptions {
  token?: string;
  bot?: { id: number; username: string; first_name?: string };
  /** Enforce Telegram's send limits with 429 answers (off unless given). */
  limits?: SendLimits;
  /**
   * How much earlier than its window a send may arrive and still count as paced: requests leave a
   * limiter on time but reach the server bunched when the machine is busy (default 0: exact).
   */
  arrivalToleranceMs?: number;
}

/** A message as the chat shows it now (after its edits). */
export interface ChatMessage {
  chatId: string;
  messageId: number;
  form: 'text' | 'photo';
  text?: string;
  caption?: string;
  /** Bytes of the photo shown now (changed by editMessageMedia). */
  photoSize?: number;
  replyMarkup?: unknown;
  edits: number;
}

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  bot: { id: number; username: string; first_name: string };
  calls: RecordedCall[];
  callsOf(method: string): RecordedCall[];
  /** Messages that reached a chat (successful sends), in order. */
  delivered(chatId?: string): RecordedCall[];
  fail(rule: FailureRule): void;
  /** Every send to the chat fails like this until cleared with null. */
  setChat(chatId: string, failure: FakeFailure | null): void;
  setMember(
    chatId: string,
    userId: number,
    status: 'creator' | 'administrator' | 'member' | 'left' | 'kicked',
  ): void;
  /** Messages the chat shows now (deleted ones left out), oldest first. */
  messages(chatId: string): ChatMessage[];
  /** Deletes a message as a chat member would: edits of it are then "message to edit not found". */
  deleteMessage(chatId: string, messageId: number): void;
  /** 429 answers given because a limit was exceeded. */
  limitViolations(): number;
  reset(): void;
  close(): Promise<void>;
}

const SEND_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument']);
const EDIT_METHODS = new Set(['editMessageText', 'editMessageMedia', 'editMessageCaption']);
const LIMITED = new Set([...SEND_METHODS, ...EDIT_METHODS]);
const ALLOWED_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'tg-spoiler',
  'span',
  'blockquote',
  'tg-emoji',
]);

/** Null when Telegram would accept the HTML, else its error description. */
export function htmlProblem(html: string): string | null {
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>|<|&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);|&/g;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const at = `at byte offset ${Buffer.byteLength(html.slice(0, m.index))}`;
    if (m[0] === '<') return `can't parse entities: Unexpected end of name token ${at}`;
    if (m[0] === '&') return `can't parse entities: Character '&' is reserved and must be escaped ${at}`;
    if (m[0].startsWith('&')) {
      if (!m[4]!.startsWith('#') && !['lt', 'gt', 'amp', 'quot'].includes(m[4]!))
        return `can't parse entities: Unsupported HTML entity "${m[0]}" ${at}`;
      continue;
    }
    const [, closing, name = '', attributes = ''] = m;
    const tag = name.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) return `can't parse entities: Unsupported start tag "${tag}" ${at}`;
    if (closing) {
      if (stack.pop() !== tag)
        return `can't parse entities: Unmatched end tag ${at}, expected "</${stack.at(-1) ?? ''}>", found "</${tag}>"`;
    } else {
      if (tag === 'a' && !/^\s+href="[^"]*"\s*$/.test(attributes))
        return `can't parse entities: bad <a> attributes ${at}`;
      stack.push(tag);
    }
  }
  if (stack.length > 0)
    return `can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`;
  return null;
}

function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, '').replace(/&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);/g, '_').length;
}

function markupProblem(markup: unknown): string | null {
  if (markup === undefined) return null;
  const m = (typeof markup === 'string' ? JSON.parse(markup) : markup) as { inline_keyboard?: unknown };
  if (m.inline_keyboard === undefined) return null;
  if (!Array.isArray(m.inline_keyboard)) return 'field "inline_keyboard" must be an Array';
  for (const row of m.inline_keyboard) {
    if (!Array.isArray(row)) return 'inline keyboard rows must be Arrays';
    for (const button of row as Array<Record<string, unknown>>) {
      if (typeof button.text !== 'string' || button.text.length === 0)
        return 'inline keyboard button text is empty';
      const data = button.callback_data;
      if (
        data !== undefined &&
        (typeof data !== 'string' || Buffer.byteLength(data) < 1 || Buffer.byteLength(data) > 64)
      )
        return 'BUTTON_DATA_INVALID';
      if (data === undefined && typeof button.url !== 'string') return 'inline keyboard button has no action';
    }
  }
  return null;
}

class Window {
  private times: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}
  /** Ms until a send is allowed (0 = now), counting sends in the last window. */
  wait(now: number): number {
    this.times = this.times.filter((t) => t > now - this.windowMs);
    return this.times.length < this.limit
      ? 0
      : this.times[this.times.length - this.limit]! + this.windowMs - now;
  }
  add(now: number): void {
    this.times.push(now);
  }
}

async function readParams(req: IncomingMessage, url: URL) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files: RecordedCall['files'] = {};
  if (type.includes('application/json') && body.length > 0) {
    Object.assign(params, JSON.parse(body.toString('utf8')));
  } else if (type.includes('multipart/form-data') || type.includes('x-www-form-urlencoded')) {
    const form = await new Response(body, { headers: { 'content-type': type } }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        params[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
      } else {
        const bytes = new Uint8Array(await value.arrayBuffer());
        files[key] = { name: value.name, type: value.type, size: bytes.length, bytes };
      }
    }
  }
  return { params, files };
}

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const bot = { first_name: 'Herald', ...(options.bot ?? { id: 7000000001, username: 'HeraldTestBot' }) };
  const token = options.token ?? `${bot.id}:AAFakeTokenForTests_abcdefghijklmnop`;
  const calls: RecordedCall[] = [];
  let rules: FailureRule[] = [];
  const chats = new Map<string, FakeFailure>();
  const members = new Map<string, string>();
  const nextMessageId = new Map<string, number>();
  const kept = new Map<string, ChatMessage & { deleted: boolean }>();
  const keptKey = (chatId: string, id: number) => `${chatId}:${id}`;
  let violations = 0;
  const limits = options.limits;
  const tolerance = options.arrivalToleranceMs ?? 0;
  const globalWindow = limits ? new Window(limits.globalPerSecond, 1000 - tolerance) : null;
  const chatWindows = new Map<string, { second: Window; minute: Window }>();

  function failureFor(method: string, chatId: string | undefined): FakeFailure | null {
    const rule = rules.find(
      (r) =>
        (r.method === undefined || r.method === method) && (r.chatId === undefined || r.chatId === chatId),
    );
    if (rule) {
      rule.times = (rule.times ?? 1) - 1;
      if (rule.times <= 0) rules = rules.filter((r) => r !== rule);
      return rule.failure;
    }
    if (chatId !== undefined && LIMITED.has(method)) return chats.get(chatId) ?? null;
    return null;
  }

  function limitWait(chatId: string, now: number): number {
    if (!limits || !globalWindow) return 0;
    let w = chatWindows.get(chatId);
    if (!w) {
      w = {
        second: new Window(limits.perChatPerSecond, 1000 - tolerance),
        minute: new Window(limits.perGroupPerMinute, 60_000),
      };
      chatWindows.set(chatId, w);
    }
    const wait = Math.max(
      globalWindow.wait(now),
      w.second.wait(now),
      chatId.startsWith('-') ? w.minute.wait(now) : 0,
    );
    if (wait === 0) {
      globalWindow.add(now);
      w.second.add(now);
      w.minute.add(now);
    }
    return wait;
  }

  function answer(method: string, params: Record<string, unknown>, files: RecordedCall['files']) {
    const chatId = params.chat_id === undefined ? undefined : String(params.chat_id);
    const bad = (description: string) => ({
      status: 400,
      body: { ok: false, error_code: 400, description: `Bad Request: ${description}` },
    });
    const ok = (result: unknown) => ({ status: 200, body: { ok: true, result } });
    const message = (extra: object) => {
      const id = (nextMessageId.get(chatId!) ?? 0) + 1;
      nextMessageId.set(chatId!, id);
      const chat = { id: Number(chatId), type: chatId!.startsWith('-') ? 'supergroup' : 'private' };
      return { message_id: id, date: Math.floor(Date.now() / 1000), chat, ...extra };
    };
    if ((SEND_METHODS.has(method) || method.startsWith('edit') || method === 'getChatMember') && !chatId)
      return bad('chat_id is empty');
    const markup = markupProblem(params.reply_markup);
    if (markup) return bad(markup);
    if (params.parse_mode === 'HTML') {
      const problem = htmlProblem(String(params.text ?? params.caption ?? ''));
      if (problem) return bad(problem);
    }
    const textLength = (s: unknown) =>
      params.parse_mode === 'HTML' ? visibleLength(String(s)) : String(s).length;
    if (EDIT_METHODS.has(method)) return edit(method, chatId!, params, files);
    switch (method) {
      case 'getMe':
        return ok({
          ...bot,
          is_bot: true,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case 'sendMessage':
      case 'editMessageText':
        if (typeof params.text !== 'string' || params.text.length === 0) return bad('message text is empty');
        if (textLength(params.text) > 4096) return bad('message is too long');
        return ok(
          keep(message({ text: params.text }), {
            form: 'text',
            text: params.text,
            replyMarkup: params.reply_markup,
          }),
        );
      case 'sendPhoto': {
        if (!files.photo && typeof params.photo !== 'string') return bad('there is no photo in the request');
        if (params.caption !== undefined && textLength(params.caption) > 1024)
          return bad('message caption is too long');
        return ok(
          keep(
            message({
              caption: params.caption,
              photo: [{ file_id: `photo-${calls.length}`, width: 800, height: 450 }],
            }),
            {
              form: 'photo',
              caption: params.caption as string | undefined,
              photoSize: files.photo?.size ?? 0,
              replyMarkup: params.reply_markup,
            },
          ),
        );
      }
      case 'editMessageReplyMarkup':
        return ok(true);
      case 'getChatMember': {
        const status = members.get(`${chatId}:${params.user_id}`) ?? 'member';
        return ok({ status, user: { id: Number(params.user_id), is_bot: false, first_name: 'User' } });
      }
      case 'answerCallbackQuery':
      case 'setWebhook':
      case 'deleteWebhook':
      case 'setMyCommands':
      case 'deleteMyCommands':
      case 'sendChatAction':
        return ok(true);
      case 'getWebhookInfo': {
        const last = [...calls].reverse().find((c) => c.method === 'setWebhook' && c.status === 200);
        return ok({ url: last?.params.url ?? '', has_custom_certificate: false, pending_update_count: 0 });
      }
      default:
        return {
          status: 404,
          body: { ok: false, error_code: 404, description: 'Not Found: method not found' },
        };
    }
  }

  function keep<M extends { message_id: number; chat: { id: number } }>(
    sent: M,
    shown: Omit<ChatMessage, 'chatId' | 'messageId' | 'edits'>,
  ): M {
    const chatId = String(sent.chat.id);
    kept.set(keptKey(chatId, sent.message_id), {
      chatId,
      messageId: sent.message_id,
      edits: 0,
      deleted: false,
      ...shown,
    });
    return sent;
  }

  /** An edit of a message the fake sent, refused where Telegram refuses it. */
  function edit(
    method: string,
    chatId: string,
    params: Record<string, unknown>,
    files: RecordedCall['files'],
  ) {
    const bad = (description: string) => ({
      status: 400,
      body: { ok: false, error_code: 400, description: `Bad Request: ${description}` },
    });
    const id = Number(params.message_id);
    const m = kept.get(keptKey(chatId, id));
    const chat = { id: Number(chatId), type: chatId.startsWith('-') ? 'supergroup' : 'private' };
    // A message the fake never sent (a button under an answer of another test) edits as before.
    if (!m) return { status: 200, body: { ok: true, result: { message_id: id, chat, text: params.text } } };
    if (m.deleted) return bad('message to edit not found');
    const before = JSON.stringify([m.text, m.caption, m.photoSize, m.replyMarkup]);
    if (method === 'editMessageText') {
      if (m.form !== 'text') return bad('there is no text in the message to edit');
      if (typeof params.text !== 'string' || params.text.length === 0) return bad('message text is empty');
      m.text = params.text;
    } else if (method === 'editMessageCaption') {
      if (m.form !== 'photo') return bad('there is no caption in the message to edit');
      m.caption = params.caption as string | undefined;
    } else {
      const media = params.media as { type?: string; media?: string; caption?: string; parse_mode?: string };
      if (media?.type !== 'photo') return bad('media type must be photo');
      if (m.form !== 'photo') return bad('there is no media in the message to edit');
      const field = String(media.media ?? '').replace(/^attach:\/\//, '');
      const file = files[field];
      if (!file) return bad('there is no photo in the request');
      if (media.parse_mode === 'HTML') {
        const problem = htmlProblem(String(media.caption ?? ''));
        if (problem) return bad(problem);
      }
      m.caption = media.caption;
      m.photoSize = file.size + m.edits + 1;
    }
    if (params.reply_markup !== undefined) m.replyMarkup = params.reply_markup;
    if (JSON.stringify([m.text, m.caption, m.photoSize, m.replyMarkup]) === before)
      return bad(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    m.edits++;
    return {
      status: 200,
      body: {
        ok: true,
        result: {
          message_id: id,
          chat,
          date: Math.floor(Date.now() / 1000),
          text: m.text,
          caption: m.caption,
        },
      },
    };
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    let status = 404;
    let body: unknown = { ok: false, error_code: 404, description: 'Not Found' };
    let params: Record<string, unknown> = {};
    let files: RecordedCall['files'] = {};
    const method = match?.[2] ?? url.pathname;
    try {
      ({ params, files } = await readParams(req, url));
      if (match && match[1] !== token) {
        status = 401;
        body = { ok: false, error_code: 401, description: 'Unauthorized' };
      } else if (match) {
        const chatId = params.chat_id === undefined ? undefined : String(params.chat_id);
        const failure = failureFor(method, chatId);
        const wait = !failure && chatId && LIMITED.has(method) ? limitWait(chatId, Date.now()) : 0;
        if (failure) ({ status, body } = failureAnswer(failure));
        else if (wait > 0) {
          violations++;
          ({ status, body } = failureAnswer({ code: 429, retryAfter: Math.ceil(wait / 1000) }));
        } else ({ status, body } = answer(method, params, files));
      }
    } catch (error) {
      status = 400;
      body = { ok: false, error_code: 400, description: `Bad Request: ${(error as Error).message}` };
    }
    calls.push({ method, params, files, atMs: Date.now(), status });
    if (status >= 500) {
      res.writeHead(status, 'Internal Server Error', { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    delivered: (chatId) =>
      calls.filter(
        (c) =>
          SEND_METHODS.has(c.method) &&
          c.status === 200 &&
          (chatId === undefined || String(c.params.chat_id) === chatId),
      ),
    fail: (rule) => rules.push({ ...rule }),
    setChat: (chatId, failure) => (failure ? chats.set(chatId, failure) : chats.delete(chatId)),
    setMember: (chatId, userId, status) => members.set(`${chatId}:${userId}`, status),
    messages: (chatId) =>
      [...kept.values()]
        .filter((m) => m.chatId === chatId && !m.deleted)
        .sort((a, b) => a.messageId - b.messageId)
        .map(({ deleted: _deleted, ...m }) => ({ ...m })),
    deleteMessage: (chatId, messageId) => {
      const m = kept.get(keptKey(chatId, messageId));
      if (m) m.deleted = true;
    },
    limitViolations: () => violations,
    reset: () => {
      calls.length = 0;
      kept.clear();
      rules = [];
      chats.clear();
      violations = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function failureAnswer(failure: FakeFailure): { status: number; body: unknown } {
  if (failure.code === 429)
    return {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${failure.retryAfter}`,
        parameters: { retry_after: failure.retryAfter },
      },
    };
  if (failure.code === 500 || failure.code === 502) return { status: failure.code, body: null };
  if (!('description' in failure)) return { status: 500, body: null };
  const parameters =
    'migrateTo' in failure && failure.migrateTo !== undefined
      ? { migrate_to_chat_id: failure.migrateTo }
      : undefined;
  return {
    status: failure.code,
    body: { ok: false, error_code: failure.code, description: failure.description, parameters },
  };
}
