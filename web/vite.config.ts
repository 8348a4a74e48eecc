import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API to a gateway on localhost:8080 (JUMBO_GATEWAY_URL overrides), so the app
// keeps using same-origin relative URLs exactly as it does when the gateway serves it.
const gateway = process.env.JUMBO_GATEWAY_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    // Maven packs target/classes into the jar: the gateway serves classpath:/static/ at /
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // CSP: script-src 'self' — never inline anything
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': { target: gateway, changeOrigin: true } },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
