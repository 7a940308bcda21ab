/**
 * Only production builds get the service worker: in development it would serve stale modules from
 * its cache and hide the changes being made.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Offline start is a convenience; the app works the same without it.
    });
  });
}
