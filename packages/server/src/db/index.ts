export { Database, type Tx, type Reader, type Dialect } from './database.ts';
export { connectDatabase } from './connect.ts';
export { migrateToLatest } from './migrate.ts';
export type * from './schema.ts';
