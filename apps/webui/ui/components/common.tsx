import type { ComponentChildren } from 'preact'
import { useEffect, useState, useCallback, useRef } from 'preact/hooks'

type Notice = { id: number, text: string, kind: 'info' | 'error' }
let noticeId = 0
const listeners = new Set<(n: Notice) => void>()

/** Shows a short message in the page's live region (read out by screen readers) */
export function notify (text: string, kind: Notice['kind'] = 'info'): void {
  const n = { id: ++noticeId, text, kind }
  for (const l of listeners) l(n)
}

export function notifyError (err: unknown): void {
  notify(err instanceof Error ? err.message : String(err), 'error')
}

/** The live region: the last few notices, each fading after a while */
export function Notices () {
  const [items, setItems] = useState<Notice[]>([])
  useEffect(() => {
    const add = (n: Notice): void => {
      setItems(list => [...list.slice(-3), n])
      setTimeout(() => { setItems(list => list.filter(x => x.id !== n.id)) }, n.kind === 'error' ? 10000 : 4000)
    }
    listeners.add(add)
    return () => { listeners.delete(add) }
  }, [])
  return (
    <div class="notices" role="status" aria-live="polite">
      {items.map(n => <p key={n.id} class={`notice ${n.kind}`}>{n.text}</p>)}
    </div>
  )
}

export interface AsyncState<T> { value?: T, error?: Error, loading: boolean, reload: () => void }

/** Runs `load` now, whenever `deps` change, and on `reload()`; keeps the last value while reloading */
export function useAsync<T> (load: (signal: AbortSignal) => Promise<T>, deps: unknown[], intervalMs?: number): AsyncState<T> {
  const [state, setState] = useState<{ value?: T, error?: Error, loading: boolean }>({ loading: true })
  const [tick, setTick] = useState(0)
  const reload = useCallback(() => { setTick(t => t + 1) }, [])
  const lastTick = useRef(tick)
  useEffect(() => {
    const controller = new AbortController()
    // a reload keeps showing the last value; new inputs (another folder) must not show the old one
    const reloading = lastTick.current !== tick
    lastTick.current = tick
    setState(s => reloading ? { ...s, loading: true } : { loading: true })
    load(controller.signal).then(value => {
      if (!controller.signal.aborted) setState({ value, loading: false })
    }, (error: Error) => {
      if (!controller.signal.aborted) setState(s => ({ value: s.value, error, loading: false }))
    })
    const timer = intervalMs == null ? undefined : setTimeout(reload, intervalMs)
    return () => { controller.abort(); clearTimeout(timer) }
  }, [...deps, tick])
  return { ...state, reload }
}

/** Copies text to the clipboard, falling back to a selected text field where the API is refused */
export async function copyText (text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
    notify(`${what} copied`)
  } catch {
    window.prompt(`Copy the ${what.toLowerCase()}:`, text)
  }
}

export function Section (props: { title: string, children: ComponentChildren, actions?: ComponentChildren, id?: string }) {
  return (
    <section class="card" aria-labelledby={props.id}>
      <div class="card-head">
        <h2 id={props.id}>{props.title}</h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  )
}

export function ErrorLine (props: { error?: Error }) {
  if (props.error == null) return null
  return <p class="error-line" role="alert">{props.error.message}</p>
}

/** A modal dialog on the native `<dialog>`: focus is trapped and Escape closes it */
export function Dialog (props: { title: string, open: boolean, onClose: () => void, children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (d == null) return
    if (props.open && !d.open) d.showModal()
    if (!props.open && d.open) d.close()
  }, [props.open])
  return (
    <dialog ref={ref} aria-label={props.title} onClose={props.onClose}>
      {props.open && <>
        <h2>{props.title}</h2>
        {props.children}
      </>}
    </dialog>
  )
}

/** A labelled one-field form in a dialog (rename, move, new folder, connect...) */
export function PromptDialog (props: { title: string, label: string, initial?: string, submit: string, open: boolean, onClose: () => void, onSubmit: (value: string) => Promise<void> }) {
  const [value, setValue] = useState(props.initial ?? '')
  const [error, setError] = useState<Error>()
  const [busy, setBusy] = useState(false)
  useEffect(() => { setValue(props.initial ?? ''); setError(undefined) }, [props.open, props.initial])
  return (
    <Dialog title={props.title} open={props.open} onClose={props.onClose}>
      <form method="dialog" onSubmit={e => {
        e.preventDefault()
        setBusy(true)
        props.onSubmit(value.trim()).then(() => { props.onClose() }, setError).finally(() => { setBusy(false) })
      }}>
        <label>{props.label}
          <input name="value" value={value} onInput={e => { setValue((e.target as HTMLInputElement).value) }} autoFocus required />
        </label>
        <ErrorLine error={error} />
        <div class="buttons">
          <button type="button" onClick={props.onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={busy}>{props.submit}</button>
        </div>
      </form>
    </Dialog>
  )
}
