/**
 * `pnpm bench:ipns`: publish, first resolve, update over pubsub and resolve after an update on a
 * 20-node DHT of Cairn nodes on 127.0.0.1, beside findProviders on the same network. Env:
 * BENCH_NODES, BENCH_ROUNDS, BENCH_TIMEOUT_MS; see packages/node/bench/ipns.ts.
 */
await import('../packages/node/bench/ipns.ts')
