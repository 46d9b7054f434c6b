import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built console (dist/) at `/`, on the same origin as /graphql.
// `npm run dev` proxies the API of a server started with `npm start` on port 3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:3000', ws: true },
      '/attachments': 'http://localhost:3000',
    },
  },
});
