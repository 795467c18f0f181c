/**
 * The webhook endpoint, independent of how requests arrive (Lambda function URL, API Gateway or
 * the local HTTP server): secret check, body decoding, one handling per update_id, and a status
 * code for every case. Handling errors are answered in the chat by the bot and acknowledged with
 * 200, so Telegram never retries an update forever; only an update that could not be claimed
 * (the ledger is unreachable) gets 503, and Telegram delivers it again.
 */
import type { Update } from 'telegraf/types';
import { headerValue, SECRET_HEADER, secretMatches } from './secret.js';
import { parseUpdateBody } from './update-body.js';
import type { UpdateLedger } from './update-ledger.js';

export interface WebhookRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: string | Uint8Array | null | undefined;
  isBase64Encoded?: boolean;
}

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the webhook needs of the bot: telegraf's `handleUpdate`. */
export interface UpdateHandler {
  handleUpdate(update: Update): Promise<unknown>;
}

export interface WebhookOptions {
  bot: UpdateHandler;
  secret: string;
  ledger: UpdateLedger;
  log?: (line: string) => void;
}

function reply(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): WebhookResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function createWebhookHandler(
  options: WebhookOptions,
): (request: WebhookRequest) => Promise<WebhookResponse> {
  const log = options.log ?? (() => {});
  return async (request) => {
    if (request.method.toUpperCase() !== 'POST')
      return reply(405, { ok: false, error: 'only POST is accepted' }, { allow: 'POST' });
    if (!secretMatches(options.secret, headerValue(request.headers, SECRET_HEADER)))
      return reply(401, { ok: false, error: 'missing or wrong secret token' });
    const parsed = parseUpdateBody(request.body, request.isBase64Encoded ?? false);
    if (!parsed.ok) {
      log(`telegram webhook: refused a body (${parsed.status}): ${parsed.error}`);
      return reply(parsed.status, { ok: false, error: parsed.error });
    }
    const id = parsed.update.update_id;
    let claim: Awaited<ReturnType<UpdateLedger['claim']>>;
    try {
      claim = await options.ledger.claim(id);
    } catch (error) {
      log(`telegram webhook: could not claim update ${id}: ${(error as Error).message}`);
      return reply(503, { ok: false, error: 'try again later' }, { 'retry-after': '5' });
    }
    if (claim === 'done') return reply(200, { ok: true, update_id: id, duplicate: true });
    if (claim === 'in-progress')
      return reply(
        503,
        { ok: false, update_id: id, error: 'update is being handled' },
        { 'retry-after': '10' },
      );
    try {
      await options.bot.handleUpdate(parsed.update);
    } catch (error) {
      // The bot's error handler answers the chat; anything still thrown is logged and acknowledged.
      log(`telegram webhook: update ${id} failed: ${(error as Error).stack ?? String(error)}`);
    }
    try {
      await options.ledger.complete(id);
    } catch (error) {
      log(`telegram webhook: could not mark update ${id} done: ${(error as Error).message}`);
    }
    return reply(200, { ok: true, update_id: id });
  };
}
