export * from './common.ts';
export * from './auth.ts';
export * from './accounts.ts';
export * from './organisations.ts';
export * from './mail.ts';
export * from './directory.ts';
