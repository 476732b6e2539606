/**
 * `pnpm bench:nat`: NAT traversal in network namespaces (Linux, root): B fetching A's file by CID
 * with both public, both behind endpoint-independent NATs (hole punched) and relayed, time to
 * first byte and throughput, and the hole-punch success rate over 20 tries. Env: BENCH_NAT_SIZE_MIB,
 * BENCH_NAT_CASES, BENCH_NAT_PUNCH_TRIES; see apps/cli/bench/nat.ts, which holds the benchmark.
 */
await import('../apps/cli/bench/nat.ts')
