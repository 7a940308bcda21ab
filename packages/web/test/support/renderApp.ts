import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { prerender } from 'react-dom/static';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';

/**
 * Renders the whole app (layout, routes, lazily loaded pages) at an address to HTML, in Node: no DOM
 * library is installed, so pages are checked on what they render from the data in the query cache
 * (which the tests fill through the real API client with a stubbed fetch). Effects do not run here,
 * and nothing is fetched while rendering.
 */

let loaded: ReturnType<typeof loadApp> | null = null;

/** src/i18n/index.ts sets <html lang> when it loads: a stand-in document for that one line. */
async function loadApp() {
  const global = globalThis as { document?: unknown };
  global.document = { documentElement: { lang: '' } };
  try {
    await import('../../src/i18n/index.ts');
    return await import('../../src/App.tsx');
  } finally {
    // Gone again before rendering, so no library takes Node for a browser.
    delete global.document;
  }
}

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
}

export async function renderApp(path: string, client: QueryClient): Promise<string> {
  loaded ??= loadApp();
  const { App } = await loaded;
  const { theme } = await import('../../src/theme.ts');
  const tree = createElement(
    MantineProvider,
    { theme },
    createElement(
      QueryClientProvider,
      { client },
      createElement(MemoryRouter, { initialEntries: [path] }, createElement(App)),
    ),
  );
  const { prelude } = await prerender(tree);
  return await new Response(prelude).text();
}

export type FetchCall = { url: string; method: string; body: unknown };

/**
 * A stand-in for fetch answering from a table of paths (query strings included); records every call
 * with its decoded JSON body. Unknown paths answer 404 like the server would.
 */
export function stubFetch(routes: Record<string, { status?: number; json: unknown }>): FetchCall[] {
  const calls: FetchCall[] = [];
  const fake = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ url, method: init?.method ?? 'GET', body });
    const route = routes[url];
    const status = route?.status ?? (route ? 200 : 404);
    const json = route?.json ?? { error: { code: 'NOT_FOUND', message: 'not found' } };
    return Promise.resolve(
      new Response(JSON.stringify(json), { status, headers: { 'Content-Type': 'application/json' } }),
    );
  };
  vi.stubGlobal('fetch', fake);
  return calls;
}

/** Intl puts narrow and ordinary no-break spaces in French numbers ("1 234,56 €"): compare with plain ones. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}
