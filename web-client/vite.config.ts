/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// KOBAN_API_URL points the dev/preview proxy at another API instance.
const api = process.env.KOBAN_API_URL ?? "http://127.0.0.1:5080";

// Unit results always go to test-results/unit-junit.xml (besides the console), so .ci/run can count
// passed/failed without parsing Vitest's human output.
export default defineConfig({
  plugins: [react()],
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
    chunkSizeWarningLimit: 1500,
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
