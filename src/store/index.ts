// The store: the only code that speaks SQL.
export * from './db.js';
export * from './sources.js';
export * from './item-saver.js';
export * from './items.js';
export * from './changes.js';
export * from './runs.js';
export * from './tags.js';
export * from './reviews.js';
export * from './maintenance.js';
export * from './matters.js';
export * from './matter-list.js';
export * from './item-filter.js';
export * from './overview.js';
