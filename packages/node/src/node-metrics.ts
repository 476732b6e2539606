/**
 * The node's own metric families. Each reads, at scrape time, the counters kept by the part that
 * does the work (Bitswap's `stats()`, the provider's, the block store's, GC's), the same numbers
 * the `stats` commands report. A part that is not running reads as 0.
 */
import type { GcStats } from './api/repo.ts'
import type { Bitswap } from './bitswap/index.ts'
import type { NodeMetrics } from './metrics.ts'
import type { ContentProvider } from './provider.ts'
import type { CairnBlockstore } from '@cairn/blockstore'

export interface MetricSources {
  bitswap(): Bitswap | undefined
  provider: ContentProvider
  /** Undefined while the node is stopped */
  blockstore(): CairnBlockstore | undefined
  gc(): GcStats
  /** Peers in the DHT's routing table (undefined without a DHT) */
  dhtPeers(): number | undefined
}

export function registerNodeMetrics (metrics: NodeMetrics, sources: MetricSources): void {
  const bitswap = (pick: (s: ReturnType<Bitswap['stats']>) => number) => () => {
    const stats = sources.bitswap()?.stats()
    return stats == null ? 0 : pick(stats)
  }
  metrics.gauge({ name: 'cairn_bitswap_wantlist_size', help: 'Blocks this node wants from the network now', read: bitswap(s => s.wants) })
  metrics.gauge({ name: 'cairn_bitswap_sessions', help: 'Bitswap retrieval sessions open now', read: bitswap(s => s.sessions) })
  metrics.gauge({ name: 'cairn_bitswap_peers', help: 'Connected peers speaking Bitswap', read: bitswap(s => s.peers) })
  metrics.gauge({ name: 'cairn_bitswap_banned_peers', help: 'Peers ignored for sending blocks not asked for', read: bitswap(s => s.bannedPeers) })
  metrics.counter({ name: 'cairn_bitswap_blocks_received_total', help: 'Wanted blocks received, verified and stored', read: bitswap(s => s.blocksReceived) })
  metrics.counter({ name: 'cairn_bitswap_received_bytes_total', help: 'Bytes of block data received, duplicates included', read: bitswap(s => s.dataReceived) })
  metrics.counter({ name: 'cairn_bitswap_duplicate_blocks_total', help: 'Blocks received that another peer had already delivered', read: bitswap(s => s.duplicateBlocks) })
  metrics.counter({ name: 'cairn_bitswap_blocks_sent_total', help: 'Blocks sent to peers', read: bitswap(s => s.blocksSent) })
  metrics.counter({ name: 'cairn_bitswap_sent_bytes_total', help: 'Bytes of block data sent to peers', read: bitswap(s => s.dataSent) })

  const provider = (): ReturnType<ContentProvider['stats']> => sources.provider.stats()
  metrics.gauge({ name: 'cairn_provide_queue_size', help: 'DHT provides waiting or running', label: 'state', read: () => ({ queued: provider().queued, running: provider().running }) })
  metrics.counter({ name: 'cairn_provides_total', help: 'DHT provides finished, by result', label: 'result', read: () => ({ success: provider().provided, failure: provider().failed }) })
  metrics.counter({ name: 'cairn_reprovide_runs_total', help: 'Reprovide passes run', read: () => provider().reprovideRuns })
  metrics.gauge({ name: 'cairn_reprovide_last_duration_seconds', help: 'How long the last reprovide pass took', read: () => provider().lastReprovideSeconds })
  metrics.gauge({ name: 'cairn_dht_routing_table_peers', help: 'Peers in the DHT routing table', read: () => sources.dhtPeers() ?? 0 })

  const store = (pick: (c: ReturnType<CairnBlockstore['counters']>) => number) => () => {
    const counters = sources.blockstore()?.counters()
    return counters == null ? 0 : pick(counters)
  }
  const stored = async (pick: (s: { blocks: number, bytes: number }) => number): Promise<number> => {
    const stats = await sources.blockstore()?.stats()
    return stats == null ? 0 : pick(stats)
  }
  metrics.gauge({ name: 'cairn_blockstore_blocks', help: 'Blocks in the block store', read: async () => stored(s => s.blocks) })
  metrics.gauge({ name: 'cairn_blockstore_size_bytes', help: 'Bytes of block data in the block store', read: async () => stored(s => s.bytes) })
  metrics.gauge({ name: 'cairn_blockstore_pack_files', help: 'Pack files holding live block bodies', read: store(c => c.packFiles) })
  metrics.counter({ name: 'cairn_blockstore_reads_total', help: 'Blocks read from the block store since it was opened', read: store(c => c.reads) })
  metrics.counter({ name: 'cairn_blockstore_read_bytes_total', help: 'Bytes read from the block store since it was opened', read: store(c => c.readBytes) })
  metrics.counter({ name: 'cairn_blockstore_writes_total', help: 'New blocks written to the block store since it was opened', read: store(c => c.writes) })
  metrics.counter({ name: 'cairn_blockstore_written_bytes_total', help: 'Bytes of new blocks written since the store was opened', read: store(c => c.writtenBytes) })

  metrics.gauge({ name: 'cairn_storage_max_bytes', help: 'The storage budget (Datastore.StorageMax)', read: store(c => c.storageMax) })
  metrics.gauge({ name: 'cairn_storage_watermark_bytes', help: 'Block bytes past which unpinned blocks are evicted (StorageGCWatermark)', read: store(c => c.storageHigh) })
  metrics.counter({ name: 'cairn_storage_evictions_total', help: 'Evictions run for the storage budget', read: store(c => c.evictions) })
  metrics.counter({ name: 'cairn_storage_evicted_blocks_total', help: 'Unpinned blocks evicted for the storage budget', read: store(c => c.evictedBlocks) })
  metrics.counter({ name: 'cairn_storage_evicted_bytes_total', help: 'Bytes of unpinned blocks evicted for the storage budget', read: store(c => c.evictedBytes) })
  metrics.counter({ name: 'cairn_storage_full_errors_total', help: 'Puts refused because pinned data fills the budget (ERR_STORAGE_FULL)', read: store(c => c.refusals) })

  metrics.counter({ name: 'cairn_gc_runs_total', help: 'Garbage collections run', read: () => sources.gc().runs })
  metrics.counter({ name: 'cairn_gc_removed_blocks_total', help: 'Blocks removed by garbage collection', read: () => sources.gc().removedBlocks })
  metrics.counter({ name: 'cairn_gc_duration_seconds_total', help: 'Time spent in garbage collection', read: () => sources.gc().seconds })
  metrics.counter({ name: 'cairn_gc_freed_bytes_total', help: 'Bytes of blocks removed by garbage collection', read: store(c => c.gcFreedBytes) })
  metrics.gauge({ name: 'cairn_gc_last_duration_seconds', help: 'How long the last garbage collection took', read: () => sources.gc().lastSeconds })
}
