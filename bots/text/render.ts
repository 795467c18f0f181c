/**
 * Reply intent → the plain text of its document (bots/text/document.ts). Every answer that rests
 * on the snapshot ends with its data age and starts with a warning when it is stale; help and
 * errors do not.
 */
import type { Reply } from '../../core/reply/reply-types.js';
import { replyDocument } from './documents.js';
import { documentText } from './plain.js';

export { replyDocument };

/** The reply as plain text: what `npm run ask` prints. */
export function renderText(reply: Reply): string {
  return documentText(replyDocument(reply));
}
