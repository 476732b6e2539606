/**
 * `pnpm bench:gateway`: a large stored file streamed through the gateway beside plain node:http
 * (MB/s), and a 1 KiB file under 32 connections beside @helia/verified-fetch on Helia (req/s,
 * p50/p99). Env: BENCH_GATEWAY_BYTES (default 1 GiB), BENCH_GATEWAY_SECONDS (default 10),
 * BENCH_GATEWAY_CONNECTIONS (default 32); see apps/gateway/bench/run.ts, which holds the benchmark.
 */
await import('../apps/gateway/bench/run.ts')
