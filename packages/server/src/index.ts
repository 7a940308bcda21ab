export { buildApp } from './http/app.ts';
export { createContext, type AppContext } from './context.ts';
export { startServer } from './main.ts';
export { buildConfig, readEnv, type Config } from './config/index.ts';
export { AppError, ConfigError } from './errors.ts';
