/**
 * `pnpm bench:mfs`: MFS `files write`/`cp`/`mv`/`--offset` beside `add` on one offline node.
 * Env: BENCH_MB, BENCH_SMALL_FILES, BENCH_DIR; see packages/node/bench/mfs.ts.
 */
await import('../packages/node/bench/mfs.ts')
