/** The card records: one per (target, referendum), claimed before a platform call, recorded after it. */
export { type CardStoreOptions, createCardStore } from './store.js';
