/** `/start` as a document: the greeting, what Herald does in three lines, and where to begin. */
import type { StartReply } from '../../core/reply/reply-types.js';
import { baseDocument } from './doc-base.js';
import { line, type ReplyDocument, section } from './document.js';

export function startDocument(reply: StartReply): ReplyDocument {
  const doc = baseDocument(reply, ['Welcome to Herald'], 'help');
  const begin = reply.addressByMessage
    ? 'Send me a Kusama address to see its stake, or start with a button below.'
    : 'Type /stake followed by a Kusama address to see its stake, or start with a button below.';
  doc.sections = [
    section(null, [
      line('Herald follows Kusama for you:'),
      line('• Staking: the bond, nominations, rewards and unbonding of any address.'),
      line('• OpenGov: ongoing referenda, their tally against the curves, and their deadlines.'),
      line("• Alerts: new referenda, deadlines, and an address's staking and votes, as they happen."),
      line(''),
      line(begin),
      line('/help lists every command; /help <command> explains one with an example.'),
    ]),
  ];
  return doc;
}
