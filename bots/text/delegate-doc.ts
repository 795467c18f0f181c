/**
 * `/delegate <address>` worded as a document: who delegates to it per track (accounts, capital,
 * votes), how it votes on the ongoing referenda with the delegated votes each vote carries, and
 * where it delegates itself. Lists are cut to fit one message.
 */
import { formatBlocks } from '../../core/opengov/duration.js';
import type { DelegateReply } from '../../core/reply/reply-types.js';
import type { DelegatedRow } from '../../core/voting/view-rows.js';
import { plural } from './common.js';
import { baseDocument } from './doc-base.js';
import {
  address,
  type DocLine,
  type DocSection,
  fact,
  line,
  type ReplyDocument,
  section,
} from './document.js';
import { KSM } from './stake-doc.js';
import {
  accountSubject,
  bounded,
  convictionText,
  ongoingLockText,
  referendumText,
  trackText,
  votesText,
  voteText,
} from './voting-words.js';

export const DELEGATE_LIMITS = { votes: 12, delegated: 16, delegating: 8 } as const;

function delegatedLine(d: DelegatedRow): DocLine {
  const chain =
    d.chain && (d.chain.votes !== d.votes || d.chain.capital !== d.capital)
      ? ` (its own record counts ${KSM(d.chain.capital)} capital, ${votesText(d.chain.votes)} votes)`
      : '';
  return line(
    `${trackText(d.track)}: ${plural(d.count, 'account')}, ${KSM(d.capital)} capital, ${votesText(d.votes)} votes${chain}`,
  );
}

export function delegateDocument(reply: DelegateReply): ReplyDocument {
  const v = reply.view;
  const doc = baseDocument(reply, ['Delegate ', address(v.address)], 'governance');
  doc.subtitle = accountSubject(reply);
  const t = v.totals;
  const body: DocLine[] = [];
  if (v.empty) body.push(line('No delegators, no votes on ongoing referenda and no delegations of its own.'));
  else if (t.tracks === 0) body.push(fact('Delegated to it', 'nothing'));
  else
    body.push(
      fact(
        'Delegated to it',
        `${plural(t.delegations, 'delegation')} on ${plural(t.tracks, 'track')}: ${KSM(t.capital)} capital, ${votesText(t.votes)} votes`,
      ),
    );
  const sections: DocSection[] = [section(null, body)];
  const add = (heading: string, lines: DocLine[]) => {
    if (lines.length > 0) sections.push(section(heading, lines));
  };
  add(
    `Delegators by track (${v.delegated.length})`,
    bounded(v.delegated, DELEGATE_LIMITS.delegated, delegatedLine, 'tracks'),
  );
  add(
    `Votes on ongoing referenda (${v.votes.length})`,
    bounded(
      v.votes,
      DELEGATE_LIMITS.votes,
      (r) => {
        const carried = r.delegatedVotes > 0n ? ` + ${votesText(r.delegatedVotes)} delegated votes` : '';
        return line(
          `${referendumText(r.referendum, r.title, reply.names)} (${r.track.displayName}): ${voteText(r.vote, r.votes)}${carried} · ${ongoingLockText(r)}`,
        );
      },
      'votes',
    ),
  );
  add(
    `Delegates itself (${plural(v.delegating.length, 'track')})`,
    bounded(
      v.delegating,
      DELEGATE_LIMITS.delegating,
      (d) =>
        line(
          `${trackText(d.track)}: to `,
          address(d.target, true),
          `, ${convictionText(d.conviction)}, ${KSM(d.balance)} (${votesText(d.votes)} votes)${d.lockAfterBlocks > 0 ? `, ${formatBlocks(d.lockAfterBlocks)} lock after undelegating` : ''}`,
        ),
      'tracks',
    ),
  );
  doc.sections = sections;
  if (v.delegated.length > 0)
    doc.notes = [
      line(
        'Delegators are counted from every delegation on chain that names this account; a split vote carries no delegated votes.',
      ),
    ];
  return doc;
}
