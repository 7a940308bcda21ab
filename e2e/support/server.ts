import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const CLI = join(ROOT, 'packages/cli/bin/liaison.js');

/** A port nobody listens on right now: ask the OS for one, then release it for the server. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  /** stdout + stderr so far, for failure messages. */
  output: () => string;
  /** Runs `liaison <args>` against the same data directory. */
  cli: (...args: string[]) => Promise<string>;
  stop: () => Promise<void>;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`liaison serve exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`liaison serve did not answer /api/health within 60 s:\n${output()}`);
}

/**
 * Starts the real server (`liaison serve`) on a fresh data directory and a free port; `extraEnv` adds
 * `LIAISON_*` settings for one suite.
 */
export async function startServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Run as `npm start` would, not in vitest's NODE_ENV=test.
    NODE_ENV: 'production',
    LIAISON_DATA_DIR: dataDir,
    LIAISON_HTTP_PORT: String(port),
    LIAISON_PUBLIC_URL: baseUrl,
    ...extraEnv,
  };
  let log = '';
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log;
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    baseUrl,
    env,
    output,
    cli: async (...args) => {
      const { stdout } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, env });
      return stdout;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function newestChange(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestChange(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/**
 * The UI under test is the build the server serves: rebuild it when any web source is newer than the
 * build, so a test never passes against yesterday's bundle.
 */
export async function ensureWebAppBuilt(): Promise<void> {
  const web = join(ROOT, 'packages/web');
  const built = await stat(join(web, 'dist/index.html')).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  const sources = await Promise.all(
    ['src', 'public', 'index.html', 'vite.config.ts'].map((entry) => newestChange(join(web, entry))),
  );
  const core = await newestChange(join(ROOT, 'packages/core/src'));
  if (built > Math.max(core, ...sources)) return;
  // Vitest sets NODE_ENV=test, which would make Vite emit a development bundle (no service worker).
  await run('npm', ['run', 'build', '--workspace', 'packages/web'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
