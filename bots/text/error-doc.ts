/** An error as a document: what went wrong, what to try, and the command's usage. */
import type { ErrorReply } from '../../core/reply/reply-types.js';
import { baseDocument } from './doc-base.js';
import { code, fact, line, type ReplyDocument, section } from './document.js';

export function errorDocument(reply: ErrorReply): ReplyDocument {
  const title = reply.command ? `/${reply.command}: that did not work` : 'That did not work';
  const doc = baseDocument(reply, [title], 'error');
  const body = [line(reply.error.message)];
  if (reply.error.hint) body.push(fact('Try', reply.error.hint));
  if (reply.usage) body.push(fact('Usage', code(reply.usage)));
  doc.sections = [section(null, body)];
  return doc;
}
