export * from './builders.js';
export * from './names.js';
export * from './options.js';
export * from './types.js';
