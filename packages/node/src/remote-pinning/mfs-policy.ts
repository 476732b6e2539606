import { parseDuration, REMOTE_PIN_STATUSES } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { requestPin } from './remote-api.ts'
import type { RemotePinningHooks } from './hooks.ts'
import type { ServiceRegistry } from './services.ts'
import type { AbortOptions, RemotePinningServiceConfig } from '@cairn/interface'

/** Kubo's `daemonConfigPollInterval` (its `MFS_PIN_POLL_INTERVAL` variable overrides it, for tests) */
export const MFS_POLL_MS = 30_000
/** Kubo's `defaultRepinInterval` */
export const MFS_REPIN_MS = 5 * 60_000

interface LastPin { at: number, cid: string, config: string }

export interface MfsPolicyInit {
  /** The MFS root's CID now (flushed) */
  root(options?: AbortOptions): Promise<CID>
  peerId: string
  /** @default MFS_POLL_MS, or MFS_PIN_POLL_INTERVAL from the environment */
  pollMs?: number
}

/** The poll period: `MFS_PIN_POLL_INTERVAL` (a Go duration, as Kubo reads it) or the default */
export function mfsPollMs (env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MFS_PIN_POLL_INTERVAL
  if (raw == null || raw === '') return MFS_POLL_MS
  try {
    return parseDuration(raw)
  } catch {
    return MFS_POLL_MS
  }
}

/**
 * Kubo's `Policies.MFS`: every poll, for each service with the policy on, pins the MFS root
 * under the policy's name (replacing the previous root's request), at most once per
 * `RepinInterval`, and not again while the root is unchanged. Returns a stop function.
 */
export function startMfsPolicy (hooks: RemotePinningHooks, registry: ServiceRegistry, init: MfsPolicyInit): () => void {
  const controller = new AbortController()
  const signal = controller.signal
  const last = new Map<string, LastPin>()
  const pollMs = init.pollMs ?? mfsPollMs()
  let timer: ReturnType<typeof setTimeout> | undefined

  async function pinOn (name: string, config: RemotePinningServiceConfig, root: CID): Promise<void> {
    const policy = config.Policies?.MFS ?? {}
    const repinMs = policy.RepinInterval != null && policy.RepinInterval !== '' ? parseDuration(policy.RepinInterval) : MFS_REPIN_MS
    const fingerprint = JSON.stringify(config)
    const prev = last.get(name)
    if (prev != null && prev.config === fingerprint && (prev.cid === root.toString() || Date.now() - prev.at < repinMs)) return
    const client = await registry.client(name, { signal })
    const pinName = policy.PinName != null && policy.PinName !== '' ? policy.PinName : `policy/${init.peerId}/mfs`
    let existing: string | undefined
    let pinning = false
    for await (const s of client.ls({ name: pinName, status: [...REMOTE_PIN_STATUSES] }, { signal })) {
      existing = s.requestid
      if (s.pin.cid === root.toString() && s.status !== 'failed') { pinning = true; break }
    }
    if (!pinning) {
      if (existing != null) {
        const origins = hooks.addresses()
        await client.replace(existing, { cid: root.toString(), name: pinName, ...(origins.length > 0 ? { origins: origins.slice(0, 20) } : {}) }, { signal })
      } else {
        await requestPin(hooks, client, root, { signal, name: pinName })
      }
      hooks.log('MFS root %s pinned to %s as %s', root, name, pinName)
    }
    last.set(name, { at: Date.now(), cid: root.toString(), config: fingerprint })
  }

  async function pass (): Promise<void> {
    const services = (await registry.all({ signal })).filter(s => s.config.Policies?.MFS?.Enable === true)
    if (services.length === 0) return
    const root = await init.root({ signal })
    // in parallel: one slow service does not hold back the others
    await Promise.all(services.map(async ({ name, config }) => pinOn(name, config, root).catch(err => {
      if (!signal.aborted) hooks.log.error('pinning MFS root %s to %s failed - %e', root, name, err)
    })))
  }

  const loop = (): void => {
    pass().catch(err => { if (!signal.aborted) hooks.log.error('MFS pinning policy pass failed - %e', err) }).finally(() => {
      if (!signal.aborted) timer = setTimeout(loop, pollMs)
    })
  }
  timer = setTimeout(loop, pollMs)
  return () => { controller.abort(); clearTimeout(timer) }
}
