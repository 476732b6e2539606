/**
 * `pnpm bench:cat`: @cairn/dag reading a deterministic 1 GiB file back from @cairn/blockstore, whole
 * and as 1 MiB ranges from its middle, beside ipfs-unixfs-exporter over blockstore-level, as MB/s,
 * ms per range read, peak RSS and ratios. Env: BENCH_MB, BENCH_RANGES, BENCH_DIR; see
 * packages/dag/bench/cat.ts.
 */
await import('../packages/dag/bench/cat.ts')
