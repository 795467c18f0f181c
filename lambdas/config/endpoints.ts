/** Chain endpoints from configuration: comma-separated lists, validated, in the order given. */

import { ENV } from '../../core/config/env-names.js';
import type { ChainEndpoints } from '../snapshot/chain-reader.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseEndpointList(raw: string | undefined, name: string): string[] {
  if (!raw) return [];
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const url of list) {
    if (!/^wss?:\/\/[^\s/]+/.test(url))
      throw new ConfigError(`${name}: "${url}" is not a ws:// or wss:// URL`);
  }
  return list;
}

export function endpointsFromEnv(env: NodeJS.ProcessEnv = process.env): ChainEndpoints | null {
  const assetHub = parseEndpointList(env[ENV.assetHubRpc], ENV.assetHubRpc);
  const relay = parseEndpointList(env[ENV.relayRpc], ENV.relayRpc);
  const people = parseEndpointList(env[ENV.peopleRpc], ENV.peopleRpc);
  const coretime = parseEndpointList(env[ENV.coretimeRpc], ENV.coretimeRpc);
  if (assetHub.length === 0) return null;
  return {
    assetHub,
    ...(relay.length > 0 ? { relay } : {}),
    ...(people.length > 0 ? { people } : {}),
    ...(coretime.length > 0 ? { coretime } : {}),
  };
}
