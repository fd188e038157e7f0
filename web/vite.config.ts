/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// No @vitejs/plugin-react: esbuild compiles TSX with the automatic JSX runtime.
export default defineConfig({
  base: '/',
  esbuild: {
    jsx: 'automatic',
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    // dist/.vite/manifest.json: scripts/bundle-size.mjs reads the first-load chunks from it.
    manifest: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // react-router ships "use client" directives for RSC; harmless in an SPA bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run dev` talks to a locally running control plane.
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      // The live inbox (/ws/notifications) and the other browser sockets.
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
