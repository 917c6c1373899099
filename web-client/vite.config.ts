/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { type Plugin, defineConfig } from "vite";

// KOBAN_API_URL points the dev/preview proxy at another API instance.
const api = process.env.KOBAN_API_URL ?? "http://127.0.0.1:5080";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes a Brotli (.br, best quality) and a gzip (.gz) copy next to each text file of the build, once, at build time:
 * the API serves them to browsers that accept them (Infrastructure/Web/SpaStaticFiles.cs), so nothing is compressed
 * per request and the compression can be the slowest, smallest one.
 */
function precompress(): Plugin {
  return {
    name: "koban-precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      const dir = options.dir ?? "dist";
      await Promise.all(
        Object.values(bundle)
          .filter((file) => /\.(js|css|html|svg|json)$/.test(file.fileName))
          .map(async (file) => {
            const source = Buffer.from(file.type === "chunk" ? file.code : file.source);
            const target = path.join(dir, file.fileName);
            const br = await brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } });
            const gz = await gzipAsync(source, { level: 9 });
            if (br.length < source.length) await writeFile(`${target}.br`, br);
            if (gz.length < source.length) await writeFile(`${target}.gz`, gz);
          }),
      );
    },
  };
}

// Unit results always go to test-results/unit-junit.xml (besides the console), so .ci/run can count
// passed/failed without parsing Vitest's human output.
export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  server: {
    proxy: {
      "/api": api,
      "/openapi": api,
      "/swagger": api,
      "/health": api,
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // The libraries every page needs, in chunks of their own: each stays under the default size warning and keeps
        // its browser cache across releases that only change the application's code.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: "mantine", test: /node_modules[\\/](@mantine[\\/](core|hooks)|@floating-ui)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    setupFiles: ["./src/testing/setup.ts"],
    css: false,
    reporters: ["default", "junit"],
    outputFile: { junit: "./test-results/unit-junit.xml" },
    // Safety nets, not expectations: a passing test never waits for them, and a loaded 2-core machine can take
    // several times longer than a quiet one to render the big Mantine forms.
    testTimeout: 300_000,
  },
});
