/**
 * Puts each referendum's title on the entities the bots read (the referendum and the referenda
 * list): the cached off-chain title, else its call worded. When a cache is given it is written too,
 * so the next run finds it.
 */
import type { ReferendumTitle } from '../reply/reply-types.js';
import { ENTITY, type Entity, type ReferendaIndex, type ReferendumEntity } from '../snapshot/entities.js';
import { callTitle, type ProposalCall } from './title.js';
import type { TitleCache } from './title-cache.js';

export function titleOf(
  id: number,
  calls: Readonly<Record<number, ProposalCall>>,
  cache: TitleCache | null,
): ReferendumTitle | undefined {
  const cached = cache?.entries[String(id)];
  if (cached?.text) return { text: cached.text, source: cached.source };
  const call = calls[id];
  return call ? callTitle(call) : undefined;
}

function withTitle<T extends { id: number }>(row: T, title: (id: number) => ReferendumTitle | undefined): T {
  const t = title(row.id);
  return t ? { ...row, title: t } : row;
}

export function* withTitles(
  entities: Iterable<Entity>,
  calls: Readonly<Record<number, ProposalCall>>,
  cache: TitleCache | null,
): Generator<Entity> {
  const title = (id: number) => titleOf(id, calls, cache);
  for (const e of entities) {
    if (e.kind === ENTITY.referendum) {
      const data = e.data as ReferendumEntity;
      const t = title(data.info.id);
      yield t ? { ...e, data: { ...data, title: t } satisfies ReferendumEntity } : e;
    } else if (e.kind === ENTITY.index && e.id === 'referenda') {
      const data = e.data as ReferendaIndex;
      const index: ReferendaIndex = {
        ...data,
        ongoing: data.ongoing.map((r) => withTitle(r, title)),
        recentlyEnded: data.recentlyEnded.map((r) => withTitle(r, title)),
      };
      yield { ...e, data: index };
    } else yield e;
  }
  if (cache) yield { kind: ENTITY.titles, id: 'all', data: cache };
}
