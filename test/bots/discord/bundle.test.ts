/**
 * The bundled interactions Lambda, as deployed: esbuild output imported in a fresh `node` process,
 * driven with Function URL events against a snapshot in dynalite (reached through the SDK's
 * AWS_ENDPOINT_URL_DYNAMODB), under the 1 MB target.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotEntities } from '../../../core/snapshot/snapshot-entities.js';
import { bundleDiscordHandler } from '../../../dev/discord-bundle.js';
import { generateScenario } from '../../../dev/scenario/index.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('bundled interactions handler', () => {
  let dir: string;
  let dynamo: TestDynamo;
  let tableName: string;
  const scenario = generateScenario({ size: 'small', seed: 5 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'herald-discord-bundle-'));
    await bundleDiscordHandler(
      join(ROOT, 'lambdas/handlers/discord-interactions.ts'),
      join(dir, 'index.mjs'),
    );
    dynamo = await startTestDynamo();
    tableName = await dynamo.newTable('bundle');
    const store = createDynamoStore({ client: dynamo.client, tableName });
    // The scenario's expected snapshot has no Asset Hub block; the snapshot job fills it in.
    const snapshot = {
      ...scenario.expected,
      anchor: { ...scenario.expected.anchor, blockHash: '0x00', blockNumber: 1, genesisHash: '0x01' },
    };
    await store.writeVersion(
      { relayBlock: snapshot.anchor.relayBlock, blockNumber: 1 },
      snapshotEntities(snapshot),
    );
  });
  afterAll(async () => {
    await dynamo?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is at most 1 MB and answers PING, a bad signature and /status from DynamoDB', async () => {
    const bytes = statSync(join(dir, 'index.mjs')).size;
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const ts = String(Math.floor(Date.now() / 1000));
    const event = (body: string, signed = body) => ({
      headers: {
        'x-signature-ed25519': sign(null, Buffer.from(ts + signed), privateKey).toString('hex'),
        'x-signature-timestamp': ts,
      },
      body: Buffer.from(body).toString('base64'),
      isBase64Encoded: true,
    });
    const ping = JSON.stringify({
      id: '1',
      application_id: '1300000000000000001',
      type: 1,
      token: 't',
      version: 1,
    });
    const status = JSON.stringify({
      id: '2',
      application_id: '1300000000000000001',
      type: 2,
      token: 'tok',
      version: 1,
      context: 1,
      user: { id: '1300000000000000004' },
      data: { name: 'status', type: 1 },
    });
    const events = [event(ping), event(`${ping} `, ping), event(status)];
    const script = join(dir, 'run.mjs');
    writeFileSync(
      script,
      `const { handler } = await import('./index.mjs');\nconst out = [];\nfor (const e of ${JSON.stringify(events)}) out.push(await handler(e));\nconsole.log(JSON.stringify(out));\n`,
    );
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        HERALD_TABLE_NAME: tableName,
        DISCORD_FOLLOWUP_FUNCTION: 'Herald-DiscordFollowup-unused',
        DISCORD_PUBLIC_KEY: Buffer.from(
          (publicKey.export({ format: 'jwk' }) as { x: string }).x,
          'base64url',
        ).toString('hex'),
      },
    });
    const [pong, refused, answered] = JSON.parse(stdout.trim().split('\n').pop()!) as Array<{
      statusCode: number;
      body: string;
    }>;
    expect(pong).toMatchObject({ statusCode: 200, body: '{"type":1}' });
    expect(refused?.statusCode).toBe(401);
    expect(answered?.statusCode).toBe(200);
    const reply = JSON.parse(answered!.body) as {
      type: number;
      data: { embeds: Array<{ title: string; footer: { text: string } }> };
    };
    expect(reply.type).toBe(4);
    expect(reply.data.embeds[0]!.title, stderr).toBe('Herald status');
    expect(reply.data.embeds[0]!.footer.text).toContain(
      `relay block #${scenario.expected.anchor.relayBlock.toLocaleString('en-US')}`,
    );
  });
});
