/**
 * The subscribing process the crash tests kill: runs the burst against a table and prints a line
 * per finished operation ("ok <n>"). With a pause rule ("record:<n>", "index:<n>" or "summary:<n>",
 * the deadline lead summary) it stops dead
 * right after the n-th acknowledged write of that kind, before the store sees the answer, prints
 * "paused" and waits to be killed: a crash at exactly that point between two writes.
 *
 * Usage: tsx burst-child.ts <endpoint> <table> <none|record:n|index:n|summary:n>
 */
import { localDynamoClient } from '../../../../dev/dynamodb/client.js';
import { createSubscriptionStore } from '../../../../lambdas/store/subscriptions/index.js';
import { BURST_CONCURRENCY, BURST_NOW, burstOps } from './burst-plan.js';

type Av = Record<string, { S?: string } | undefined>;
type WriteKind = 'record' | 'index' | 'summary';

const [endpoint, tableName, pauseRule = 'none'] = process.argv.slice(2);
if (!endpoint || !tableName) throw new Error('usage: burst-child.ts <endpoint> <table> <pause rule>');
const [pauseKind, pauseAt] =
  pauseRule === 'none' ? [null, 0] : [pauseRule.split(':')[0] as WriteKind, Number(pauseRule.split(':')[1])];

const client = localDynamoClient(endpoint);
const hang = () => new Promise<never>(() => {});
const acks: Record<WriteKind, number> = { record: 0, index: 0, summary: 0 };
let paused = false;

/** A target record changed by an UpdateItem, an index item written or deleted, or the lead summary updated. */
function writeKind(command: string, input: Record<string, unknown>): WriteKind | null {
  const op = command.replace(/Command$/, '');
  const pk = ((op === 'PutItem' ? input.Item : input.Key) as Av | undefined)?.pk?.S ?? '';
  if (pk.startsWith('TGT#') && op === 'UpdateItem') return 'record';
  if (pk.startsWith('SUBX#') && ['PutItem', 'UpdateItem', 'DeleteItem'].includes(op)) return 'index';
  if (pk.startsWith('SUBSUM#') && op === 'UpdateItem') return 'summary';
  return null;
}

client.middlewareStack.add(
  (next, context) => async (args) => {
    if (paused) return hang();
    const out = await next(args);
    if (paused) return hang();
    const kind = writeKind(String(context.commandName ?? ''), args.input as Record<string, unknown>);
    if (kind && ++acks[kind] === pauseAt && kind === pauseKind) {
      paused = true;
      setInterval(() => {}, 1 << 30);
      process.stdout.write(`paused after ${kind} write ${pauseAt}\n`);
      return hang();
    }
    return out;
  },
  { step: 'build', name: 'burstPause' },
);

const store = createSubscriptionStore({ client, tableName, now: () => BURST_NOW });
const ops = burstOps();
let next = 0;
let finished = 0;
const worker = async () => {
  while (next < ops.length) {
    const op = ops[next++]!;
    if (op.op === 'subscribe') await store.subscribe(op.target, op.spec);
    else await store.unsubscribe(op.target, op.selector);
    process.stdout.write(`ok ${++finished}\n`);
  }
};
await Promise.all(Array.from({ length: BURST_CONCURRENCY }, worker));
process.stdout.write('done\n');
client.destroy();
