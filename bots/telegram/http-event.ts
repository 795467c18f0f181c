/**
 * Lambda HTTP events (function URL or HTTP API, payload 2.0) to webhook requests and back. A
 * webhook that could not be set up (secrets unreadable, settings missing) answers 503, so
 * Telegram delivers the update again rather than losing it; the next request tries again.
 */
import { join } from 'node:path';
import { configureChartAssets } from '../chart/assets.js';
import type { TelegramWebhook } from './app.js';

export interface HttpEvent {
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext?: { http?: { method?: string } };
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Builds the webhook on first use, and again after a failed build; serves events with it. */
export function httpEventHandler(
  setUp: () => Promise<TelegramWebhook>,
  onSetUpError: (error: Error) => void,
): (event: HttpEvent) => Promise<HttpResult> {
  let webhook: Promise<TelegramWebhook> | undefined;
  return async (event) => {
    webhook ??= setUp().catch((error: Error) => {
      webhook = undefined;
      throw error;
    });
    let ready: TelegramWebhook;
    try {
      ready = await webhook;
    } catch (error) {
      onSetUpError(error as Error);
      return {
        statusCode: 503,
        headers: { 'retry-after': '30' },
        body: '{"ok":false,"error":"not configured"}',
      };
    }
    const response = await ready({
      method: event?.requestContext?.http?.method ?? 'POST',
      headers: event?.headers ?? {},
      body: event?.body,
      isBase64Encoded: event?.isBase64Encoded,
    });
    return { statusCode: response.status, headers: response.headers, body: response.body };
  };
}

/** Points the chart renderer at the wasm and fonts a deployed bundle copies into `dir`. */
export function useChartAssetsDir(dir: string | undefined): void {
  if (!dir) return;
  configureChartAssets({
    wasm: join(dir, 'index_bg.wasm'),
    fonts: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(dir, f)),
  });
}
