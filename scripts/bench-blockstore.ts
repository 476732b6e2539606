/**
 * `pnpm bench:blockstore`: putMany of 1 GiB in 256 KiB blocks and random gets on @cairn/blockstore,
 * beside raw `level` batch writes and random reads of the same data in the same run, as MB/s and
 * ratios. Env: BENCH_MB (default 1024), BENCH_READS, BENCH_LEVEL_BATCH, BENCH_DIR; see
 * packages/blockstore/bench/run.ts, which holds the benchmark itself.
 */
await import('../packages/blockstore/bench/run.ts')
