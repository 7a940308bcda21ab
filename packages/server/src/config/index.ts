export { buildConfig, type Config, type DatabaseConfig } from './config.ts';
export { readEnv, ENV_VARS } from './env.ts';
export { resolveInstanceSecret, type InstanceSecret } from './secret.ts';
