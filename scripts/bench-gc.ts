/**
 * `pnpm bench:gc`: peak RSS of pin add, GC and pin rm on DAGs of tiny blocks at two sizes, to show
 * that memory does not grow with the repo. Env: BENCH_GC_LEAVES, BENCH_DIR; see
 * packages/blockstore/bench/gc.ts, which holds the benchmark itself.
 */
await import('../packages/blockstore/bench/gc.ts')
