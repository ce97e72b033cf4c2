import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
export default defineConfig({ root: __dirname, plugins: [solid()], server: { port: 5199, strictPort: true } });
