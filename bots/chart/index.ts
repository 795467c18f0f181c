export * from './assets.js';
export * from './errors.js';
export * from './render.js';
export * from './svg.js';
