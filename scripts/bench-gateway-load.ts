/**
 * `pnpm bench:gateway-load`: a real `cairn daemon`'s RSS while 64 clients download one file
 * through its gateway, and while 64 nodes fetch it from it over Bitswap (64 MiB and 1 GiB files):
 * peak, and the time to settle back. Env: BENCH_LOAD_CLIENTS, BENCH_LOAD_SIZES_MIB,
 * BENCH_LOAD_BITSWAP_SIZES_MIB, BENCH_LOAD_PROCESSES; see apps/cli/bench/gateway-load.ts, which holds
 * the benchmark.
 */
await import('../apps/cli/bench/gateway-load.ts')
