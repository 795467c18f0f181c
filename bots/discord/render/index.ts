export * from './buttons.js';
export * from './colours.js';
export { documentEmbed, linkRows } from './document.js';
export * from './message.js';
export { describeSubscription } from './subscription-name.js';
