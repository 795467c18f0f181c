export * from './answer.js';
export * from './config.js';
export * from './context.js';
export * from './frame.js';
export * from './parse.js';
export * from './registry.js';
export * from './snapshot-cache.js';
