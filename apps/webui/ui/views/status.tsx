import { useEffect, useState } from 'preact/hooks'
import { headers, rpc } from '../api.ts'
import { BandwidthChart } from '../components/chart.tsx'
import type { RatePoint } from '../components/chart.tsx'
import { ErrorLine, Section, copyText, useAsync } from '../components/common.tsx'
import { formatBytes, formatDuration } from '../format.ts'

const SPAN_MS = 5 * 60_000
const POLL_MS = 2000

interface Id { ID: string, AgentVersion: string, Addresses: string[] | null, Protocols?: string[] }
interface RepoStat { RepoSize: number, StorageMax: number, NumObjects: number }

/** The node's start time from its Prometheus metrics (`process_start_time_seconds`) */
async function startedAt (signal: AbortSignal): Promise<number | undefined> {
  const res = await fetch('/debug/metrics/prometheus', { signal, headers: headers() })
  if (!res.ok) return undefined
  const m = /^process_start_time_seconds\s+([\d.e+]+)/m.exec(await res.text())
  return m == null ? undefined : Number(m[1]) * 1000
}

/** Reachability as `swarm addrs autonat` reports it, where the node has AutoNAT */
async function reachability (signal: AbortSignal): Promise<string | undefined> {
  try {
    const r = await rpc('swarm/addrs/autonat', {}, { signal })
    return r?.Reachability ?? r?.reachability
  } catch {
    return undefined
  }
}

function Bandwidth () {
  const [points, setPoints] = useState<RatePoint[]>([])
  const [error, setError] = useState<Error>()
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async (): Promise<void> => {
      try {
        const bw = await rpc('stats/bw')
        if (stopped) return
        setError(undefined)
        const t = Date.now()
        setPoints(list => [...list.filter(p => t - p.t <= SPAN_MS), { t, in: Number(bw.RateIn ?? 0), out: Number(bw.RateOut ?? 0) }])
      } catch (err) {
        if (!stopped) setError(err as Error)
      }
      if (!stopped) timer = setTimeout(() => { void poll() }, POLL_MS)
    }
    void poll()
    return () => { stopped = true; clearTimeout(timer) }
  }, [])
  return (
    <Section title="Bandwidth" id="bw-title">
      <ErrorLine error={error} />
      <BandwidthChart points={points} spanMs={SPAN_MS} />
    </Section>
  )
}

export function StatusView () {
  const id = useAsync<Id>(signal => rpc('id', {}, { signal }), [])
  const peers = useAsync<number>(async signal => (await rpc('swarm/peers', {}, { signal })).Peers?.length ?? 0, [], 5000)
  const repo = useAsync<RepoStat>(signal => rpc('repo/stat', { 'size-only': true }, { signal }), [], 10000)
  const started = useAsync(startedAt, [])
  const reach = useAsync(reachability, [], 30000)
  // the first view is interactive once the node answered (read by bench/webui.ts)
  useEffect(() => { if (id.value != null && performance.getEntriesByName('cairn:interactive').length === 0) performance.mark('cairn:interactive') }, [id.value])
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const timer = setInterval(() => { setNow(Date.now()) }, 1000)
    return () => { clearInterval(timer) }
  }, [])
  const used = Number(repo.value?.RepoSize ?? 0)
  const max = Number(repo.value?.StorageMax ?? 0)
  return (
    <div class="view" data-view="status">
      <h1>Status</h1>
      <div class="stats" role="list">
        <div class="stat" role="listitem"><span class="label">Connected peers</span><span class="value" data-testid="peer-count">{peers.value ?? '…'}</span></div>
        <div class="stat" role="listitem"><span class="label">Repo size</span><span class="value" data-testid="repo-size">{repo.value == null ? '…' : formatBytes(used)}</span>
          {max > 0 && <>
            <progress max={max} value={used} aria-label="Repo size against the storage budget" />
            <span class="muted">of {formatBytes(max)} ({((used / max) * 100).toFixed(1)} %)</span>
          </>}
        </div>
        <div class="stat" role="listitem"><span class="label">Uptime</span><span class="value" data-testid="uptime">{started.value == null ? '—' : formatDuration((now - started.value) / 1000)}</span></div>
        {reach.value != null && <div class="stat" role="listitem"><span class="label">Reachability</span><span class="value">{reach.value}</span></div>}
      </div>
      <Section title="This node" id="node-title">
        <ErrorLine error={id.error} />
        <dl class="facts">
          <dt>Peer ID</dt>
          <dd><code data-testid="peer-id" class="wrap">{id.value?.ID ?? '…'}</code>
            {id.value != null && <button type="button" class="small" onClick={() => { void copyText(id.value!.ID, 'Peer ID') }}>Copy</button>}
          </dd>
          <dt>Agent</dt>
          <dd data-testid="agent">{id.value?.AgentVersion ?? '…'}</dd>
          <dt>Addresses</dt>
          <dd>
            <ul class="addrs">
              {(id.value?.Addresses ?? []).map(a => <li key={a}><code class="wrap">{a}</code></li>)}
              {id.value != null && (id.value.Addresses ?? []).length === 0 && <li class="muted">none (offline)</li>}
            </ul>
          </dd>
        </dl>
      </Section>
      <Bandwidth />
    </div>
  )
}
