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
            // use-sync-external-store: React's shim, used by recharts and by app libraries alike; here, the
            // charts group below cannot take it away from the pages that need it without charts.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|use-sync-external-store)[\\/]/,
            },
            // Every Mantine package but the charts' code, which the statistics pages alone use (see `charts`);
            // the charts' stylesheet is imported with the others in main.tsx, so it belongs here.
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine[\\/](?!charts[\\/])|@mantine[\\/]charts[\\/]styles\.css|@floating-ui|react-remove-scroll|react-number-format)/,
            },
            // Mantine charts and recharts (with its d3 and redux dependencies, taken along by the group):
            // fetched with the statistics pages only. Listed after `mantine`, so @mantine/core, which the
            // charts import, stays in the chunk every page already has.
            { name: 'charts', test: /node_modules[\\/](@mantine[\\/]charts|recharts)[\\/]/ },
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
