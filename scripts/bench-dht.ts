/**
 * `pnpm bench:dht`: a 20-node DHT of Cairn nodes on 127.0.0.1 over TCP; `findProvs` success rate
 * and median time beside the ping RTT of the same run. Env: BENCH_NODES, BENCH_ROUNDS,
 * BENCH_TIMEOUT_MS; see packages/node/bench/dht.ts, which holds the benchmark itself.
 */
await import('../packages/node/bench/dht.ts')
