export * from './profile.js';
export * from './errors.js';
export * from './months.js';
