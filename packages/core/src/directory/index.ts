export * from './searchText.ts';
