/**
 * `/parachains` worded: the live paras with their names and relay cores, the onboarding and
 * offboarding ones, the other lifecycles counted, and the relay cores in use, on the pool and idle.
 */
import type { ParachainsReply } from '../../core/reply/parachain-replies.js';
import { plural } from './common.js';
import { baseDocument } from './doc-base.js';
import { type DocLine, fact, line, type ReplyDocument, section } from './document.js';
import { paraText } from './parachain-words.js';

function coresText(cores: number[]): string {
  if (cores.length === 0) return 'no relay core now';
  return cores.length === 1 ? `core ${cores[0]}` : `cores ${cores.join(', ')}`;
}

function more(omitted: number): DocLine[] {
  return omitted > 0 ? [line(`… and ${omitted} more`)] : [];
}

export function parachainsDocument(reply: ParachainsReply): ReplyDocument {
  const doc = baseDocument(reply, ['Kusama parachains'], 'status');
  const c = reply.cores;
  doc.subtitle = [
    line(`${plural(reply.liveTotal, 'live para')}, ${c.inUse} of ${plural(c.total, 'core')} in use`),
  ];
  const live =
    reply.live.length === 0
      ? [line('None.')]
      : [
          ...reply.live.map((r) =>
            line(
              `${paraText(r.para)} · ${coresText(r.cores)}${r.lifecycle === 'Parachain' ? '' : ` · ${r.lifecycle ?? 'no lifecycle'}`}`,
            ),
          ),
          ...more(reply.liveOmitted),
        ];
  const onboarding = reply.onboarding.map((p) => line(paraText(p)));
  const offboarding = reply.offboarding.map((p) =>
    line(
      `${paraText(p.para)} · ${p.lifecycle === 'OffboardingParachain' ? 'was a parachain' : 'was a parathread'}`,
    ),
  );
  const n = reply.counts;
  doc.sections = [
    section(`Live (${reply.liveTotal})`, live),
    section(
      'Onboarding',
      onboarding.length === 0 ? [line('None.')] : [...onboarding, ...more(reply.onboardingOmitted)],
    ),
    section(
      'Offboarding',
      offboarding.length === 0 ? [line('None.')] : [...offboarding, ...more(reply.offboardingOmitted)],
    ),
    section('Also registered', [
      fact('Parathreads', String(n.parathreads)),
      fact('Upgrading to parachain', String(n.upgrading)),
      fact('Downgrading to parathread', String(n.downgrading)),
      ...(n.registeredOnly > 0 ? [fact('Reserved ids without code', String(n.registeredOnly))] : []),
    ]),
    section('Relay cores', [
      fact('In use', `${c.inUse} (assigned to a para)`),
      fact('On-demand pool', String(c.pool)),
      fact('Free', `${c.idle} (nothing assigned)`),
      fact('Total', String(c.total)),
    ]),
  ];
  doc.notes = [
    line(
      'Live: a parachain, or a para a relay core runs now. Para names come from a table kept with Herald; the chain stores none. /para <id|name> shows one.',
    ),
  ];
  return doc;
}
