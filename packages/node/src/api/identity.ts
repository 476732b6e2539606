import { InvalidParametersError } from '@cairn/interface'
import { publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromString } from '@libp2p/peer-id'
import { toString as uint8ArrayToString } from 'uint8arrays/to-string'
import { DEFAULT_ROUTING_TIMEOUT_MS } from '../constants.ts'
import type { AbortOptions, IdResult } from '@cairn/interface'
import type { Identify } from '@libp2p/identify'
import type { Libp2p, PeerId, PublicKey } from '@libp2p/interface'

/** A public key as `id` shows it: its protobuf, base64 with padding ('' when unknown) */
export function encodePublicKey (publicKey: PublicKey | undefined): string {
  return publicKey == null ? '' : uint8ArrayToString(publicKeyToProtobuf(publicKey), 'base64pad')
}

/**
 * Another peer's identity, as Kubo's `ipfs id PEER`: connect (finding the peer through the DHT
 * when its addresses are unknown), let identify finish, then report what the peer store holds:
 * its key, its addresses with `/p2p/<id>` (sorted), protocols (sorted) and agent. With `dial:
 * false`, only what the peer store holds (Kubo's `swarm peers --identify`): listing peers must not
 * dial them, or a peer just disconnected is connected again.
 */
export async function peerIdentity (libp2p: Libp2p<{ identify?: Identify }>, peer: string, options: AbortOptions & { dial?: boolean } = {}): Promise<IdResult> {
  let id: PeerId
  try {
    id = peerIdFromString(peer)
  } catch (err) {
    throw new InvalidParametersError('invalid peer id', { cause: err })
  }
  let protocolVersion = ''
  if (options.dial !== false) {
    const signal = options.signal ?? AbortSignal.timeout(DEFAULT_ROUTING_TIMEOUT_MS)
    const connection = await libp2p.dial(id, { signal })
    // identify runs on every new connection; asking again waits for its answer on this one
    if (libp2p.services.identify != null) {
      const result = await libp2p.services.identify.identify(connection, { signal }).catch(() => undefined)
      protocolVersion = result?.protocolVersion ?? ''
    }
  }
  const stored = await libp2p.peerStore.get(id)
  const publicKey = stored.id.publicKey ?? id.publicKey
  const agent = stored.metadata.get('AgentVersion')
  const suffix = `/p2p/${id.toString()}`
  return {
    id: id.toString(),
    publicKey: encodePublicKey(publicKey),
    addresses: stored.addresses.map(a => a.multiaddr.toString()).map(a => a.endsWith(suffix) ? a : a + suffix).sort(),
    agentVersion: agent == null ? '' : uint8ArrayToString(agent),
    protocolVersion,
    protocols: [...stored.protocols].sort()
  }
}
