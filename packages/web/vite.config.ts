import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The built app is served by the Liaison server itself (same origin as /api), so in development the
// Vite server forwards /api to a locally running `liaison serve` to keep cookies same-origin too.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format)/,
            },
            // PKI.js and its ASN.1 stack serve the keys page only: their own chunk, fetched with that page
            // rather than with every first visit (listed before `vendor`, which would otherwise take them).
            {
              name: 'crypto',
              test: /node_modules[\\/](pkijs|asn1js|bytestreamjs|pvtsutils|pvutils|@noble|@peculiar)[\\/]/,
            },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
    },
  },
});
