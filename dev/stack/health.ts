/** GET /health: is the stack up, which chain it reads, and how fresh the served snapshot is. */

import type { SnapshotStore } from '../../core/ports/snapshot-store.js';
import type { ChainEndpoints } from '../../lambdas/snapshot/chain-reader.js';
import type { Route } from './http-server.js';
import type { SnapshotLoop } from './snapshot-loop.js';

interface HealthDeps {
  store: SnapshotStore;
  endpoints: ChainEndpoints;
  snapshots: SnapshotLoop;
  dynamoEndpoint: string;
  tableName?: string;
}

export function healthRoute(deps: HealthDeps): Route {
  return async () => {
    const pointer = await deps.store.getPointer().catch(() => undefined);
    const meta = (pointer?.meta ?? null) as { relayBlock?: number; blockNumber?: number } | null;
    const last = deps.snapshots.last();
    const body = {
      ok: pointer !== undefined && deps.snapshots.lastError() === null,
      relayBlock: meta?.relayBlock ?? null,
      assetHubBlock: meta?.blockNumber ?? null,
      snapshotVersion: pointer?.version ?? null,
      snapshotCommittedAt: pointer ? new Date(pointer.committedAt).toISOString() : null,
      lastSnapshot: last,
      lastSnapshotError: deps.snapshots.lastError(),
      chain: {
        assetHub: deps.endpoints.assetHub,
        relay: deps.endpoints.relay ?? [],
        people: deps.endpoints.people ?? [],
        coretime: deps.endpoints.coretime ?? [],
      },
      dynamodb: deps.dynamoEndpoint,
      tableName: deps.tableName ?? null,
      // Lets a CLI tell this stack from a stale .data/stack.json whose port another process took.
      pid: process.pid,
    };
    return { status: 200, body: JSON.stringify(body) };
  };
}
