/** `/help` as a document: every command in a line, or one command with its usage and examples. */
import type { CommandSpec } from '../../core/commands/command-spec.js';
import type { HelpReply } from '../../core/reply/reply-types.js';
import { baseDocument } from './doc-base.js';
import { code, fact, line, type ReplyDocument, section } from './document.js';

function topicDocument(reply: HelpReply, topic: CommandSpec): ReplyDocument {
  const doc = baseDocument(reply, [`/${topic.name}`], 'help');
  const body = [line(topic.summary), fact('Usage', code(topic.usage))];
  if (topic.aliases.length > 0) body.push(fact('Also', topic.aliases.map((a) => `/${a}`).join(', ')));
  doc.sections = [section(null, body)];
  if (topic.examples.length > 0)
    doc.sections.push(
      section(
        'Examples',
        topic.examples.map((e) => line(code(e))),
      ),
    );
  return doc;
}

export function helpDocument(reply: HelpReply): ReplyDocument {
  if (reply.topic) return topicDocument(reply, reply.topic);
  const doc = baseDocument(reply, ['Herald: Kusama staking and OpenGov'], 'help');
  doc.sections = [
    section(
      null,
      reply.commands.map((c) => line(code(`/${c.name}`), `: ${c.summary}`)),
    ),
  ];
  doc.notes = [
    line('/help <command> shows its usage and examples.'),
    line(
      `Each chat may hold ${reply.limits.subscriptionsPerChat} subscriptions, ${reply.limits.addressSubscriptionsPerChat} of them for addresses. On Discord, /alerts brings the same subscriptions to your own DMs.`,
    ),
    line(
      'In groups and servers, only those who manage the chat change its subscriptions, quiet hours and muted alerts. Quiet hours and muting apply to the whole chat, or to one subscription only (the ids are in /subscriptions).',
    ),
  ];
  return doc;
}
