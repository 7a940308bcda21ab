#!/usr/bin/env node
// The CLI runs its TypeScript through tsx so `npm install` alone leaves it runnable (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
