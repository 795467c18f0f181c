export * from './common.js';
export * from './document.js';
export * from './documents.js';
export * from './names.js';
export * from './plain.js';
export { renderText } from './render.js';
export * from './settings-doc.js';
export * from './subscription-words.js';
