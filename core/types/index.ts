export * from './chain-constants.js';
export * from './governance.js';
export * from './parachains.js';
export * from './snapshot.js';
export * from './staking.js';
export * from './treasury.js';
