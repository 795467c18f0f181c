export * from './local-route.js';
export * from './notifier.js';
export * from './notifier-setup.js';
export * from './register.js';
export * from './rest.js';
