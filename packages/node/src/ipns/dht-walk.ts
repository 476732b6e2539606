/**
 * An IPNS name's records as a DHT walk finds them, each one better than the last (Kubo's
 * `name resolve --stream`, boxo's `ResolveAsync`): our own or the locally held record first,
 * then every valid record that beats it, until `dhtRecordCount` valid answers or the DHT timeout.
 */
import { ResolveFailedError, TimeoutError } from '@cairn/interface'
import { equals } from 'uint8arrays/equals'
import { DEFAULT_IPNS_DHT_RECORD_COUNT, DEFAULT_IPNS_DHT_TIMEOUT_MS } from '../constants.ts'
import { selectIpnsRecord, validateIpnsRecord } from './validator.ts'
import type { IpnsName } from './name.ts'
import type { NameResolveOptions } from '@cairn/interface'
import type { Logger } from '@libp2p/interface'
import type { KadDHT } from '@libp2p/kad-dht'

export async function * betterRecords (dht: KadDHT, name: IpnsName, local: Uint8Array | undefined, options: NameResolveOptions, log: Logger): AsyncGenerator<Uint8Array> {
  const wanted = options.dhtRecordCount ?? DEFAULT_IPNS_DHT_RECORD_COUNT
  const timeoutMs = options.dhtTimeoutMs ?? DEFAULT_IPNS_DHT_TIMEOUT_MS
  const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined
  const signals = [timeout, options.signal].filter(s => s != null)
  const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined
  let best = local
  if (best != null) yield best
  let count = 0
  try {
    for await (const event of dht.get(name.routingKey, { signal })) {
      const value = event.name === 'PEER_RESPONSE' ? event.record?.value : event.name === 'VALUE' ? event.value : undefined
      if (value == null) continue
      try {
        await validateIpnsRecord(name.routingKey, value)
      } catch (err) {
        log('ignoring a record for %s - %e', name.cid, err)
        continue
      }
      count++
      if (best == null || (!equals(value, best) && selectIpnsRecord(name.routingKey, [value, best]) === 0)) {
        best = value
        yield best
      }
      if (count >= wanted) break
    }
  } catch (err) {
    options.signal?.throwIfAborted()
    // what was found stands; a walk that found nothing says why
    if (best == null && timeout?.aborted !== true) throw err
    log('DHT walk for %s ended - %e', name.cid, err)
  }
  if (best == null) throw timeout?.aborted === true ? new TimeoutError('could not resolve name: DHT lookup timed out') : new ResolveFailedError('could not resolve name')
}
