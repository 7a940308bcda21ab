export * from './searchText.ts';
export * from './entryRules.ts';
