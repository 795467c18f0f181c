/** The alert records: delivery idempotency, subscriber settings and the detector's cursor. */
export { CURSOR_KEY, deliveryKey, settingsKey } from './keys.js';
export { type AlertRecordStoreOptions, createAlertRecordStore } from './store.js';
