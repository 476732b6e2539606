import { useState } from 'preact/hooks'
import { rpc, rpcStream } from '../api.ts'
import { ErrorLine, Section, copyText, notify, notifyError, useAsync } from '../components/common.tsx'
import { VirtualList } from '../components/virtual-list.tsx'
import { navigate } from '../route.ts'

interface Pin { cid: string, type: string, name: string }

/** Remote pinning services, where the node has them (`pin remote service ls`) */
async function remoteServices (signal: AbortSignal): Promise<Array<{ Service: string, ApiEndpoint: string }> | undefined> {
  try {
    return (await rpc('pin/remote/service/ls', {}, { signal }))?.RemoteServices ?? []
  } catch {
    return undefined
  }
}

function AddPin (props: { onAdded: () => void }) {
  const [cid, setCid] = useState('')
  const [name, setName] = useState('')
  const [progress, setProgress] = useState<number>()
  const [error, setError] = useState<Error>()
  const [controller, setController] = useState<AbortController>()
  return (
    <form class="inline-form" onSubmit={e => {
      e.preventDefault()
      const c = new AbortController()
      setController(c)
      setError(undefined)
      setProgress(0)
      rpcStream('pin/add', { arg: cid.trim(), name: name.trim() === '' ? undefined : name.trim(), progress: true }, v => {
        if (typeof v.Progress === 'number') setProgress(v.Progress)
      }, c.signal).then(() => {
        notify(`Pinned ${cid.trim()}`)
        setCid('')
        setName('')
        props.onAdded()
      }, setError).finally(() => { setController(undefined); setProgress(undefined) })
    }}>
      <label>CID or path <input value={cid} onInput={e => { setCid((e.target as HTMLInputElement).value) }} required placeholder="bafy… or /ipfs/…" /></label>
      <label>Name (optional) <input value={name} onInput={e => { setName((e.target as HTMLInputElement).value) }} /></label>
      <button type="submit" class="primary" disabled={controller != null}>Pin</button>
      {controller != null && <>
        <span role="status">Fetching… {progress ?? 0} blocks</span>
        <button type="button" onClick={() => { controller.abort() }}>Cancel</button>
      </>}
      <ErrorLine error={error} />
    </form>
  )
}

interface RemotePin { Cid: string, Name?: string, Status: string }

/** One service's pins in every status (`pin remote ls --status=queued,pinning,pinned,failed`) */
function RemotePins (props: { service: string, endpoint: string }) {
  const pins = useAsync<RemotePin[]>(async signal => {
    const out: RemotePin[] = []
    await rpcStream('pin/remote/ls', { service: props.service, status: ['queued', 'pinning', 'pinned', 'failed'] }, v => { out.push(v) }, signal)
    return out
  }, [props.service], 10000)
  return (
    <div class="remote" data-service={props.service}>
      <h3><strong>{props.service}</strong> <code class="muted wrap">{props.endpoint}</code></h3>
      <ErrorLine error={pins.error} />
      {pins.value != null && (pins.value.length === 0
        ? <p class="muted">No pins on this service.</p>
        : <ul class="remote-pins">{pins.value.map(p => (
            <li key={p.Cid + p.Status}><code class="wrap">{p.Cid}</code> <span class="tag">{p.Status}</span> {p.Name != null && p.Name !== '' && <span>{p.Name}</span>}</li>
          ))}</ul>)}
    </div>
  )
}

export function PinsView () {
  const pins = useAsync<Pin[]>(async signal => {
    const out: Pin[] = []
    await rpcStream('pin/ls', { type: 'all', names: true, stream: true }, v => {
      out.push({ cid: v.Cid, type: v.Type, name: v.Name ?? '' })
    }, signal)
    const rank: Record<string, number> = { recursive: 0, direct: 1, indirect: 2 }
    return out.sort((a, b) => (rank[a.type] ?? 3) - (rank[b.type] ?? 3) || a.name.localeCompare(b.name) || a.cid.localeCompare(b.cid))
  }, [])
  const remote = useAsync(remoteServices, [])
  const [filter, setFilter] = useState<'all' | 'recursive' | 'direct' | 'indirect'>('recursive')
  const shown = (pins.value ?? []).filter(p => filter === 'all' || p.type === filter)
  return (
    <div class="view" data-view="pins">
      <h1>Pins</h1>
      <Section title="Pin a CID" id="pin-add-title"><AddPin onAdded={pins.reload} /></Section>
      <Section title={`Pinned (${shown.length})`} id="pins-title" actions={
        <label class="compact">Show <select value={filter} onChange={e => { setFilter((e.target as HTMLSelectElement).value as typeof filter) }}>
          <option value="recursive">recursive</option><option value="direct">direct</option><option value="indirect">indirect</option><option value="all">all</option>
        </select></label>}>
        <ErrorLine error={pins.error} />
        <VirtualList items={shown} rowHeight={44} label="Pins" empty={pins.loading ? 'Loading…' : 'Nothing pinned here.'}
          renderRow={p => (
            <div class="entry pin" role="gridcell" data-cid={p.cid}>
              <code class="name-cell" title={p.cid}>{p.cid}</code>
              <span class="tag">{p.type}</span>
              <span class="pin-name">{p.name}</span>
              <span class="row-actions">
                <button type="button" class="small" onClick={() => { void copyText(p.cid, 'CID') }} aria-label={`Copy ${p.cid}`}>Copy</button>
                <button type="button" class="small" onClick={() => { navigate('explore', '/' + p.cid) }} aria-label={`Inspect ${p.cid}`}>Inspect</button>
                {p.type !== 'indirect' && <button type="button" class="small danger" aria-label={`Unpin ${p.cid}`} onClick={() => {
                  rpc('pin/rm', { arg: p.cid }).then(() => { notify(`Unpinned ${p.cid}`); pins.reload() }, notifyError)
                }}>Unpin</button>}
              </span>
            </div>
          )} />
      </Section>
      {remote.value != null && (
        <Section title="Remote pinning services" id="remote-title">
          {remote.value.length === 0
            ? <p class="muted">None configured (<code>cairn pin remote service add</code>).</p>
            : remote.value.map(s => <RemotePins key={s.Service} service={s.Service} endpoint={s.ApiEndpoint} />)}
        </Section>
      )}
    </div>
  )
}
