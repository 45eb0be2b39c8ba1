/** resolve/: the public door. Plain re-exports only. */
export * from './company-name.js';
export * from './company-domain.js';
export * from './company-linkedin.js';
export * from './company-resolver.js';
export * from './company-explain.js';
export * from './cohort.js';
export * from './cohort-file.js';
export * from './cohort-registry.js';
export * from './cohort-index.js';
export * from './company-placeholders.js';
export * from './company-registry.js';
export * from './company-registry-entries.js';
export * from './company-rollup.js';
export * from './cohort-rules.js';
export * from './month-spans.js';
