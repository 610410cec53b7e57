// Vite builds src/main/ui into target/ui-dist, which the WAR serves at /dcm4chee-arc/ui2/.
// `npm run dev` serves the sources and passes the REST calls to an archive on 127.0.0.1:8080.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('src/main/ui'),
  base: './', // relative URLs: the WAR's context root is not known to the bundle
  build: {
    outDir: here('target/ui-dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/dcm4chee-arc': 'http://127.0.0.1:8080' },
  },
  test: {
    root: here('.'),
    include: ['src/test/ui/**/*.test.js'],
    environment: 'node',
  },
});
