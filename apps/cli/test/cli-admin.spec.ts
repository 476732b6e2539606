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
import { cairn, ok, startDaemon } from './fixtures/cli.ts'

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

test('diag datastore put | get [--hex] | count on the repo\'s datastore; refused while a daemon holds it; repo migrate', async ({ repo }) => {
  assert.is((await ok(['diag', 'datastore', 'put', '/test/mykey', 'hello'], { repo })).out, '')
  assert.is((await ok(['diag', 'datastore', 'get', '/test/mykey'], { repo })).out, 'hello')
  assert.is((await ok(['diag', 'datastore', 'get', '--hex', '/test/mykey'], { repo })).out,
    'Key: /test/mykey\nHex Dump:\n00000000  68 65 6c 6c 6f                                    |hello|\n')
  assert.equal(JSON.parse((await ok(['diag', 'datastore', 'get', '--enc=json', '/test/mykey'], { repo })).out), { key: '/test/mykey', value: Buffer.from('hello').toString('base64') })
  await ok(['diag', 'datastore', 'put', '/test/other', 'x'], { repo })
  assert.is((await ok(['diag', 'datastore', 'count', '/test/'], { repo })).out, '2\n')
  assert.equal(JSON.parse((await ok(['diag', 'datastore', 'count', '--enc=json', '/test'], { repo })).out), { prefix: '/test', count: 2 })
  assert.is((await ok(['diag', 'datastore', 'count', '/nothing/'], { repo })).out, '0\n')
  const missing = await cairn(['diag', 'datastore', 'get', '/test/nope'], { repo })
  assert.is(missing.err, 'Error: key not found: /test/nope\n')
  assert.is.not(missing.code, 0)

  assert.is((await ok(['repo', 'migrate'], { repo })).out, 'Repository is already at version 1.\n')
  assert.is((await cairn(['repo', 'migrate', '--to=0'], { repo })).err, 'Error: downgrade from version 1 to 0 requires --allow-downgrade flag\n')
  assert.match((await cairn(['repo', 'migrate', '--to=2'], { repo })).err, /^Error: no migration from version 1 to 2/)

  const daemon = await startDaemon(repo, ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0'])
  try {
    const refused = await cairn(['diag', 'datastore', 'count', '/'], { repo })
    assert.is(refused.err, 'Error: cairn daemon is running. please stop it to run this command\n')
    assert.is.not(refused.code, 0)
  } finally {
    await daemon.stop()
  }
})

test('p2p, mount, filestore and update say they are not supported by Cairn', async ({ repo }) => {
  for (const args of [['p2p', 'ls'], ['mount'], ['filestore', 'ls', '--file-order'], ['update']]) {
    const r = await cairn(args, { repo })
    assert.match(r.err, new RegExp(`^Error: "${args[0]}" is not supported by Cairn: .+\n$`))
    assert.is(r.code, 1)
  }
})

test.run()
