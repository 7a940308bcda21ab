export * from './api/index.ts';
export * from './errors.ts';
export * from './ids/index.ts';
export * from './codes/index.ts';
export * from './synthetic/index.ts';
export * from './policy/noReply.ts';
export * from './hprim/index.ts';
export * from './mail/index.ts';
