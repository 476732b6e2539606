/**
 * The page's only way to the node: Kubo's `/api/v0` on the page's own origin (POST, arguments in
 * the query string), as any other client. With `API.Authorizations` set, calls carry the secret the
 * user typed, kept for the tab's session only.
 */

const TOKEN_KEY = 'cairn-webui-secret'

/** An RPC error: Kubo's `{"Message","Code","Type":"error"}` body and the HTTP status */
export class RpcError extends Error {
  readonly status: number
  constructor (message: string, status: number) {
    super(message)
    this.name = 'RpcError'
    this.status = status
  }

  /** The RPC refused our credentials (or wants some) */
  get unauthorized (): boolean {
    return this.status === 403 && /authoriz/i.test(this.message)
  }
}

type ArgValue = string | number | boolean | undefined | null
export type RpcArgs = Record<string, ArgValue | ArgValue[]>

/** The secret as `API.Authorizations` spells it: `bearer:TOKEN`, `basic:USER:PASSWORD` or a bare token */
export function authorizationHeader (secret: string): string {
  if (secret.startsWith('basic:')) return `Basic ${btoa(secret.slice('basic:'.length))}`
  if (secret.startsWith('bearer:')) return `Bearer ${secret.slice('bearer:'.length)}`
  return `Bearer ${secret}`
}

export function getSecret (): string | null {
  return sessionStorage.getItem(TOKEN_KEY)
}

export function setSecret (secret: string | null): void {
  if (secret == null || secret === '') sessionStorage.removeItem(TOKEN_KEY)
  else sessionStorage.setItem(TOKEN_KEY, secret)
}

/** The Authorization header for `secret` (by default the one in use) */
export function headers (secret = getSecret()): Record<string, string> {
  return secret == null ? {} : { Authorization: authorizationHeader(secret) }
}

/** `/api/v0/<command>?arg=…&flag=…`; `arg` may repeat */
export function rpcUrl (command: string, args: RpcArgs = {}): string {
  const q = new URLSearchParams()
  for (const [key, value] of Object.entries(args)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v != null) q.append(key, String(v))
    }
  }
  const query = q.toString()
  return `/api/v0/${command}${query === '' ? '' : `?${query}`}`
}

const unauthorizedListeners = new Set<() => void>()

/** Called whenever the RPC refuses our credentials (the page then asks for a secret) */
export function onUnauthorized (listener: () => void): () => void {
  unauthorizedListeners.add(listener)
  return () => { unauthorizedListeners.delete(listener) }
}

/**
 * Tells the listeners when the RPC refused the secret still in use. A refusal of a call sent with
 * an older secret (a poll that left before the user unlocked) says nothing about the new one: it
 * used to wipe a right secret typed meanwhile and show the login again.
 */
function refused (err: RpcError, sentWith: string | null): RpcError {
  if (err.unauthorized && sentWith === getSecret()) for (const l of unauthorizedListeners) l()
  return err
}

async function failure (res: Response, sentWith: string | null): Promise<RpcError> {
  const text = await res.text()
  let message = text.trim()
  try {
    const body = JSON.parse(text)
    if (typeof body?.Message === 'string') message = body.Message
  } catch {}
  return refused(new RpcError(message === '' ? `${res.status} ${res.statusText}` : message, res.status), sentWith)
}

/** Calls a command and returns the raw response (for text and byte answers) */
export async function rpcRaw (command: string, args: RpcArgs = {}, init: { body?: BodyInit, signal?: AbortSignal } = {}): Promise<Response> {
  const secret = getSecret()
  const res = await fetch(rpcUrl(command, args), { method: 'POST', headers: headers(secret), body: init.body, signal: init.signal })
  if (!res.ok) throw await failure(res, secret)
  const trailer = res.headers.get('X-Stream-Error')
  if (trailer != null && trailer !== '') throw new RpcError(trailer, 500)
  return res
}

/** Calls a command that answers one JSON value */
export async function rpc<T = any> (command: string, args: RpcArgs = {}, init: { body?: BodyInit, signal?: AbortSignal } = {}): Promise<T> {
  const res = await rpcRaw(command, args, init)
  const text = await res.text()
  if (text.trim() === '') return undefined as T
  // some commands answer NDJSON; the last value then says it all
  const lines = text.trim().split('\n')
  return JSON.parse(lines[lines.length - 1])
}

/** Calls a command that streams NDJSON, one callback per value */
export async function rpcStream (command: string, args: RpcArgs, onValue: (value: any) => void, signal?: AbortSignal): Promise<void> {
  const res = await rpcRaw(command, args, { signal })
  if (res.body == null) return
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffered = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    buffered += value
    let nl
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim()
      buffered = buffered.slice(nl + 1)
      if (line === '') continue
      const v = JSON.parse(line)
      if (v?.Type === 'error' && typeof v.Message === 'string') throw new RpcError(v.Message, 500)
      onValue(v)
    }
  }
  if (buffered.trim() !== '') onValue(JSON.parse(buffered))
}

export interface UploadFile {
  /** Path inside the upload, `a.txt` or `folder/sub/a.txt` */
  path: string
  file: File
}

export interface AddResult { Name: string, Hash: string, Size: string }

/**
 * `add` of files and folders in one multipart request, streamed from disk by the browser (an
 * `XMLHttpRequest`, which reports upload progress, unlike `fetch`). Folders are sent as
 * `application/x-directory` parts, file names URL-encoded, as kubo-rpc-client does.
 */
export function upload (files: UploadFile[], onProgress: (sentBytes: number) => void, args: RpcArgs = {}): { done: Promise<AddResult[]>, abort: () => void } {
  const form = new FormData()
  const dirs = new Set<string>()
  for (const { path } of files) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'))
  }
  for (const dir of [...dirs].sort()) form.append('file', new Blob([], { type: 'application/x-directory' }), encodeURIComponent(dir))
  for (const { path, file } of files) form.append('file', file, encodeURIComponent(path))
  const xhr = new XMLHttpRequest()
  const secret = getSecret()
  const done = new Promise<AddResult[]>((resolve, reject) => {
    xhr.upload.onprogress = e => { onProgress(e.loaded) }
    xhr.onerror = () => { reject(new RpcError('the upload failed: connection lost', 0)) }
    xhr.onabort = () => { reject(new RpcError('the upload was cancelled', 0)) }
    xhr.onload = () => {
      const text = xhr.responseText
      if (xhr.status !== 200) {
        let message = text
        try { message = JSON.parse(text).Message } catch {}
        reject(refused(new RpcError(message, xhr.status), secret))
        return
      }
      const trailer = xhr.getResponseHeader('X-Stream-Error')
      if (trailer != null && trailer !== '') { reject(new RpcError(trailer, 500)); return }
      const results: AddResult[] = []
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue
        const v = JSON.parse(line)
        if (v.Type === 'error') { reject(new RpcError(v.Message, 500)); return }
        if (v.Hash != null) results.push(v)
      }
      resolve(results)
    }
  })
  xhr.open('POST', rpcUrl('add', { 'stream-channels': true, pin: false, ...args }))
  for (const [k, v] of Object.entries(headers(secret))) xhr.setRequestHeader(k, v)
  xhr.send(form)
  return { done, abort: () => { xhr.abort() } }
}
