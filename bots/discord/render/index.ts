export * from './buttons.js';
export * from './colours.js';
export * from './freshness.js';
export * from './message.js';
export { describeSubscription } from './subscriptions.js';
