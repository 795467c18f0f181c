/**
 * Names on replies, end to end: the small scenario on the dev Asset Hub and the dev People chain,
 * one snapshot run into dynalite, and /stake, /validator and /referendum answered from the store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand, commandContext, SnapshotCache } from '../../../bots/commands/index.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import { replyAddresses } from '../../../core/reply/reply-addresses.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { startPeopleChain } from '../../../dev/chain/people-chain.js';
import { generateScenario, type Scenario, seedStorage } from '../../../dev/scenario/index.js';
import { runSnapshotJob, type SnapshotSummary } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { IdentityCache } from '../../../lambdas/snapshot/read/identities-cache.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';

describe('replies carry the names of the addresses they show (small scenario)', () => {
  let scenario: Scenario;
  let chain: DevChain;
  let people: DevChain;
  let dynamo: TestDynamo;
  let store: SnapshotStore;
  let summary: SnapshotSummary;

  beforeAll(async () => {
    scenario = generateScenario({ size: 'small', seed: 42 });
    [chain, people, dynamo] = await Promise.all([
      startDevChain({ identity: 'small/42' }),
      startPeopleChain(scenario.people, { identity: 'small/42' }),
      startTestDynamo(),
    ]);
    await seedStorage(chain.endpoint, scenario.storage);
    store = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable('names') });
    summary = await runSnapshotJob({
      store,
      endpoints: { assetHub: [chain.endpoint], people: [people.endpoint] },
      archive: new MemoryEraArchive(),
      identities: new IdentityCache(),
    });
  });
  afterAll(async () => {
    await people?.close();
    await chain?.close();
    await dynamo?.close();
  });

  const ask = (line: string): Promise<Reply> =>
    answerCommand(
      line,
      commandContext({ store, caller: null, cache: new SnapshotCache(), staleAfterMs: 15 * 60_000 }),
    );

  it('the snapshot read every shown address from the People chain', () => {
    expect(summary.identities).toMatchObject({ reason: 'full', endpoint: people.endpoint });
    expect(summary.identities!.read).toBe(summary.identities!.addresses);
    expect(summary.warnings).toEqual([]);
  });

  it('/validator names a verified validator, and a stash that is a sub-identity as Parent/child', async () => {
    const f = scenario.fixtures.identities!;
    const verified = await ask(`/validator ${f.verifiedValidator}`);
    expect(verified.type).toBe('validator');
    expect(verified.names).toEqual({ [f.verifiedValidator]: scenario.people.expected[f.verifiedValidator] });
    expect(verified.names![f.verifiedValidator]!.verified).toBe(true);

    const sub = f.operator.subs[0]!;
    const subReply = await ask(`/validator ${sub.address}`);
    expect(subReply.names).toEqual({
      [sub.address]: { display: 'Basalt Operations', sub: sub.sub, verified: true },
    });
    const unnamed = await ask(`/validator ${f.unnamedValidator}`);
    expect(unnamed.type).toBe('validator');
    expect(unnamed.names).toBeUndefined();
  });

  it('/stake of a named nominator names it and every named target it shows', async () => {
    const f = scenario.fixtures.identities!;
    const reply = await ask(`/stake ${f.nominator}`);
    if (reply.type !== 'stake') throw new Error(`expected a stake reply, got ${reply.type}`);
    const targets = reply.view.nominations!.targets.map((t) => t.validator);
    const expected = Object.fromEntries(
      [f.nominator, ...targets].flatMap((a) =>
        scenario.people.expected[a] ? [[a, scenario.people.expected[a]]] : [],
      ),
    );
    expect(Object.keys(expected).length).toBeGreaterThan(1);
    expect(reply.names).toEqual(expected);
  });

  it('/referendum names its named submitter', async () => {
    const f = scenario.fixtures.identities!;
    const ref = Object.values(scenario.expected.governance.referenda).find(
      (r) => r.submissionDeposit?.who === f.proposer,
    )!;
    const reply = await ask(`/referendum ${ref.id}`);
    expect(reply.type).toBe('referendum');
    expect(reply.names?.[f.proposer]).toEqual({ ...scenario.people.expected[f.proposer]!, verified: true });
    expect(replyAddresses(reply)).toContain(f.proposer);
  });

  it("/referendum and /referenda name a spend's beneficiary from the decoded call", async () => {
    const beneficiaries = new Set(scenario.expected.treasury!.spends.map((s) => s.beneficiary));
    const ongoing = Object.values(scenario.expected.governance.referenda)
      .filter((r) => r.status === 'ongoing')
      .map((r) => r.id);
    let found: { reply: Reply; beneficiary: string } | null = null;
    for (const id of ongoing) {
      const reply = await ask(`/referendum ${id}`);
      if (reply.type !== 'referendum' || reply.title?.source !== 'call') continue;
      const beneficiary = [...beneficiaries].find(
        (b) => reply.title!.text.includes(b) && scenario.people.expected[b],
      );
      if (beneficiary) {
        found = { reply, beneficiary };
        break;
      }
    }
    if (!found) throw new Error('no ongoing referendum pays a named beneficiary in the scenario');
    const name = scenario.people.expected[found.beneficiary];
    expect(found.reply.names?.[found.beneficiary]).toEqual(name);
    const track = (found.reply as Extract<Reply, { type: 'referendum' }>).track?.id;
    const list = await ask(`/referenda ${track} ongoing`);
    if (list.type !== 'referenda') throw new Error(`expected referenda, got ${list.type}`);
    expect(list.rows.map((r) => r.id)).toContain((found.reply as { id: number }).id);
    expect(list.names?.[found.beneficiary]).toEqual(name);
  });

  it('a People chain that is down keeps the last names, says so, and the snapshot still commits', async () => {
    const f = scenario.fixtures.identities!;
    const next = await runSnapshotJob({
      store,
      endpoints: { assetHub: [chain.endpoint], people: ['ws://127.0.0.1:9'] },
      archive: new MemoryEraArchive(),
      identities: new IdentityCache(),
      connectTimeoutMs: 2_000,
    });
    expect(next.version).toBeGreaterThan(summary.version);
    expect(next.identities).toBeNull();
    expect(next.warnings).toHaveLength(1);
    expect(next.warnings[0]).toMatch(/^People chain not read \(.*\): names kept of the served version/);
    const reply = await ask(`/validator ${f.verifiedValidator}`);
    expect(reply.names).toEqual({ [f.verifiedValidator]: scenario.people.expected[f.verifiedValidator] });
  });
});
