import { useEffect, useRef, useState } from 'preact/hooks'
import { rpc, upload } from '../api.ts'
import type { UploadFile } from '../api.ts'
import { ErrorLine, PromptDialog, copyText, notify, notifyError, useAsync } from '../components/common.tsx'
import { VirtualList } from '../components/virtual-list.tsx'
import { formatBytes, joinPath, parentPath, shortId } from '../format.ts'
import { gatewayUrl } from '../gateway.ts'
import { navigate } from '../route.ts'
import { filesFromDrop, filesFromInput } from './upload.ts'

interface Entry { Name: string, Type: number, Size: number, Hash: string }

const ROW_HEIGHT = 44

function sortEntries (entries: Entry[]): Entry[] {
  return entries.sort((a, b) => (b.Type - a.Type) || (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0))
}

function Breadcrumbs (props: { path: string }) {
  const parts = props.path.split('/').filter(p => p !== '')
  return (
    <nav aria-label="Folder" class="crumbs">
      <ol>
        <li><a href="#/files/" aria-current={parts.length === 0 ? 'page' : undefined}>Files</a></li>
        {parts.map((p, i) => {
          const here = '/' + parts.slice(0, i + 1).join('/')
          return <li key={here}><a href={`#/files${here.split('/').map(encodeURIComponent).join('/')}`} aria-current={i === parts.length - 1 ? 'page' : undefined}>{p}</a></li>
        })}
      </ol>
    </nav>
  )
}

interface Upload { id: number, name: string, files: Array<{ path: string, size: number }>, sent: number, state: 'sending' | 'done' | 'failed', error?: string }
let uploadId = 0

/** One upload request: its files with a progress bar each, from the bytes sent so far */
function UploadRow (props: { u: Upload }) {
  let offset = 0
  const shown = props.u.files.slice(0, 50)
  return (
    <li class="upload">
      <strong>{props.u.name}</strong> <span class="muted">{props.u.state === 'done' ? 'added' : props.u.state === 'failed' ? `failed: ${props.u.error ?? ''}` : 'uploading…'}</span>
      <ul>
        {shown.map(f => {
          const start = offset
          offset += f.size
          const done = props.u.state === 'done' ? f.size : Math.max(0, Math.min(f.size, props.u.sent - start))
          return (
            <li key={f.path}>
              <label><span class="file-name">{f.path}</span>
                <progress max={Math.max(f.size, 1)} value={f.size === 0 && props.u.state === 'done' ? 1 : done} aria-label={`Upload of ${f.path}`} />
              </label>
            </li>
          )
        })}
        {props.u.files.length > shown.length && <li class="muted">and {props.u.files.length - shown.length} more</li>}
      </ul>
    </li>
  )
}

function PinState (props: { cid: string, onChange: () => void }) {
  const pin = useAsync<string | null>(async signal => {
    try {
      const r = await rpc('pin/ls', { arg: props.cid, type: 'all' }, { signal })
      const key = r?.Keys?.[props.cid] ?? Object.values(r?.Keys ?? {})[0] as { Type?: string } | undefined
      return key?.Type ?? 'pinned'
    } catch (err) {
      if (/not pinned/i.test((err as Error).message)) return null
      throw err
    }
  }, [props.cid])
  const [busy, setBusy] = useState(false)
  const act = (cmd: 'pin/add' | 'pin/rm'): void => {
    setBusy(true)
    rpc(cmd, { arg: props.cid }).then(() => {
      notify(cmd === 'pin/add' ? 'Pinned' : 'Unpinned')
      pin.reload()
      props.onChange()
    }, notifyError).finally(() => { setBusy(false) })
  }
  if (pin.value === undefined) return <span class="muted">…</span>
  return pin.value == null
    ? <button type="button" disabled={busy} onClick={() => { act('pin/add') }} data-testid="pin">Pin</button>
    : <>
        <span class="tag" data-testid="pin-state">pinned ({pin.value})</span>
        {pin.value !== 'indirect' && <button type="button" disabled={busy} onClick={() => { act('pin/rm') }} data-testid="unpin">Unpin</button>}
      </>
}

export function FilesView (props: { path: string }) {
  const path = props.path.replace(/\/+$/, '') || '/'
  const listing = useAsync<{ path: string, entries: Entry[] }>(async signal => ({ path, entries: sortEntries((await rpc('files/ls', { arg: path, long: true }, { signal })).Entries ?? []) }), [path])
  // a listing of another folder (the one just left) is never shown under this one's name
  const list = { ...listing, value: listing.value?.path === path ? listing.value.entries : undefined }
  const [selected, setSelected] = useState<string>()
  const [uploads, setUploads] = useState<Upload[]>([])
  const [dialog, setDialog] = useState<'mkdir' | 'rename' | 'move'>()
  const [dragging, setDragging] = useState(false)
  const [gateway, setGateway] = useState<string>()
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  useEffect(() => { void gatewayUrl().then(setGateway) }, [])
  useEffect(() => { setSelected(undefined) }, [path])
  const entry = list.value?.find(e => e.Name === selected)
  // when a folder's rows are drawn (read by bench/webui.ts)
  useEffect(() => { if (list.value != null) performance.mark(`cairn:listed:${path}`) }, [list.value])

  async function start (files: UploadFile[]): Promise<void> {
    if (files.length === 0) return
    const tops = [...new Set(files.map(f => f.path.split('/')[0]))]
    const u: Upload = { id: ++uploadId, name: tops.length === 1 ? tops[0] : `${tops.length} items`, files: files.map(f => ({ path: f.path, size: f.file.size })), sent: 0, state: 'sending' }
    const update = (patch: Partial<Upload>): void => { setUploads(list => list.map(x => x.id === u.id ? { ...x, ...patch } : x)) }
    setUploads(list => [u, ...list.slice(0, 9)])
    try {
      const results = await upload(files, sent => { update({ sent }) }).done
      // the top-level items of the upload land in the current folder
      for (const name of tops) {
        const added = results.find(r => r.Name === name)
        if (added == null) throw new Error(`the node did not report "${name}"`)
        await rpc('files/cp', { arg: [`/ipfs/${added.Hash}`, joinPath(path, name)] })
      }
      update({ state: 'done' })
      notify(`Added ${u.name}`)
    } catch (err) {
      update({ state: 'failed', error: (err as Error).message })
      notifyError(err)
    }
    list.reload()
  }

  const selectedPath = entry == null ? '' : joinPath(path, entry.Name)
  const download = entry == null || gateway == null
    ? undefined
    : entry.Type === 1
      ? `${gateway}/ipfs/${entry.Hash}?format=tar&filename=${encodeURIComponent(entry.Name + '.tar')}`
      : `${gateway}/ipfs/${entry.Hash}?filename=${encodeURIComponent(entry.Name)}&download=true`

  return (
    <div class="view" data-view="files"
      onDragOver={e => { e.preventDefault(); setDragging(true) }}
      onDragLeave={() => { setDragging(false) }}
      onDrop={e => {
        e.preventDefault()
        setDragging(false)
        if (e.dataTransfer != null) filesFromDrop(e.dataTransfer).then(start, notifyError)
      }}>
      <h1>Files</h1>
      <Breadcrumbs path={path} />
      <div class="toolbar">
        <button type="button" class="primary" onClick={() => fileInput.current?.click()}>Upload files</button>
        <button type="button" onClick={() => folderInput.current?.click()}>Upload folder</button>
        <button type="button" onClick={() => { setDialog('mkdir') }}>New folder</button>
        <button type="button" onClick={list.reload}>Refresh</button>
        <input ref={fileInput} type="file" multiple hidden aria-label="Files to upload" data-testid="file-input"
          onChange={e => { const t = e.target as HTMLInputElement; void start(filesFromInput(t.files!)); t.value = '' }} />
        <input ref={folderInput} type="file" multiple hidden aria-label="Folder to upload" data-testid="folder-input"
          {...{ webkitdirectory: true }}
          onChange={e => { const t = e.target as HTMLInputElement; void start(filesFromInput(t.files!)); t.value = '' }} />
      </div>
      {uploads.length > 0 && <ul class="uploads" aria-label="Uploads">{uploads.map(u => <UploadRow key={u.id} u={u} />)}</ul>}
      <ErrorLine error={list.error} />
      {entry != null && (
        <div class="actions card" role="region" aria-label={`Actions for ${entry.Name}`} data-testid="actions">
          <p><strong>{entry.Name}</strong> <span class="muted">{entry.Type === 1 ? 'folder' : formatBytes(entry.Size)}</span><br />
            <code class="wrap" data-testid="selected-cid">{entry.Hash}</code></p>
          <div class="buttons">
            {entry.Type === 1 && <button type="button" onClick={() => { navigate('files', selectedPath) }}>Open</button>}
            <button type="button" onClick={() => { void copyText(entry.Hash, 'CID') }}>Copy CID</button>
            <button type="button" disabled={gateway == null} onClick={() => { void copyText(`${gateway}/ipfs/${entry.Hash}`, 'Gateway link') }}>Copy gateway link</button>
            {download != null
              ? <a class="button" href={download} data-testid="download">Download{entry.Type === 1 ? ' (tar)' : ''}</a>
              : <span class="muted">Download needs the gateway's address</span>}
            <button type="button" onClick={() => { setDialog('rename') }}>Rename</button>
            <button type="button" onClick={() => { setDialog('move') }}>Move</button>
            <button type="button" class="danger" onClick={() => {
              if (!window.confirm(`Delete ${entry.Name}?`)) return
              rpc('files/rm', { arg: selectedPath, recursive: true }).then(() => { notify(`Deleted ${entry.Name}`); setSelected(undefined); list.reload() }, notifyError)
            }}>Delete</button>
            <button type="button" onClick={() => { navigate('explore', '/' + entry.Hash) }}>Inspect</button>
            <PinState cid={entry.Hash} onChange={() => {}} />
          </div>
        </div>
      )}
      <div class={`drop ${dragging ? 'dragging' : ''}`} data-loaded-path={list.value == null ? undefined : path}>
        <div class="row-head" aria-hidden="true"><span>Name</span><span class="size">Size</span><span class="cid">CID</span></div>
        <VirtualList items={list.value ?? []} rowHeight={ROW_HEIGHT} label={`Contents of ${path}`}
          empty={list.loading ? 'Loading…' : 'This folder is empty: upload files or drop them here.'}
          renderRow={e => (
            <div class={`entry ${selected === e.Name ? 'selected' : ''}`} role="gridcell" data-name={e.Name}>
              <button type="button" class="name" aria-pressed={selected === e.Name}
                onClick={() => { setSelected(e.Name) }}
                onDblClick={() => { if (e.Type === 1) navigate('files', joinPath(path, e.Name)) }}
                onKeyDown={ev => { if (ev.key === 'ArrowRight' && e.Type === 1) navigate('files', joinPath(path, e.Name)) }}>
                <span aria-hidden="true" class="icon">{e.Type === 1 ? '▸' : '·'}</span>{e.Name}{e.Type === 1 ? '/' : ''}
              </button>
              <span class="size">{e.Type === 1 ? '' : formatBytes(e.Size)}</span>
              <code class="cid" title={e.Hash} data-testid="cid">{shortId(e.Hash, 5)}</code>
            </div>
          )} />
      </div>
      {path !== '/' && <p><a href={`#/files${parentPath(path)}`}>Up to {parentPath(path)}</a></p>}
      <PromptDialog open={dialog === 'mkdir'} title="New folder" label="Folder name" submit="Create" onClose={() => { setDialog(undefined) }}
        onSubmit={async name => { await rpc('files/mkdir', { arg: joinPath(path, name) }); list.reload() }} />
      <PromptDialog open={dialog === 'rename'} title={`Rename ${entry?.Name ?? ''}`} label="New name" initial={entry?.Name} submit="Rename" onClose={() => { setDialog(undefined) }}
        onSubmit={async name => { await rpc('files/mv', { arg: [selectedPath, joinPath(path, name)] }); setSelected(name); list.reload() }} />
      <PromptDialog open={dialog === 'move'} title={`Move ${entry?.Name ?? ''}`} label="New path (a folder ending in / keeps the name)" initial={selectedPath} submit="Move" onClose={() => { setDialog(undefined) }}
        onSubmit={async to => { await rpc('files/mv', { arg: [selectedPath, to.endsWith('/') ? to + entry!.Name : to] }); setSelected(undefined); list.reload() }} />
    </div>
  )
}
