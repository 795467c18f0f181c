import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../bots/commands/index.js';
import { REFERENDA_PAGE_SIZE } from '../../../core/commands/limits.js';
import { parseTallyHistory } from '../../../core/opengov/tally-history.js';
import type { ReferendaReply } from '../../../core/reply/reply-types.js';
import { ENTITY } from '../../../core/snapshot/entities.js';
import { type CommandHarness, startCommandHarness } from './harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => {
  await h?.close();
});

async function ask(line: string) {
  return answerCommand(line, h.context());
}

async function allPages(line: string): Promise<ReferendaReply[]> {
  const pages: ReferendaReply[] = [];
  for (let page = 1; ; page++) {
    const reply = await ask(`${line} page ${page}`);
    if (reply.type !== 'referenda') throw new Error(JSON.stringify(reply));
    pages.push(reply);
    if (page >= reply.pageCount) return pages;
  }
}

describe('/referenda', () => {
  it('lists every ongoing referendum once, across pages, with phase and verdict', async () => {
    const pages = await allPages('/referenda');
    const rows = pages.flatMap((p) => p.rows);
    const g = h.scenario.expected.governance;
    const ongoing = Object.values(g.referenda)
      .filter((r) => r.status === 'ongoing')
      .map((r) => r.id);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(ongoing.sort((a, b) => a - b));
    expect(pages[0]!.total).toBe(ongoing.length);
    for (const p of pages) expect(p.rows.length).toBeLessThanOrEqual(REFERENDA_PAGE_SIZE);
    const f = h.scenario.fixtures.referenda;
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of f.deciding)
      expect(byId.get(id)).toMatchObject({ phase: 'deciding', passing: expect.any(Boolean) });
    for (const id of f.confirming) expect(byId.get(id)?.phase).toBe('confirming');
    for (const id of f.queued)
      expect(byId.get(id)).toMatchObject({ phase: 'preparing', reason: 'trackQueue' });
    for (const id of f.preparing) expect(byId.get(id)?.phase).toBe('preparing');
    for (const r of rows) if (r.next) expect(r.timeLeftMs).toBeGreaterThanOrEqual(0);
  });

  it('pages link to each other by command line', async () => {
    const first = await ask('/referenda');
    if (first.type !== 'referenda') throw new Error(first.type);
    if (first.pageCount > 1) {
      expect(first.actions).toContainEqual({
        type: 'page',
        direction: 'next',
        page: 2,
        pageCount: first.pageCount,
        command: '/referenda page 2',
      });
    }
    expect(await ask(`/referenda page ${first.pageCount + 1}`)).toMatchObject({
      error: { code: 'invalid-page' },
    });
  });

  it('filters by status and by track (id, name, or words)', async () => {
    const deciding = await ask('/referenda deciding');
    if (deciding.type !== 'referenda') throw new Error(deciding.type);
    expect(deciding.rows.length).toBeGreaterThan(0);
    expect(deciding.rows.every((r) => r.phase === 'deciding')).toBe(true);
    const someRow = deciding.rows[0]!;
    const track = someRow.track!;
    const byName = await ask(`/referenda ${track.displayName}`);
    const byId = await ask(`/referenda ${track.id}`);
    if (byName.type !== 'referenda' || byId.type !== 'referenda') throw new Error('not referenda');
    expect(byName.rows.map((r) => r.id)).toEqual(byId.rows.map((r) => r.id));
    expect(byName.rows.every((r) => r.track?.id === track.id)).toBe(true);
    expect(byName.filter.track).toEqual(track);
  });

  it('ended referenda come from the recent list, newest first', async () => {
    const pages = await allPages('/referenda ended');
    const ended = pages.flatMap((p) => p.ended);
    expect(pages.flatMap((p) => p.rows)).toEqual([]);
    const want = Object.values(h.scenario.expected.governance.referenda).filter(
      (r) => r.status !== 'ongoing',
    );
    expect(want.length).toBeLessThanOrEqual(50); // the index keeps the 50 most recent
    expect(ended.map((e) => e.id).sort((a, b) => a - b)).toEqual(want.map((r) => r.id).sort((a, b) => a - b));
    for (let i = 1; i < ended.length; i++)
      expect(ended[i - 1]!.ended.block).toBeGreaterThanOrEqual(ended[i]!.ended.block);
    const approved = ended.find((e) => e.id === h.scenario.fixtures.referenda.approved[0]);
    expect(approved?.status).toBe('approved');
    const tracked = await ask('/referenda 0 ended');
    expect(tracked).toMatchObject({ type: 'referenda', ended: [], endedOmittedByTrack: true });
  });

  it('lists ongoing referenda newest first', async () => {
    const ids = (await allPages('/referenda')).flatMap((p) => p.rows.map((r) => r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('filters ended referenda by outcome, most recently ended first; old words still work', async () => {
    const all = Object.values(h.scenario.expected.governance.referenda);
    const outcomes = [
      ['approved', 'approved'],
      ['rejected', 'rejected'],
      ['cancelled', 'cancelled'],
      ['timedout', 'timedOut'],
      ['timed-out', 'timedOut'],
      ['killed', 'killed'],
    ] as const;
    for (const [word, status] of outcomes) {
      const pages = await allPages(`/referenda ${word}`);
      const ended = pages.flatMap((p) => p.ended);
      expect(
        pages.flatMap((p) => p.rows),
        word,
      ).toEqual([]);
      const want = all.filter((r) => r.status === status).map((r) => r.id);
      expect(
        ended.map((e) => e.id).sort((a, b) => a - b),
        word,
      ).toEqual(want.sort((a, b) => a - b));
      expect(
        ended.every((e) => e.status === status),
        word,
      ).toBe(true);
      for (let i = 1; i < ended.length; i++)
        expect(ended[i - 1]!.ended.block).toBeGreaterThanOrEqual(ended[i]!.ended.block);
    }
    expect(h.scenario.fixtures.referenda.approved.length).toBeGreaterThan(0);
    const approved = await ask('/referenda approved');
    expect(approved).toMatchObject({ type: 'referenda', filter: { status: 'approved' } });
    expect(await ask('/referenda closed')).toMatchObject({ filter: { status: 'ended' } });
    expect(await ask('/referenda active')).toMatchObject({ filter: { status: 'ongoing' } });
    expect(await ask('/referenda approved rejected')).toMatchObject({ error: { code: 'extra-argument' } });
  });

  it('refuses an unknown track, naming the tracks there are', async () => {
    const reply = await ask('/referenda galactic_senate');
    expect(reply).toMatchObject({ type: 'error', error: { code: 'unknown-track' } });
    if (reply.type === 'error') expect(reply.error.message).toContain('treasurer');
  });
});

describe('/referendum', () => {
  it('a deciding referendum: the engine view, the chart, and the alert actions', async () => {
    const id = h.scenario.fixtures.referenda.deciding[0]!;
    const reply = await ask(`/referendum ${id}`);
    if (reply.type !== 'referendum') throw new Error(JSON.stringify(reply));
    expect(reply.view.phase).toBe('deciding');
    const info = h.scenario.expected.governance.referenda[id]!;
    if (info.status !== 'ongoing') throw new Error('fixture');
    expect(reply.track?.id).toBe(info.track);
    expect(reply.attachments).toHaveLength(1);
    expect(reply.attachments[0]).toMatchObject({
      type: 'referendum-chart',
      referendum: id,
      fileName: `referendum-${id}.png`,
    });
    const chart = reply.attachments[0]!.chart;
    expect(chart.approvalCurve.length).toBeGreaterThan(10);
    // The snapshot kept the tally it read; with one snapshot the history is that tally, at now.
    const stored = await h.context().store.getEntity(ENTITY.tallyHistory, String(id));
    expect(parseTallyHistory(stored)).toEqual([{ block: reply.freshness!.relayBlock, ...info.tally }]);
    expect(chart.history!.approval).toEqual([{ x: chart.now!.days, y: chart.current!.approval }]);
    expect(chart.history!.support).toEqual([{ x: chart.now!.days, y: chart.current!.support }]);
    expect(reply.actions.map((a) => a.type)).toEqual(['deadline-alert', 'subscribe-track', 'call-data']);
    expect(reply.actions[0]!.command).toBe(`/sub deadlines #${id}`);
  });

  it('a confirming one says when confirmation ends; an ended one has no chart', async () => {
    const confirming = await ask(`/referendum ${h.scenario.fixtures.referenda.confirming[0]}`);
    if (confirming.type !== 'referendum') throw new Error(confirming.type);
    expect(confirming.view.phase).toBe('confirming');
    const approvedId = h.scenario.fixtures.referenda.approved[0]!;
    const approved = await ask(`/referendum #${approvedId}`);
    expect(approved).toMatchObject({
      type: 'referendum',
      view: { phase: 'approved' },
      attachments: [],
      actions: [],
    });
  });

  it('refuses unknown, non-numeric and missing ids', async () => {
    const count = h.scenario.expected.governance.referendumCount;
    const unknown = await ask(`/referendum ${count + 10}`);
    expect(unknown).toMatchObject({ type: 'error', error: { code: 'unknown-referendum' } });
    if (unknown.type === 'error') expect(unknown.error.message).toContain(`0 to ${count - 1}`);
    expect(await ask('/referendum twelve')).toMatchObject({ error: { code: 'invalid-referendum-id' } });
    expect(await ask('/referendum')).toMatchObject({ error: { code: 'missing-argument' } });
  });

  it('suggests a referendum that exists: the newest ongoing one, which then answers', async () => {
    const g = h.scenario.expected.governance;
    const newest = Math.max(
      ...Object.values(g.referenda)
        .filter((r) => r.status === 'ongoing')
        .map((r) => r.id),
    );
    const unknown = await ask(`/referendum ${g.referendumCount + 960}`);
    if (unknown.type !== 'error') throw new Error(unknown.type);
    expect(unknown.error.hint).toBe(
      `/referenda lists the ongoing ones, e.g. /referendum ${newest} (the newest ongoing one).`,
    );
    expect(await ask(`/referendum ${newest}`)).toMatchObject({ type: 'referendum', id: newest });
    const deadline = await answerCommand(
      `/subscribe deadlines #${g.referendumCount + 960}`,
      h.context({ caller: { platform: 'telegram', kind: 'chat', id: '-100990', createdBy: '1' } }),
    );
    if (deadline.type !== 'error') throw new Error(deadline.type);
    expect(deadline.error.message).toContain(`run from 0 to ${g.referendumCount - 1}`);
    expect(deadline.error.hint).toContain(`/subscribe deadlines #${newest} (the newest ongoing one)`);
    // Two numbers: the first is suggested, not an example.
    expect(await ask('/referendum 7 8')).toMatchObject({
      error: { code: 'extra-argument', hint: '/referendum 7' },
    });
    for (const line of ['/referendum', '/referendum abc', '/referendum -1'])
      expect(JSON.stringify(await ask(line)), line).not.toMatch(/412/);
  });
});
