import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand, type CommandContext, commandContext } from '../../../bots/commands/index.js';
import { renderText } from '../../../bots/text/index.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import { snapshotEntities } from '../../../core/snapshot/snapshot-entities.js';
import type { Snapshot } from '../../../core/types/index.js';
import { generateScenario, type Scenario } from '../../../dev/scenario/index.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';

let dynamo: TestDynamo;
let store: SnapshotStore;
let scenario: Scenario;
let committedAt: number;
let context: (nowMs?: number) => CommandContext;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  const tableName = await dynamo.newTable('render');
  store = createDynamoStore({ client: dynamo.client, tableName });
  scenario = generateScenario({ size: 'small', seed: 7 });
  const snapshot: Snapshot = {
    ...scenario.expected,
    anchor: { ...scenario.expected.anchor, blockHash: '0xab', blockNumber: 9, genesisHash: '0x01' },
  };
  const meta = { relayBlock: snapshot.anchor.relayBlock, blockNumber: 9, blockHash: '0xab' };
  await store.writeVersion(meta, snapshotEntities(snapshot), meta);
  committedAt = (await store.getPointer())!.committedAt;
  const subscriptions = createSubscriptionStore({ client: dynamo.client, tableName });
  context = (nowMs = committedAt + 60_000) =>
    commandContext({
      store,
      subscriptions,
      caller: { platform: 'discord', kind: 'channel', id: '123', createdBy: '9' },
      now: () => nowMs,
      staleAfterMs: 15 * 60_000,
    });
});
afterAll(async () => {
  await dynamo?.close();
});

async function text(line: string, nowMs?: number): Promise<string> {
  return renderText(await answerCommand(line, context(nowMs)));
}

describe('plain-text rendering', () => {
  it('renders every reply type without placeholders, ending with the data age except help and errors', async () => {
    const f = scenario.fixtures;
    const lines = [
      `/stake ${f.nominators.allTargetsActive}`,
      `/stake ${f.pools.member}`,
      `/validator ${f.validators.elected[0]}`,
      '/era',
      '/referenda',
      '/referenda ended',
      `/referendum ${f.referenda.deciding[0]}`,
      `/referendum ${f.referenda.preparing[0]}`,
      `/referendum ${f.referenda.approved[0]}`,
      '/tracks',
      '/subscribe deadlines 2h',
      '/subscriptions',
      '/unsubscribe all',
      '/status',
      '/help',
      '/help stake',
      '/nonsense',
    ];
    const relay = scenario.expected.anchor.relayBlock.toLocaleString('en');
    for (const line of lines) {
      const out = await text(line);
      expect(out, line).not.toMatch(/undefined|NaN|\[object Object\]/);
      const aged = !line.startsWith('/help') && line !== '/nonsense';
      if (aged) expect(out.split('\n').at(-1), line).toContain(`Data as of relay block #${relay}`);
      else expect(out, line).not.toContain('Data as of');
      expect(out, line).not.toContain('WARNING');
    }
  });

  it('warns first when the data is stale', async () => {
    const out = await text('/era', committedAt + 2 * 60 * 60_000);
    expect(out.split('\n')[0]).toMatch(
      /^WARNING: stale data\. The last snapshot is 2h 0m old|^WARNING: stale data\. The last snapshot is 2h old/,
    );
  });

  it('a referendum shows its tally against the thresholds, the chart and the actions', async () => {
    const id = scenario.fixtures.referenda.deciding[0]!;
    const out = await text(`/referendum ${id}`);
    expect(out).toContain(`Referendum #${id}`);
    expect(out).toMatch(/Approval: [\d.]+%, needs [\d.]+% now: (enough|short)/);
    expect(out).toContain(`Links: Vote on Subsquare https://kusama.subsquare.io/referenda/${id}`);
    expect(out).toContain(`[chart attached: referendum-${id}.png`);
    expect(out).toContain(`Alert me before the deadline: /sub deadlines #${id}`);
    expect(out).toContain(`Call data to vote on referendum ${id}: /calldata ${id}`);
  });

  it('errors say what was wrong and what to type', async () => {
    const out = await text('/referendum abc');
    expect(out).toMatch(/^\/referendum: that did not work\n"abc" is not a referendum number\./);
    expect(out).toContain('Try: /referendum followed by its number in digits, as /referenda lists them');
    expect(out).toContain('Usage: /referendum <id>');
  });
});
