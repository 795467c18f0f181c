export * from './alert-embeds.js';
export * from './card-messenger.js';
export * from './card-render.js';
export * from './delivery-errors.js';
export * from './message-nonce.js';
export * from './notifier.js';
export * from './rate-limiter.js';
