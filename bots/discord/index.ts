export * from './definitions/index.js';
export * from './delivery/index.js';
export * from './rest.js';
