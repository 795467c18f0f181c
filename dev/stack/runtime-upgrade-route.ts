/**
 * POST /dev/runtime-upgrade: a scenario mutation for a running `npm start`. The dev Asset Hub
 * enacts a runtime upgrade (new code, new metadata, new spec version) and a snapshot runs at
 * once, so Herald's reaction (the spec version and since when in /status, the operators' alert)
 * shows without waiting for the next interval. Body: `{"specVersion": 2003001}`; without one, the
 * next spec version of the running runtime's code. A known spec version brings its own metadata
 * (for instance 1009003 -> 2003000); another one reuses the running runtime's metadata.
 */
import type { SnapshotSummary } from '../../lambdas/snapshot/job.js';
import type { DevChain } from '../chain/devchain.js';
import { ASSET_HUB_SPEC_VERSIONS, assetHubRuntime, withSpecVersion } from '../chain/runtimes.js';
import type { HttpRequest, HttpResponse, Route } from './http-server.js';

export const RUNTIME_UPGRADE_PATH = '/dev/runtime-upgrade';

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

function requestedSpec(request: HttpRequest, current: number): number | string {
  if (request.body.length === 0) return current + 1;
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    return 'the body must be JSON, e.g. {"specVersion": 2003001}';
  }
  const spec = (body as { specVersion?: unknown } | null)?.specVersion ?? current + 1;
  if (!Number.isSafeInteger(spec) || (spec as number) <= current) {
    return `specVersion must be a whole number above the running ${current}, not ${JSON.stringify(spec)}`;
  }
  return spec as number;
}

export function runtimeUpgradeRoute(
  chain: DevChain,
  snapshotNow: () => Promise<SnapshotSummary | null>,
  log: (line: string) => void,
): Route {
  return async (request) => {
    const from = chain.runtime.specVersion;
    const spec = requestedSpec(request, from);
    if (typeof spec === 'string') return json(400, { ok: false, error: spec });
    const next = ASSET_HUB_SPEC_VERSIONS.includes(spec)
      ? assetHubRuntime(spec)
      : withSpecVersion(chain.runtime, spec);
    const block = await chain.upgradeRuntime(next);
    log(`dev chain: runtime upgraded from spec ${from} to ${spec} (first block under it: ${block})`);
    const summary = await snapshotNow();
    return json(200, {
      ok: true,
      from,
      to: spec,
      block,
      snapshot: summary && { version: summary.version, runtime: summary.runtime, warnings: summary.warnings },
    });
  };
}
