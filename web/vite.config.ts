import { fileURLToPath, URL } from "node:url";
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

// The bundle goes inside the Python package (git ignores it), where Litestar serves it at "/".
const bundle = fileURLToPath(new URL("../src/gifthub/entrypoints/http/web_bundle", import.meta.url));
const api = process.env.GIFTHUB_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  build: { outDir: bundle, emptyOutDir: true, assetsDir: "assets", chunkSizeWarningLimit: 900 },
  // `make web-dev`: Vite serves the cabinet with hot reload and passes API calls to a running GiftHub.
  server: { proxy: { "/api": api, "/schema": api, "/healthz": api } },
});
