/**
 * Admin commands of issue 15 through the CLI on a repo with no daemon (Kubo runs them offline):
 * `config replace|profile apply|edit`, `commands` and shell completion, `version deps`, `diag sys`.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cairn, ok } from './fixtures/cli.ts'

interface Context { dir: string, repo: string }

const test = suite<Context>('cairn admin commands without a daemon', { dir: '', repo: '' })

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-cli-admin-'))
  ctx.repo = join(ctx.dir, 'repo')
  await ok(['init', '--profile=test'], { repo: ctx.repo })
})

test.after(async (ctx) => { await rm(ctx.dir, { recursive: true, force: true }) })

test('config profile apply: --dry-run prints the change and writes nothing; apply writes it', async ({ repo }) => {
  const before = await readFile(join(repo, 'config'), 'utf8')
  const dry = await ok(['config', 'profile', 'apply', 'server', '--dry-run'], { repo })
  assert.ok(dry.out.includes('- Discovery.MDNS.Enabled: false') === false, 'MDNS was already off in the test profile')
  assert.ok(dry.out.includes('+ Swarm.AddrFilters: ["/ip4/10.0.0.0/ipcidr/8"'), dry.out)
  assert.is(await readFile(join(repo, 'config'), 'utf8'), before)
  await ok(['config', 'profile', 'apply', 'lowpower'], { repo })
  assert.is((await ok(['config', 'Routing.Type'], { repo })).out, 'autoclient\n')
  const json = JSON.parse((await ok(['config', 'profile', 'apply', 'test', '--enc=json'], { repo })).out)
  assert.equal(Object.keys(json), ['OldCfg', 'NewCfg'])
  assert.is(json.NewCfg.Routing.Type, 'dhtserver')
  const bad = await cairn(['config', 'profile', 'apply', 'nope'], { repo })
  assert.is(bad.err, 'Error: nope is not a profile\n')
})

test('config replace keeps the identity; config edit runs $EDITOR on the file', async ({ repo, dir }) => {
  const config = JSON.parse((await ok(['config', 'show'], { repo })).out)
  const peerId = config.Identity.PeerID
  const file = join(dir, 'new-config.json')
  await writeFile(file, JSON.stringify({ ...config, Datastore: { StorageMax: '7GB' }, Identity: { PeerID: 'someone-else' } }))
  await ok(['config', 'replace', file], { repo })
  assert.is((await ok(['config', 'Datastore.StorageMax'], { repo })).out, '7GB\n')
  assert.is((await ok(['config', 'Identity.PeerID'], { repo })).out, `${peerId}\n`)
  await writeFile(file, '{ not json')
  assert.is((await cairn(['config', 'replace', file], { repo })).err, 'Error: failed to decode file as config\n')
  // the editor gets the config file's path as its last argument, as Kubo runs it
  await ok(['config', 'edit'], { repo, env: { EDITOR: 'sed -i s/7GB/9GB/' } })
  assert.is((await ok(['config', 'Datastore.StorageMax'], { repo })).out, '9GB\n')
  assert.is((await cairn(['config', 'edit'], { repo, env: { EDITOR: '' } })).err, 'Error: ENV variable $EDITOR not set\n')
})

test('commands lists every command path (with --flags its options); completion for bash, zsh and fish', async ({ repo, dir }) => {
  const list = (await ok(['commands'], { repo })).out.trimEnd().split('\n')
  for (const path of ['cairn', 'cairn add', 'cairn swarm peering add', 'cairn routing findpeer', 'cairn commands completion bash']) assert.ok(list.includes(path), path)
  assert.equal(list, [...list].sort())
  const flags = (await ok(['commands', '--flags'], { repo })).out.split('\n')
  assert.ok(flags.includes('cairn repo stat --size-only / cairn repo stat -s'), flags.filter(l => l.startsWith('cairn repo stat')).join('|'))
  const bash = (await ok(['commands', 'completion', 'bash'], { repo })).out
  const script = join(dir, 'cairn.bash')
  await writeFile(script, bash)
  // the completion function, run by a real bash as readline would
  const complete = (words: string[]): string => spawnSync('bash', ['-c', `source ${script}; COMP_WORDS=(${words.map(w => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _cairn_complete; echo "\${COMPREPLY[@]}"`], { encoding: 'utf8' }).stdout.trim()
  assert.is(complete(['cairn', 'swarm', 'pe']), 'peers peering')
  assert.is(complete(['cairn', 'repo', 'stat', '--s']), '--size-only')
  assert.ok(complete(['cairn', '']).split(' ').includes('ping'))
  const zsh = (await ok(['commands', 'completion', 'zsh'], { repo })).out
  assert.ok(zsh.startsWith('#compdef cairn\n') && zsh.includes('bashcompinit'))
  const fish = (await ok(['commands', 'completion', 'fish'], { repo })).out
  assert.ok(fish.includes("complete -c cairn -f -n '__fish_use_subcommand' -a 'ping'"), fish.slice(0, 300))
  assert.ok(fish.includes("complete -c cairn -f -n '__fish_seen_subcommand_from peering' -a 'add'"))
})

test('version deps and --all; diag sys', async ({ repo }) => {
  const deps = (await ok(['version', 'deps'], { repo })).out.trimEnd().split('\n')
  assert.match(deps[0], /^@cairn\/cli@\d+\.\d+\.\d+$/)
  assert.ok(deps.some(d => /^commander@\d+\.\d+\.\d+$/.test(d)), deps.join(','))
  assert.match((await ok(['version', '--all'], { repo })).out, /^Cairn version: .*\nRepo version: \d+\nSystem version: .*\nNode\.js version: v\d+/)
  assert.is((await ok(['repo', 'version'], { repo })).out, 'ipfs repo version fs-repo@1\n')
  assert.is((await ok(['repo', 'version', '-q'], { repo })).out, 'fs-repo@1\n')
  const sys = JSON.parse((await ok(['diag', 'sys'], { repo })).out)
  assert.equal(Object.keys(sys).sort(), ['diskinfo', 'environment', 'ipfs_commit', 'ipfs_version', 'memory', 'net', 'runtime'])
  assert.is(sys.net.online, false)
  assert.is(sys.environment.CAIRN_PATH, repo)
})

test('p2p, mount, filestore and update say they are not supported by Cairn', async ({ repo }) => {
  for (const args of [['p2p', 'ls'], ['mount'], ['filestore', 'ls', '--file-order'], ['update']]) {
    const r = await cairn(args, { repo })
    assert.match(r.err, new RegExp(`^Error: "${args[0]}" is not supported by Cairn: .+\n$`))
    assert.is(r.code, 1)
  }
})

test.run()
