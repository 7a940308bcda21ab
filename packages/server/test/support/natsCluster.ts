import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/clock.ts';
import { buildConfig } from '../../src/config/config.ts';
import { createContext } from '../../src/context.ts';
import { buildApp } from '../../src/http/app.ts';
import { MAIL_DOMAIN, TEST_SECRET, type TestInstance } from './app.ts';
import type { TestBackend } from './databases.ts';

/**
 * Two server nodes as `liaison serve` runs them in a cluster: one fresh database shared by both, the
 * same instance secret, distinct LIAISON_NODE_ID, and LIAISON_NATS_URL so each builds its own NATS bus.
 * They share one test clock, so a session or TOTP made on one node is valid on the other.
 */
export async function twoNatsNodes(
  backend: TestBackend,
  natsUrl: string,
): Promise<{ a: TestInstance; b: TestInstance; close(): Promise<void> }> {
  const db = await backend.create();
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-data-'));
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  const node = async (nodeId: string): Promise<TestInstance> => {
    const config = {
      ...buildConfig({
        LIAISON_DATA_DIR: dataDir,
        LIAISON_SECRET: TEST_SECRET,
        LIAISON_PUBLIC_URL: 'http://localhost:8080',
        LIAISON_MAIL_DOMAIN: MAIL_DOMAIN,
        LIAISON_LOG_LEVEL: 'silent',
        LIAISON_NODE_ID: nodeId,
        LIAISON_NATS_URL: natsUrl,
      }),
      database: db.config,
    };
    const ctx = await createContext(config, { clock });
    const app = await buildApp(ctx, { webDist: false });
    return {
      ctx,
      app,
      clock,
      async close() {
        await app.close();
        await ctx.close();
      },
    };
  };
  const a = await node('node-a');
  const b = await node('node-b');
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await db.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
