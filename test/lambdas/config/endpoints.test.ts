import { describe, expect, it } from 'vitest';
import { ENV } from '../../../core/config/env-names.js';
import { ConfigError, endpointsFromEnv } from '../../../lambdas/config/endpoints.js';

describe('chain endpoints from the environment', () => {
  it('take the Coretime chain beside Asset Hub, the relay chain and the People chain, each in the order given', () => {
    expect(
      endpointsFromEnv({
        [ENV.assetHubRpc]: 'wss://ah.example',
        [ENV.relayRpc]: 'wss://relay.example',
        [ENV.peopleRpc]: 'wss://people.example',
        [ENV.coretimeRpc]: 'wss://coretime-a.example, wss://coretime-b.example',
      }),
    ).toEqual({
      assetHub: ['wss://ah.example'],
      relay: ['wss://relay.example'],
      people: ['wss://people.example'],
      coretime: ['wss://coretime-a.example', 'wss://coretime-b.example'],
    });
  });

  it('leave the Coretime chain out when it is not set', () => {
    expect(endpointsFromEnv({ [ENV.assetHubRpc]: 'wss://ah.example' })).toEqual({
      assetHub: ['wss://ah.example'],
    });
  });

  it('refuse a Coretime endpoint that is not a WebSocket URL, naming the variable', () => {
    expect(() =>
      endpointsFromEnv({
        [ENV.assetHubRpc]: 'wss://ah.example',
        [ENV.coretimeRpc]: 'https://coretime.example',
      }),
    ).toThrow(
      new ConfigError('KUSAMA_CORETIME_RPC: "https://coretime.example" is not a ws:// or wss:// URL'),
    );
  });
});
