import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';
import { expectHeading } from './support/steps.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('installable app', () => {
  it('has a manifest with icons', async () => {
    const response = await fetch(`${stack.server.baseUrl}/manifest.webmanifest`);
    expect(response.ok).toBe(true);
    const manifest: unknown = await response.json();
    expect(manifest).toMatchObject({ short_name: 'Liaison', start_url: '/', display: 'standalone' });
    // Shape checked by the matcher above and the lookups below; the cast only names it for TypeScript.
    const { icons } = manifest as { icons: { src: string; sizes: string; type: string }[] };
    for (const size of [192, 512]) {
      const icon = icons.find((entry) => entry.sizes === `${size}x${size}` && entry.type === 'image/png');
      expect(icon, `${size}px PNG icon`).toBeDefined();
      const png = await fetch(`${stack.server.baseUrl}${icon?.src ?? ''}`);
      expect(png.headers.get('content-type')).toBe('image/png');
    }
  });

  it('starts offline from the cached shell, and never caches API answers', async () => {
    const { context, page } = await stack.newPage();
    try {
      await page.goto('/login');
      await expectHeading(page, 'Connexion');
      // The worker claims the page once it has stored the shell (see sw.js: install, then activate).
      // A string predicate would be eval'd in the page, which the app's CSP (rightly) forbids: wait
      // for the controller from a function instead.
      await page.evaluate(async () => {
        if (navigator.serviceWorker.controller) return;
        await new Promise<void>((resolve) => {
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
          if (navigator.serviceWorker.controller) resolve();
        });
      });
      await page.reload();
      await expectHeading(page, 'Connexion');

      const cached = await page.evaluate<string[]>(`(async () => {
        const urls = [];
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
        }
        return urls;
      })()`);
      expect(cached).toContain('/index.html');
      expect(cached.some((path) => path.startsWith('/assets/'))).toBe(true);
      expect(cached.filter((path) => path.startsWith('/api'))).toEqual([]);

      await context.setOffline(true);
      await page.goto('/login');
      await expectHeading(page, 'Connexion');
    } finally {
      await context.close();
    }
  });
});
