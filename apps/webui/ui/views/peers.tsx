import { useState } from 'preact/hooks'
import { rpc } from '../api.ts'
import { ErrorLine, PromptDialog, Section, notify, notifyError, useAsync } from '../components/common.tsx'
import { shortId } from '../format.ts'

interface Peer { Peer: string, Addr: string, Latency?: string, Direction?: number, Streams?: Array<{ Protocol: string }> }

export function PeersView () {
  const peers = useAsync<Peer[]>(async signal => (await rpc('swarm/peers', { verbose: true }, { signal })).Peers ?? [], [], 5000)
  const [connecting, setConnecting] = useState(false)
  return (
    <div class="view" data-view="peers">
      <h1>Peers</h1>
      <Section title={`Connected (${peers.value?.length ?? 0})`} id="peers-title"
        actions={<button type="button" class="primary" onClick={() => { setConnecting(true) }}>Connect to a peer</button>}>
        <ErrorLine error={peers.error} />
        <div class="table-wrap">
          <table class="peers">
            <thead><tr><th scope="col">Peer</th><th scope="col">Address</th><th scope="col">Latency</th><th scope="col">Direction</th><th scope="col">Protocols</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {(peers.value ?? []).map(p => (
                <tr key={p.Peer + p.Addr} data-peer={p.Peer} data-direction={p.Direction === 1 ? 'inbound' : p.Direction === 2 ? 'outbound' : 'unknown'}>
                  <td data-label="Peer"><code title={p.Peer}>{shortId(p.Peer, 6)}</code></td>
                  <td data-label="Address"><code class="wrap">{p.Addr}</code></td>
                  <td data-label="Latency">{p.Latency ?? 'n/a'}</td>
                  <td data-label="Direction">{p.Direction === 1 ? 'inbound' : p.Direction === 2 ? 'outbound' : 'unknown'}</td>
                  <td data-label="Protocols" class="protocols">{(p.Streams ?? []).map(s => s.Protocol).join(', ') || '—'}</td>
                  <td><button type="button" class="small danger" aria-label={`Disconnect ${p.Peer}`} onClick={() => {
                    rpc('swarm/disconnect', { arg: `/p2p/${p.Peer}` }).then((r: { Strings?: string[] }) => {
                      // Kubo answers 200 with a "failure" line when the peer was not connected
                      const failed = (r?.Strings ?? []).find(line => line.includes('failure'))
                      if (failed != null) notify(failed, 'error')
                      else notify(`Disconnected ${shortId(p.Peer)}`)
                      peers.reload()
                    }, notifyError)
                  }}>Disconnect</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          {peers.value?.length === 0 && <p class="muted">No peers connected.</p>}
        </div>
      </Section>
      <PromptDialog open={connecting} title="Connect to a peer" label="Multiaddr (with /p2p/ peer ID)" submit="Connect" onClose={() => { setConnecting(false) }}
        onSubmit={async addr => { await rpc('swarm/connect', { arg: addr }); notify('Connected'); peers.reload() }} />
    </div>
  )
}
