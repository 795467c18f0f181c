/**
 * The few fields of Lambda events the Discord handlers read: a Function URL (or API Gateway HTTP
 * API, payload 2.0) request and an SQS batch, with their results.
 */
import type { InteractionHttpResponse, InteractionRequest } from './handler.js';

export interface HttpEvent {
  headers?: Record<string, string | undefined>;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Header names lower-cased (Function URLs already do), the body as the raw bytes Discord signed. */
export function interactionRequest(event: HttpEvent): InteractionRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event?.headers ?? {}))
    if (value !== undefined) headers[name.toLowerCase()] = value;
  const text = typeof event?.body === 'string' ? event.body : '';
  const body = event?.isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
  return { headers, body };
}

export function httpResult(response: InteractionHttpResponse): HttpResult {
  return { statusCode: response.status, headers: response.headers, body: response.body };
}
