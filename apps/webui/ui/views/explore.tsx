import { useEffect, useState } from 'preact/hooks'
import { rpc, rpcRaw } from '../api.ts'
import { ErrorLine, Section, copyText, useAsync } from '../components/common.tsx'
import { formatBytes } from '../format.ts'
import { gatewayUrl } from '../gateway.ts'
import { navigate } from '../route.ts'

interface Link { path: string, cid: string, name?: string, size?: number }
interface Node { cid: string, codec: string, size: number, value: unknown, links: Link[], unixfs?: { Type: string, Size: number } }

const PREVIEW_BYTES = 64 * 1024

/** Every `{"/": "cid"}` in a DAG-JSON value, with where it sits (dag-pb links keep their names) */
function findLinks (value: unknown, at = ''): Link[] {
  if (value == null || typeof value !== 'object') return []
  const v = value as Record<string, unknown>
  const keys = Object.keys(v)
  if (keys.length === 1 && keys[0] === '/' && typeof v['/'] === 'string') return [{ path: at, cid: v['/'] }]
  if (Array.isArray(value)) return value.flatMap((x, i) => findLinks(x, `${at}/${i}`))
  return keys.flatMap(k => findLinks(v[k], `${at}/${k}`))
}

async function load (path: string, signal: AbortSignal): Promise<Node> {
  const resolved = await rpc('dag/resolve', { arg: path }, { signal })
  const cid: string = resolved.Cid['/']
  const [codec, stat, json] = await Promise.all([
    rpc('cid/format', { arg: cid, f: '%c' }, { signal }).then(r => r.Formatted as string),
    rpc('block/stat', { arg: cid }, { signal }),
    rpcRaw('dag/get', { arg: cid, 'output-codec': 'dag-json' }, { signal }).then(r => r.text())
  ])
  const value = JSON.parse(json)
  let links = findLinks(value)
  if (codec === 'dag-pb' && Array.isArray(value?.Links)) {
    links = value.Links.map((l: { Hash: { '/': string }, Name?: string, Tsize?: number }) => ({ path: l.Name ?? '', cid: l.Hash['/'], name: l.Name, size: l.Tsize }))
  }
  let unixfs: Node['unixfs']
  if (codec === 'dag-pb' || codec === 'raw') {
    try { unixfs = await rpc('files/stat', { arg: `/ipfs/${cid}` }, { signal }) } catch {}
  }
  return { cid, codec, size: Number(stat.Size), value, links, unixfs }
}

type Kind = 'text' | 'image' | 'video' | 'binary'

/** What the first bytes say the file is */
function sniff (b: Uint8Array): Kind {
  const starts = (...sig: number[]): boolean => sig.every((x, i) => b[i] === x)
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38) || (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57)) return 'image'
  if ((b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70) || starts(0x1a, 0x45, 0xdf, 0xa3)) return 'video'
  if (new TextDecoder().decode(b.slice(0, 1024)).startsWith('<svg')) return 'image'
  if (b.includes(0)) return 'binary'
  try { new TextDecoder('utf-8', { fatal: true }).decode(b.length === PREVIEW_BYTES ? b.slice(0, -4) : b); return 'text' } catch { return 'binary' }
}

function Preview (props: { cid: string }) {
  const [gateway, setGateway] = useState<string>()
  useEffect(() => { void gatewayUrl().then(setGateway) }, [])
  const head = useAsync(async signal => {
    const res = await rpcRaw('cat', { arg: props.cid, length: PREVIEW_BYTES }, { signal })
    const bytes = new Uint8Array(await res.arrayBuffer())
    return { bytes, kind: sniff(bytes) }
  }, [props.cid])
  if (head.error != null) return <ErrorLine error={head.error} />
  if (head.value == null) return <p class="muted">Loading preview…</p>
  const src = gateway == null ? undefined : `${gateway}/ipfs/${props.cid}`
  switch (head.value.kind) {
    case 'text': return <pre class="preview" data-testid="preview-text">{new TextDecoder().decode(head.value.bytes)}</pre>
    case 'image': return src != null ? <img class="preview" src={src} alt="Preview of the file" /> : <p class="muted">An image (the gateway address is needed to show it).</p>
    case 'video': return src != null ? <video class="preview" src={src} controls /> : <p class="muted">A video (the gateway address is needed to play it).</p>
    default: return <p class="muted">Binary data{src != null && <> · <a href={src}>open through the gateway</a></>}</p>
  }
}

/**
 * The CID or path field. The view gives it `key={path}`, so navigating (a link, back/forward)
 * starts a fresh field holding the new path. An effect copying the path into the field instead
 * also ran on mount, after the first paint, and wiped a CID typed before it ran.
 */
function ExploreForm (props: { path: string }) {
  const [input, setInput] = useState(props.path)
  return (
    <form class="inline-form" role="search" onSubmit={e => { e.preventDefault(); navigate('explore', '/' + input.trim().replace(/^\/ipfs\//, '')) }}>
      <label>CID or path <input name="path" value={input} onInput={e => { setInput((e.target as HTMLInputElement).value) }} placeholder="bafy…/sub/path" required /></label>
      <button type="submit" class="primary">Explore</button>
    </form>
  )
}

export function ExploreView (props: { path: string }) {
  const node = useAsync<Node | undefined>(signal => props.path === '' ? Promise.resolve(undefined) : load(props.path, signal), [props.path])
  const n = node.value
  return (
    <div class="view" data-view="explore">
      <h1>Explore</h1>
      <ExploreForm key={props.path} path={props.path} />
      {node.loading && props.path !== '' && <p class="muted">Resolving…</p>}
      <ErrorLine error={node.error} />
      {n != null && !node.loading && (
        <>
          <Section title="Block" id="block-title">
            <dl class="facts">
              <dt>CID</dt><dd><code class="wrap" data-testid="explore-cid">{n.cid}</code> <button type="button" class="small" onClick={() => { void copyText(n.cid, 'CID') }}>Copy</button></dd>
              <dt>Codec</dt><dd data-testid="explore-codec">{n.codec}</dd>
              <dt>Block size</dt><dd data-testid="explore-size">{formatBytes(n.size)} ({n.size} bytes)</dd>
              {n.unixfs != null && <><dt>UnixFS</dt><dd>{n.unixfs.Type}, {formatBytes(n.unixfs.Size)}</dd></>}
            </dl>
          </Section>
          <Section title={`Links (${n.links.length})`} id="links-title">
            {n.links.length === 0
              ? <p class="muted">No links: a leaf.</p>
              : <ul class="links" data-testid="explore-links">{n.links.map(l => (
                  <li key={l.path + l.cid}>
                    <a href={`#/explore/${l.cid}`}>{l.path === '' ? '(unnamed)' : l.path}</a> <code class="muted wrap">{l.cid}</code>
                    {l.size != null && <span class="muted"> {formatBytes(l.size)}</span>}
                  </li>))}
                </ul>}
          </Section>
          {n.unixfs?.Type === 'file' && <Section title="Preview" id="preview-title"><Preview cid={n.cid} /></Section>}
          <Section title="Data (DAG-JSON)" id="data-title">
            <pre class="data" data-testid="explore-data">{JSON.stringify(n.value, null, 2).slice(0, 100_000)}</pre>
          </Section>
        </>
      )}
    </div>
  )
}
