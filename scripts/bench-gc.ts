/**
 * `pnpm bench:gc`: GC on a repo of 1,000,000 blocks with 10% pinned (duration, peak RSS, and the
 * worst add latency during GC beside the same adds without it), and with BENCH_GC_LEAVES the
 * memory scaling of pin add, GC and pin rm at two sizes. Env: BENCH_GC_BLOCKS, BENCH_GC_LEAVES,
 * BENCH_GC_ALONE, BENCH_DIR; packages/blockstore/bench/gc.ts holds the benchmark itself.
 */
await import('../packages/blockstore/bench/gc.ts')
