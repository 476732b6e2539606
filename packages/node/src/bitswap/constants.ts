/**
 * Bitswap limits and defaults. Every limit has a unit suffix and says why it exists.
 */

/** The protocol we speak first: HAVE / DONT_HAVE and want-have */
export const BITSWAP_120 = '/ipfs/bitswap/1.2.0'
/** Blocks carry a CID prefix; no presences */
export const BITSWAP_110 = '/ipfs/bitswap/1.1.0'
/** CIDv0 blocks only, raw block bytes without a prefix */
export const BITSWAP_100 = '/ipfs/bitswap/1.0.0'
/** Offered in this order on outbound streams, all accepted inbound */
export const BITSWAP_PROTOCOLS = [BITSWAP_120, BITSWAP_110, BITSWAP_100]

/**
 * Outgoing messages are split below this size (the Bitswap spec allows 2 MiB, which go-bitswap
 * (boxo) peers enforce on what they read). One 256 KiB block per message: wants and HAVE /
 * DONT_HAVE queued for a peer go in the next message, so they wait behind at most one block on
 * its way instead of 2 MiB of them. Replicas fetching one DAG decide whether to ask the origin by
 * how soon a peer answers a want-have: with 2 MiB messages one answer in ten took over 0.8 s on
 * 50 Mbit/s links, and the origin sent 1.5 copies.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 512 * 1024

/**
 * What we accept from others. Larger than what we send because a 2 MiB block plus its framing
 * does not fit in 2 MiB, and Helia sends up to 4 MiB.
 */
export const DEFAULT_MAX_INCOMING_MESSAGE_BYTES = 4 * 1024 * 1024

/** Wantlist entries we keep for one remote peer; boxo keeps 1024 too, extras are dropped */
export const DEFAULT_MAX_WANTLIST_ENTRIES_PER_PEER = 1024

/**
 * Wants one session keeps in flight on the network. Enough to fill a fast link with 256 KiB
 * blocks (16 MiB in flight) while bounding the memory a session can cost.
 */
export const DEFAULT_SESSION_WANTS_IN_FLIGHT = 64

/**
 * Wants a `swarm` session keeps in flight (a pin's: the read-ahead of `DEFAULT_PIN_PREFETCH_BLOCKS`
 * fills it). Most of them wait for another replica's HAVE or for room at the origin rather than
 * download: the window bounds how many blocks the replicas can pass each other at once.
 */
export const DEFAULT_SWARM_WANTS_IN_FLIGHT = 128

/**
 * want-block entries outstanding at one peer (all sessions together); further wants wait for
 * room. Half of the 1024 entries boxo and Helia keep per peer, leaving room for want-haves.
 */
export const DEFAULT_MAX_OUTSTANDING_WANTS_PER_PEER = 512

/**
 * With no peer known to hold a session's blocks, a want goes as want-block to this many
 * connected peers (want-have to the rest): one round trip for the first block. One, as boxo asks
 * a block of one peer at a time: with two, a peer that is itself fetching the DAG (a replica
 * beside ours) sends every block it gets after the first peer sent it too.
 */
export const DEFAULT_OPTIMISTIC_WANT_BLOCK_PEERS = 1

/**
 * How long a want waits for a session's partial peers (nodes fetching the same DAG, such as the
 * other replicas of a `pin add --replicas`) to answer whether they have a block before asking a
 * peer that holds the whole DAG (the origin). Their answers come within a round trip, which on
 * links busy with the transfer itself is queued behind blocks both ways: at 250 ms a third of
 * the probes of three replicas over 100 Mbit/s links timed out; over 50 Mbit/s links one round
 * trip in ten took over 1.3 s (median 0.2 s) on 128 MiB, over 2.4 s on 256 MiB. Past this the
 * origin is asked, as without them: each timeout is a block the origin may send twice (256 MiB
 * over 50 Mbit/s links: the origin sent 1.25 copies at 2 s, 1.02 at 4 s, where the replicas'
 * exchange then took longer).
 */
export const DEFAULT_HAVE_PROBE_TIMEOUT_MS = 3_000

/**
 * want-blocks a `swarm` session that knows partial peers (nodes fetching the same DAG) keeps at
 * once at a peer holding the whole DAG, for blocks no partial peer said HAVE to (twice this while
 * it knows none: a `cat`'s window): the origin's queue stays full with three fetchers (6 MiB of
 * 256 KiB blocks), while each session's other wants wait for one of the partial peers to get the
 * block and say HAVE. A busy origin then sends what the others do not get first, instead of
 * taking a session's whole window. Three replicas of 256 MiB over 50 Mbit/s links: at 16 the
 * origin sent 1.57 copies (1.71x one fetch), at 8 1.44 copies (1.53x).
 */
export const DEFAULT_SWARM_WHOLE_PEER_WANTS = 8

/** A want nobody connected answers with a block within this long is looked up in routing */
export const DEFAULT_PROVIDER_SEARCH_DELAY_MS = 1_000

/** How often an unanswered want repeats its provider search */
export const DEFAULT_PROVIDER_SEARCH_INTERVAL_MS = 10_000

/** Providers dialled per search: enough for failover, few enough not to flood dials */
export const DEFAULT_MAX_PROVIDERS_PER_SEARCH = 3

/** A want with no caller signal ends with TimeoutError after this long instead of hanging */
export const DEFAULT_WANT_TIMEOUT_MS = 60_000

/** Dialling a provider found through routing */
export const DEFAULT_DIAL_TIMEOUT_MS = 10_000

/**
 * Outbound streams unused this long are closed; Helia aborts idle inbound Bitswap streams after
 * 10 s, so we close first rather than write into a stream the remote is resetting.
 */
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 5_000

/**
 * Bytes that serving all peers together may hold: blocks read and not yet taken by a stream.
 * One budget for the node, so memory does not grow with the number of peers (per-peer limits
 * alone allow 64 peers x (4 MiB queued + 8 reads)). 32 MiB: sixteen full messages.
 */
export const DEFAULT_SERVE_BUDGET_BYTES = 32 * 1024 * 1024

/** Block reads at once for all peers together (at most this many blocks beyond the budget) */
export const DEFAULT_SERVE_READS_MAX = 32

/**
 * Wants unanswered this long are sent again to the peers they went to: boxo's clients
 * rebroadcast every 30 s. Needed because a server may lose a want (a failed stream, a restart)
 * while it goes on answering others, which looks like progress, not a stall.
 */
export const DEFAULT_REBROADCAST_INTERVAL_MS = 30_000

/** Blocks read from the store at once for one peer while serving */
export const DEFAULT_SERVE_READ_CONCURRENCY = 8

/**
 * Bytes queued for one peer before the server stops reading more blocks for it: two full
 * messages, so one is on the wire while the next is built.
 */
export const DEFAULT_MAX_SEND_QUEUE_BYTES = 4 * 1024 * 1024

/**
 * While this many bytes of one peer's blocks wait to be verified and stored, no new want-block
 * goes to it (the want waits, as for `maxOutstandingWantsPerPeer`): a store slower than the
 * network holds back the asking, not the memory. 32 MiB: two sessions' windows of 256 KiB blocks.
 */
export const DEFAULT_INBOUND_BUSY_BYTES = 32 * 1024 * 1024

/**
 * A peer whose blocks waiting to be verified and stored exceed this has its streams reset. Every
 * such byte answers a want of ours (anything else bans the peer as it is decoded), so this is a
 * backstop far above what the busy limit above lets build up, not flow control.
 */
export const DEFAULT_MAX_INBOUND_PENDING_BYTES = 1024 * 1024 * 1024

/**
 * Undecoded bytes buffered per inbound stream: a muxer hands over whatever its window held (up to
 * 16 MiB with yamux), often several messages at once
 */
export const DEFAULT_MAX_INBOUND_BUFFER_BYTES = 64 * 1024 * 1024

/** Inbound and outbound stream limits per connection, as Helia sets them */
export const DEFAULT_MAX_INBOUND_STREAMS = 1024
export const DEFAULT_MAX_OUTBOUND_STREAMS = 64

/**
 * Resolved or cancelled wants remembered so late duplicates are not mistaken for lies: many
 * seconds of small-block traffic, about 1 MB of keys.
 */
export const DEFAULT_RECENT_WANTS_MAX = 16384

/** How long a peer that sent bytes we did not ask for is ignored and not asked again */
export const DEFAULT_BAN_DURATION_MS = 10 * 60_000

/** Wants sent to a newly connected peer at once (the rest follow as earlier ones resolve) */
export const DEFAULT_MAX_WANTS_SENT_ON_CONNECT = 1024

/** Received blocks written to the store in one batch at most (group commit while a write runs) */
export const DEFAULT_MAX_WRITE_BATCH_BLOCKS = 64

/**
 * Received messages with fewer sha2-256 block bytes than this are hashed on the main thread: the
 * trip to the hash worker and back costs more than hashing a few small blocks.
 */
export const HASH_OFFLOAD_MIN_BYTES = 128 * 1024
