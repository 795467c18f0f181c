export * from './errors.js';
export * from './parse.js';
export * from './ss58.js';
