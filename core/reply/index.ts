export * from './builders.js';
export * from './calldata-reply.js';
export * from './freshness.js';
export * from './json.js';
export * from './missed-rows.js';
export * from './referendum-rows.js';
export * from './reply-types.js';
