/**
 * `pnpm bench:add`: @cairn/dag importing a deterministic 1 GiB file (Kubo defaults and
 * --cid-version=1) and 10,000 small files into @cairn/blockstore, beside ipfs-unixfs-importer into
 * blockstore-level and single-core SHA-256, as MB/s, files/s, peak RSS and ratios.
 * Env: BENCH_MB, BENCH_SMALL_FILES, BENCH_DIR, BENCH_ONLY; see packages/dag/bench/add.ts.
 */
await import('../packages/dag/bench/add.ts')
