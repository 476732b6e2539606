import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { getSecret, onUnauthorized, setSecret } from './api.ts'
import { Notices } from './components/common.tsx'
import { StatusView } from './views/status.tsx'
import { FilesView } from './views/files.tsx'
import { PinsView } from './views/pins.tsx'
import { PeersView } from './views/peers.tsx'
import { ExploreView } from './views/explore.tsx'
import { SettingsView } from './views/settings.tsx'

const VIEWS = [
  { id: 'status', title: 'Status' },
  { id: 'files', title: 'Files' },
  { id: 'pins', title: 'Pins' },
  { id: 'peers', title: 'Peers' },
  { id: 'explore', title: 'Explore' },
  { id: 'settings', title: 'Settings' }
] as const

/** `#/files/a/b` → { view: 'files', rest: '/a/b' } */
function parseHash (): { view: string, rest: string } {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ''))
  const i = hash.indexOf('/')
  const view = i < 0 ? hash : hash.slice(0, i)
  return { view: VIEWS.some(v => v.id === view) ? view : 'status', rest: i < 0 ? '' : hash.slice(i) }
}

/** Asks for the RPC's secret when `API.Authorizations` refuses us */
function Login (props: { onDone: () => void, failed: boolean }) {
  const [value, setValue] = useState('')
  return (
    <main id="main" class="login">
      <h1>Cairn</h1>
      <form onSubmit={e => { e.preventDefault(); setSecret(value.trim()); props.onDone() }}>
        <p>This node's RPC asks for a secret (<code>API.Authorizations</code>).</p>
        <label>Secret (<code>bearer:TOKEN</code>, <code>basic:USER:PASSWORD</code> or a token)
          <input type="password" autoComplete="current-password" value={value} onInput={e => { setValue((e.target as HTMLInputElement).value) }} required autoFocus />
        </label>
        {props.failed && <p class="error-line" role="alert">That secret was refused.</p>}
        <button type="submit" class="primary">Unlock</button>
      </form>
    </main>
  )
}

function App () {
  const [route, setRoute] = useState(parseHash)
  // views load at once; a refusal from the RPC (API.Authorizations) turns the page into the login
  const [auth, setAuth] = useState<'ok' | 'needed' | 'refused'>('ok')
  useEffect(() => {
    const onHash = (): void => { setRoute(parseHash()) }
    window.addEventListener('hashchange', onHash)
    const stop = onUnauthorized(() => {
      // the first refusal decides; the other calls of the same views fail the same way
      const hadSecret = getSecret() != null
      setSecret(null)
      setAuth(a => a === 'ok' ? (hadSecret ? 'refused' : 'needed') : a)
    })
    return () => { window.removeEventListener('hashchange', onHash); stop() }
  }, [])
  useEffect(() => {
    const title = VIEWS.find(v => v.id === route.view)?.title ?? 'Status'
    document.title = `${title} · Cairn`
  }, [route.view])

  if (auth === 'needed' || auth === 'refused') return <Login failed={auth === 'refused'} onDone={() => { setAuth('ok') }} />
  return (
    <>
      <a class="skip" href="#main" onClick={e => { e.preventDefault(); document.getElementById('main')?.focus() }}>Skip to content</a>
      <header class="top">
        <span class="brand" aria-hidden="true">◭ Cairn</span>
        <nav aria-label="Views">
          <ul>
            {VIEWS.map(v => (
              <li key={v.id}><a href={`#/${v.id}`} aria-current={route.view === v.id ? 'page' : undefined}>{v.title}</a></li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <View view={route.view} rest={route.rest} />
      </main>
      <Notices />
    </>
  )
}

function View (props: { view: string, rest: string }) {
  switch (props.view) {
    case 'files': return <FilesView path={props.rest === '' ? '/' : props.rest} />
    case 'pins': return <PinsView />
    case 'peers': return <PeersView />
    case 'explore': return <ExploreView path={props.rest.replace(/^\//, '')} />
    case 'settings': return <SettingsView />
    default: return <StatusView />
  }
}

render(<App />, document.getElementById('app')!)
