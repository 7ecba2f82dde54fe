import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { pageChunks } from './build/page-chunks';

export default defineConfig({
  plugins: [
    react(),
    pageChunks(fileURLToPath(new URL('./src/router.tsx', import.meta.url))),
    // Brotli and gzip copies beside each hashed asset, compressed once at build time; the server
    // picks one by Accept-Encoding (packages/server/src/http/static.ts). A copy that would not be
    // smaller is not written.
    compression({
      include: /^assets\/.*\.(js|css|svg)$/,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
    }),
  ],
  resolve: {
    // Workspace packages resolve to their TypeScript sources, so no core build is needed first.
    conditions: ['source', ...defaultClientConditions],
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // scripts/check-bundle.mjs reads the manifest to prove the entry stays free of admin code.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      treeshake: {
        // antd's @rc-component packages declare no `sideEffects` in their package.json, so the
        // bundler keeps every module they touch (all of rc-form's validator came with antd's
        // ConfigProvider). They are plain React components and hooks without import-time effects.
        moduleSideEffects: [{ test: /[\\/]node_modules[\\/]@rc-component[\\/]/, sideEffects: false }],
      },
      // antd's components split into many small shared chunks (an icon, a hook): /ideas needed 43
      // files, and over HTTP/1.1's six connections on a slow network each costs a round trip.
      // Shared chunks under 12 KB of source are copied into the chunks that use them instead,
      // which halves the requests for a few KB more (bench/web/README.md).
      preserveEntrySignatures: false,
      output: {
        codeSplitting: {
          experimentalInlineCommonChunks: { maxSize: 12 * 1024 },
        },
      },
    },
  },
});
