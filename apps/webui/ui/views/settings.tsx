import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { rpc } from '../api.ts'
import { ErrorLine, Section, notify, notifyError, useAsync } from '../components/common.tsx'

/**
 * Keys whose new value a running node takes at once; every other change waits for a restart, as
 * in Kubo, where the daemon reads its config when it starts.
 */
const LIVE_PREFIXES = ['Pinning.RemoteServices']

interface Change { key: string, before?: unknown, after?: unknown }

function flatten (value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value != null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix === '' ? k : `${prefix}.${k}`, out)
  } else {
    out.set(prefix, value)
  }
  return out
}

/** Leaf-by-leaf differences between two configs, in key order */
export function diffConfigs (before: unknown, after: unknown): Change[] {
  const a = flatten(before, '', new Map())
  const b = flatten(after, '', new Map())
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort()
  return keys.filter(k => JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k))).map(key => ({ key, before: a.get(key), after: b.get(key) }))
}

const needsRestart = (key: string): boolean => !LIVE_PREFIXES.some(p => key === p || key.startsWith(p + '.'))

/** Parses the editor's text: a JSON object, without a private key (the node keeps its own) */
function validate (text: string): { config?: Record<string, unknown>, error?: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { error: `Not valid JSON: ${(err as Error).message}` }
  }
  if (value == null || typeof value !== 'object' || Array.isArray(value)) return { error: 'The config must be a JSON object' }
  const identity = (value as { Identity?: { PrivKey?: unknown } }).Identity
  if (identity?.PrivKey != null) return { error: 'Identity.PrivKey cannot be set here: the node keeps its own key' }
  return { config: value as Record<string, unknown> }
}

const show = (v: unknown): string => v === undefined ? '(none)' : JSON.stringify(v)

export function SettingsView () {
  const config = useAsync<Record<string, unknown>>(signal => rpc('config/show', {}, { signal }), [])
  const [text, setText] = useState('')
  const [reviewing, setReviewing] = useState(false)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<Error>()
  const [restart, setRestart] = useState<string[]>([])
  // the loaded config fills the editor unless the user already typed there (a slow node answers
  // after the page drew): what was typed is never replaced behind the user's back
  const edited = useRef(false)
  useEffect(() => { if (config.value != null && !edited.current) setText(JSON.stringify(config.value, null, 2)) }, [config.value])
  const checked = useMemo(() => validate(text), [text])
  const changes = useMemo(() => checked.config == null || config.value == null ? [] : diffConfigs(config.value, checked.config), [checked, config.value])

  async function save (): Promise<void> {
    if (checked.config == null) return
    setSaving(true)
    setSaveError(undefined)
    try {
      const form = new FormData()
      form.append('file', new Blob([JSON.stringify(checked.config, null, 2)], { type: 'application/octet-stream' }), 'config')
      await rpc('config/replace', {}, { body: form })
      setRestart(changes.filter(c => needsRestart(c.key)).map(c => c.key))
      setReviewing(false)
      notify('Config saved')
      // saved: the editor follows the node's config again
      edited.current = false
      config.reload()
    } catch (err) {
      setSaveError(err as Error)
      notifyError(err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <div class="view" data-view="settings">
      <h1>Settings</h1>
      {restart.length > 0 && (
        <div class="card warn" role="alert" data-testid="restart-note">
          <p><strong>Restart the daemon</strong> for these changes to take effect: {restart.map(k => <code key={k}>{k} </code>)}</p>
        </div>
      )}
      <Section title="Config" id="config-title">
        <ErrorLine error={config.error} />
        <label for="config-editor">The node's config (JSON, Kubo's keys)</label>
        <textarea id="config-editor" class="editor" spellcheck={false} value={text} aria-invalid={checked.error != null}
          aria-describedby="config-check" onInput={e => { edited.current = true; setText((e.target as HTMLTextAreaElement).value); setReviewing(false) }} />
        <p id="config-check" class={checked.error != null ? 'error-line' : 'muted'} role={checked.error != null ? 'alert' : undefined}>
          {checked.error ?? (changes.length === 0 ? 'No changes.' : `${changes.length} change${changes.length === 1 ? '' : 's'}.`)}
        </p>
        <div class="buttons">
          <button type="button" disabled={changes.length === 0 || checked.error != null} onClick={() => { setReviewing(true) }} class="primary">Review changes</button>
          <button type="button" disabled={changes.length === 0} onClick={() => { if (config.value != null) { edited.current = false; setText(JSON.stringify(config.value, null, 2)) } }}>Discard</button>
        </div>
      </Section>
      {reviewing && changes.length > 0 && (
        <Section title="Changes to save" id="diff-title">
          <table class="diff" data-testid="diff">
            <thead><tr><th scope="col">Key</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Takes effect</th></tr></thead>
            <tbody>{changes.map(c => (
              <tr key={c.key}>
                <td data-label="Key"><code>{c.key}</code></td>
                <td data-label="Before"><del>{show(c.before)}</del></td>
                <td data-label="After"><ins>{show(c.after)}</ins></td>
                <td data-label="Takes effect">{needsRestart(c.key) ? 'after a restart' : 'now'}</td>
              </tr>))}
            </tbody>
          </table>
          <ErrorLine error={saveError} />
          <div class="buttons">
            <button type="button" onClick={() => { setReviewing(false) }}>Back to editing</button>
            <button type="button" class="primary" disabled={saving} onClick={() => { void save() }}>Save</button>
          </div>
        </Section>
      )}
    </div>
  )
}
