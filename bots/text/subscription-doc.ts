/** `/subscribe`, `/unsubscribe` and `/subscriptions` as documents. */
import type { SubscribedReply, SubscriptionsReply, UnsubscribedReply } from '../../core/reply/reply-types.js';
import type { Subscription } from '../../core/subscriptions/subscription-model.js';
import { describeTarget, plural } from './common.js';
import { baseDocument } from './doc-base.js';
import { code, type DocLine, line, type ReplyDocument, type Span, section, time } from './document.js';
import { chatNoun, compactSettings, settingsLines } from './settings-doc.js';
import { specSpans } from './subscription-words.js';

/** The spans as the start of a sentence: the first word capitalised. */
function sentence(spans: Span[]): Span[] {
  const [first, ...rest] = spans;
  return typeof first === 'string' ? [first.charAt(0).toUpperCase() + first.slice(1), ...rest] : spans;
}

function subscriptionLine(s: Subscription): DocLine {
  return line(code(s.id), ' ', ...specSpans(s.spec));
}

export function subscribedDocument(reply: SubscribedReply): ReplyDocument {
  const verb = {
    created: 'Subscribed',
    unchanged: 'Already subscribed',
    updated: 'Updated the subscription',
  }[reply.outcome];
  const doc = baseDocument(reply, [verb], 'subscription');
  const id = reply.subscription.id;
  doc.sections = [
    section(null, [
      line(...sentence(specSpans(reply.subscription.spec)), `, in ${describeTarget(reply.target)}.`),
      line('Id ', code(id), ': ', code(`/unsubscribe ${id}`), ' stops it.'),
      line(`${reply.count} of ${reply.limit} subscriptions used here.`),
    ]),
  ];
  const notes: DocLine[] = [];
  if (reply.unknownPara !== undefined)
    notes.push(
      line(
        `Para ${reply.unknownPara} is not in the latest snapshot; its alerts start once the relay chain lists it.`,
      ),
    );
  if (reply.reenabled)
    notes.push(line('Alerts here had been paused because they could not be delivered; they are on again.'));
  if (notes.length > 0) doc.notes = notes;
  return doc;
}

export function unsubscribedDocument(reply: UnsubscribedReply): ReplyDocument {
  const doc = baseDocument(
    reply,
    [`Removed ${plural(reply.removed.length, 'subscription')} from ${describeTarget(reply.target)}`],
    'subscription',
  );
  doc.sections = [
    section(null, [
      ...reply.removed.map(subscriptionLine),
      line(`${plural(reply.remaining, 'subscription')} left.`),
    ]),
  ];
  return doc;
}

export function subscriptionsDocument(reply: SubscriptionsReply): ReplyDocument {
  const doc = baseDocument(
    reply,
    [`Subscriptions in ${describeTarget(reply.target)}: ${reply.subscriptions.length} of ${reply.limit}`],
    'subscription',
  );
  if (reply.disabled)
    doc.warnings = [
      line(
        'Alerts here are paused since ',
        time(reply.disabled.atMs),
        `: ${reply.disabled.reason}. Subscribing again turns them back on.`,
      ),
    ];
  const body: DocLine[] = [];
  if (reply.subscriptions.length === 0)
    body.push(
      line(
        'None yet: ',
        code('/subscribe referenda'),
        ', ',
        code('/subscribe deadlines'),
        ' or ',
        code('/subscribe address <address>'),
        ' adds one.',
      ),
    );
  for (const s of reply.subscriptions) {
    body.push(subscriptionLine(s));
    const own = reply.ownSettings[s.id];
    const settings = own ? compactSettings(own) : null;
    if (settings) body.push(line('    its own: ', ...settings));
  }
  doc.sections = [section(null, body)];
  if (reply.settings)
    doc.sections.push(section(`For all of ${chatNoun(reply.target)}`, settingsLines(reply.settings)));
  return doc;
}
