export * from './alert-settings-text.js';
export * from './common.js';
export * from './governance-text.js';
export * from './render.js';
export * from './staking-text.js';
export * from './subscription-settings-text.js';
export * from './subscriptions-text.js';
