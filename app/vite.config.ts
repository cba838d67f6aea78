import { resolve } from "node:path";
import { defineConfig } from "vite";

// Built by Maven (exec-maven-plugin, generate-resources) into the jar's static resources: Spring Boot serves it at /app/.
export default defineConfig({
  base: "/app/",
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: resolve(import.meta.dirname, "../target/classes/static/app"),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, "index.html"),
        launch: resolve(import.meta.dirname, "launch.html"),
      },
    },
  },
});
