/**
 * `Pinning.Service` in the repo config: Cairn serving the IPFS Pinning Service API to other nodes
 * (`@cairn/pinning-service`, on `cairn daemon`). Off unless `Listen` is set.
 */
export interface PinningServiceConfig {
  /** Multiaddr of the listener, e.g. `/ip4/127.0.0.1/tcp/5002`. @default '' (off) */
  Listen?: string
  /** Requests fetched at once. @default 4 */
  Concurrency?: number
  /** A fetch that gets no new block for this long fails, Go duration. @default '2m' */
  StallTimeout?: string
  /** Pin requests one token may hold (any status); a token's own quota overrides it. @default 10000 */
  MaxPinsPerToken?: number
  /** Bytes of DAGs one token may hold pinned (0: no limit); a token's own quota overrides it. @default 0 */
  MaxBytesPerToken?: number
}
