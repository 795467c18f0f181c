/** The subscription store: who is subscribed to what, and the index items alerts are routed by (design.md). */
export { indexItemKey, targetItemKey } from './keys.js';
export { createSubscriptionStore, type SubscriptionStoreOptions, startSettingsSummaries } from './store.js';
