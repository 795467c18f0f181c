/**
 * Reply intent → reply document: the one wording of every answer. The plain-text, Telegram and
 * Discord formatters only lay out what this returns.
 */
import { formatDuration } from '../../core/format/duration.js';
import { formatInteger } from '../../core/format/number.js';
import type { Reply } from '../../core/reply/reply-types.js';
import { block, formatUtc } from './common.js';
import {
  address,
  type DocLine,
  type DocTone,
  line,
  type ReplyDocument,
  type Span,
  section,
} from './document.js';
import { referendaLines, referendaTitle, tracksLines } from './referenda-doc.js';
import { referendumBody, referendumHeadline } from './referendum-doc.js';
import { HOW_COMPUTED, stakeSections, stakeWarnings, subjectLines } from './stake-doc.js';
import { eraLines, validatorLines } from './validator-era-doc.js';

/** The stale warning and the data-age footer of an answer that rests on the snapshot. */
function dataAge(reply: Reply): { stale: string | null; footer: string | null } {
  const f = reply.freshness;
  if (reply.type === 'help' || reply.type === 'error') return { stale: null, footer: null };
  if (!f) return { stale: null, footer: 'Data: no snapshot available.' };
  const age = f.ageMs === null ? 'of unknown age' : `${formatDuration(f.ageMs)} old`;
  return {
    stale: f.stale
      ? `WARNING: stale data. The last snapshot is ${age}, older than ${formatDuration(f.staleAfterMs)}; figures below may have changed since.`
      : null,
    footer: `Data as of relay block ${block(f.relayBlock)} (Asset Hub ${block(f.assetHubBlock)}), snapshot ${age}, taken ${formatUtc(f.snapshotAtMs)}.`,
  };
}

function base(reply: Reply, title: Span[], tone: DocTone): ReplyDocument {
  return {
    title,
    tone,
    subtitle: [],
    sections: [],
    warnings: [],
    notes: [],
    links: reply.links ?? [],
    actions: reply.actions,
    attachments: reply.attachments,
    names: reply.names ?? {},
    nowMs: reply.freshness?.chainTimeMs ?? null,
    ...dataAge(reply),
  };
}

/** Wraps lines worded before documents existed: the first is the title, the rest the body. */
export function linesDocument(reply: Reply, lines: string[], tone: DocTone): ReplyDocument {
  const [first = '', ...rest] = lines;
  const doc = base(reply, [first], tone);
  const body: DocLine[] = [];
  const warnings: DocLine[] = [];
  for (const l of rest)
    (l.startsWith('! ') ? warnings : body).push(line(l.startsWith('! ') ? l.slice(2) : l));
  doc.sections = body.length > 0 ? [section(null, body)] : [];
  doc.warnings = warnings;
  return doc;
}

/** The document of the answers worded here; null for those still worded as lines (`replyTextLines`). */
export function structuredDocument(reply: Reply): ReplyDocument | null {
  switch (reply.type) {
    case 'stake': {
      const doc = base(reply, ['Staking of ', address(reply.view.address)], 'staking');
      const { body, sections } = stakeSections(reply);
      doc.subtitle = subjectLines(reply, reply.view.address);
      doc.sections = [section(null, body), ...sections];
      doc.warnings = stakeWarnings(reply.view);
      if (reply.view.known) doc.notes = [HOW_COMPUTED];
      return doc;
    }
    case 'validator': {
      const doc = base(reply, ['Validator ', address(reply.view.address)], 'staking');
      const { body, warnings } = validatorLines(reply);
      doc.subtitle = subjectLines(reply, reply.view.address);
      doc.sections = [section(null, body)];
      doc.warnings = warnings;
      return doc;
    }
    case 'era': {
      const doc = base(reply, [`Era ${formatInteger(reply.view.activeEra)}`], 'staking');
      const { body, warnings } = eraLines(reply);
      doc.sections = [section(null, body)];
      doc.warnings = warnings;
      doc.notes = [HOW_COMPUTED];
      return doc;
    }
    case 'referendum': {
      const { title, proposal } = referendumHeadline(reply);
      const doc = base(reply, title, 'governance');
      const { body, warnings } = referendumBody(reply);
      doc.sections = [section(null, [...proposal, ...body])];
      doc.warnings = warnings;
      return doc;
    }
    case 'referenda': {
      const doc = base(reply, [referendaTitle(reply)], 'governance');
      const { body, notes } = referendaLines(reply);
      doc.sections = [section(null, body)];
      doc.notes = notes;
      return doc;
    }
    case 'tracks': {
      const doc = base(reply, [`${reply.tracks.length} tracks`], 'governance');
      doc.sections = [section(null, tracksLines(reply))];
      return doc;
    }
    default:
      return null;
  }
}
