/**
 * Builds a dev chain's stub runtime: a tiny wasm module that answers the runtime calls Chopsticks
 * makes with fixed SCALE buffers, carrying a real runtime's metadata and version (Kusama Asset Hub
 * or the relay chain). No pallet logic runs; the chain serves only the storage the scenario seeds.
 */

import { Metadata, TypeRegistry } from '@polkadot/types';
import wabtFactory from 'wabt';
import { wrapOpaqueMetadata } from './opaque-metadata.js';
import type { RuntimeVersionJson } from './runtimes.js';

/** What a stub serves: the metadata bytes (with the `meta` magic) and the runtime version. */
export interface StubRuntimeSource {
  metadataBytes(): Uint8Array;
  version(): RuntimeVersionJson;
}

/** Every export answers `(ptr: i32, len: i32) -> i64` with `(len << 32) | ptr` of a fixed buffer. */
type Responses = Record<string, Uint8Array | { offsetOf: string; skip: number }>;

const DATA_START = 1024;

export function stubResponses(source: StubRuntimeSource): Responses {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, source.metadataBytes());
  registry.setMetadata(metadata);
  const version = source.version();
  const runtimeVersion = registry.createType('RuntimeVersion', version).toU8a();
  const coreApi = version.apis.find(([id]) => id === '0xdf6acb689907609b');
  const header = registry
    .createType('Header', {
      parentHash: new Uint8Array(32),
      number: 0,
      stateRoot: new Uint8Array(32),
      extrinsicsRoot: new Uint8Array(32),
      digest: { logs: [] },
    })
    .toU8a();
  return {
    Core_version: runtimeVersion,
    // Option<OpaqueMetadata> = 0x01 ++ compact(len) ++ metadata: served as is.
    Metadata_metadata_at_version: wrapOpaqueMetadata(source.metadataBytes()),
    // OpaqueMetadata = compact(len) ++ metadata: the same bytes without the Option tag.
    Metadata_metadata: { offsetOf: 'Metadata_metadata_at_version', skip: 1 },
    Metadata_metadata_versions: registry.createType('Vec<u32>', [metadata.version]).toU8a(),
    // Core v5 returns ExtrinsicInclusionMode::AllExtrinsics; earlier versions return ().
    Core_initialize_block: (coreApi?.[1] ?? 0) >= 5 ? new Uint8Array([0]) : new Uint8Array(),
    BlockBuilder_apply_extrinsic: new Uint8Array([0, 0]),
    BlockBuilder_finalize_block: header,
    BlockBuilder_inherent_extrinsics: new Uint8Array([0]),
    AuraApi_slot_duration: registry.createType('u64', 6000).toU8a(),
    AccountNonceApi_account_nonce: registry.createType('u32', 0).toU8a(),
  };
}

function watBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += `\\${b.toString(16).padStart(2, '0')}`;
  return out;
}

/** The module as WebAssembly text: data segments, one export per runtime call, `__heap_base`. */
export function stubRuntimeWat(responses: Responses): string {
  const placed = new Map<string, { ptr: number; len: number }>();
  const segments: string[] = [];
  let offset = DATA_START;
  for (const [name, value] of Object.entries(responses)) {
    if (!(value instanceof Uint8Array)) continue;
    placed.set(name, { ptr: offset, len: value.length });
    if (value.length > 0) segments.push(`  (data (i32.const ${offset}) "${watBytes(value)}")`);
    offset = (offset + value.length + 7) & ~7;
  }
  for (const [name, value] of Object.entries(responses)) {
    if (value instanceof Uint8Array) continue;
    const base = placed.get(value.offsetOf);
    if (!base) throw new Error(`stub response ${name} refers to unknown ${value.offsetOf}`);
    placed.set(name, { ptr: base.ptr + value.skip, len: base.len - value.skip });
  }
  const heapBase = (offset + 0xffff) & ~0xffff;
  const pages = heapBase / 0x10000 + 1;
  const funcs = [...placed].map(([name, { ptr, len }]) => {
    const packed = (BigInt(len) << 32n) | BigInt(ptr);
    return `  (func (export "${name}") (param i32 i32) (result i64) (i64.const ${packed}))`;
  });
  return [
    '(module',
    `  (import "env" "memory" (memory ${pages}))`,
    `  (global (export "__heap_base") i32 (i32.const ${heapBase}))`,
    ...funcs,
    ...segments,
    ')',
  ].join('\n');
}

export async function buildStubRuntime(source: StubRuntimeSource): Promise<Uint8Array> {
  const wabt = await wabtFactory();
  const module = wabt.parseWat('herald-stub-runtime.wat', stubRuntimeWat(stubResponses(source)));
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
