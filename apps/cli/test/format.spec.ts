import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import {
  goTabwriter,
  addedJson, formatAdded, formatBandwidth, formatBytes, formatConfigValue, formatLs, formatPin, formatRepoStat, repoStatJson,
  formatSiBytes, parseConfigValue, tabulate
} from '../src/format.ts'

const test = suite('format')
const cid = CID.parse('QmWATWQ7fVPP2EFGu71UkfnqhYXDYH566qy47CnJDgvs8u')
const dirCid = CID.parse('QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn')

test('add lines: normal, -q, JSON', () => {
  const r = { cid, path: 'dir/a.txt', size: 12 }
  assert.is(formatAdded(r, 'normal'), `added ${cid.toString()} dir/a.txt`)
  assert.is(formatAdded(r, 'quiet'), cid.toString())
  assert.equal(addedJson(r), { Name: 'dir/a.txt', Hash: cid.toString(), Size: '12' })
  // a bare stream's name is empty in some paths: no trailing space
  assert.is(formatAdded({ cid, path: '', size: 1 }, 'normal'), `added ${cid.toString()} `, 'Kubo keeps the space before an empty name')
  assert.is(formatAdded({ cid, path: 'a\nb\\c\u0001', size: 1 }, 'normal'), `added ${cid.toString()} a\\nb\\\\c\\x01`, 'escaped as Kubo escapes names')
})

test('tabulate pads all but the last column', () => {
  assert.equal(tabulate([['a', 'bb', 'c'], ['ccc', 'd', 'e']]), ['a   bb c', 'ccc d  e'])
})

test("ls: Kubo's columns, directories with - and a slash", () => {
  const lines = formatLs([
    { name: 'a.txt', path: 'x/a.txt', cid, size: 5, type: 'file' },
    { name: 'sub', path: 'x/sub', cid: dirCid, size: 120, type: 'directory' }
  ], { headers: true })
  assert.equal(lines, [
    'Hash                                           Size Name',
    `${cid.toString()} 5    a.txt`,
    `${dirCid.toString()} -    sub/`
  ])
  assert.equal(formatLs([{ name: 'a', path: 'a', cid, size: 1, type: 'file' }], { size: false }), [`${cid.toString()} a`])
})

test('pin lines', () => {
  assert.is(formatPin({ cid, type: 'recursive' }, false), `${cid.toString()} recursive`)
  assert.is(formatPin({ cid, type: 'indirect', via: dirCid }, false), `${cid.toString()} indirect through ${dirCid.toString()}`)
  assert.is(formatPin({ cid, type: 'direct' }, true), cid.toString())
})

test('repo stat is aligned and can be human', () => {
  const stats = { numObjects: 3, repoSize: 2048, storageMax: 10_000_000_000, repoPath: '/r', version: '1' }
  assert.equal(formatRepoStat(stats), ['NumObjects:  3', 'RepoSize:    2048', 'StorageMax:  10000000000', 'StorageUsed: <0.01%', 'RepoPath:    /r', 'Version:     1'])
  // go-humanize's decimal units, as Kubo's --human
  assert.equal(formatRepoStat(stats, { human: true, sizeOnly: true }), ['RepoSize:   2.0 kB', 'StorageMax: 10 GB'])
})

test('repo stat shows usage against the budget and the GC watermark', () => {
  const stats = { numObjects: 3, repoSize: 4_567_000_000, storageMax: 10_000_000_000, storageGcWatermark: 90, repoPath: '/r', version: '1' }
  assert.equal(formatRepoStat(stats), [
    'NumObjects:  3', 'RepoSize:    4567000000', 'StorageMax:  10000000000', 'StorageUsed: 45.67%', 'GCWatermark: 90% (9000000000)', 'RepoPath:    /r', 'Version:     1'
  ])
  assert.equal(formatRepoStat({ ...stats, repoSize: 9_999_999_999 }, { human: true }).slice(1, 5), [
    'RepoSize:    10 GB', 'StorageMax:  10 GB', 'StorageUsed: 99.99%', 'GCWatermark: 90% (9.0 GB)'
  ])
  assert.equal(repoStatJson(stats), { RepoSize: 4_567_000_000, StorageMax: 10_000_000_000, StorageGCWatermark: 90, NumObjects: 3, RepoPath: '/r', Version: '1' })
})

test('byte units', () => {
  assert.is(formatBytes(0), '0 B')
  assert.is(formatBytes(1536), '1.50 KiB')
  assert.is(formatSiBytes(0), '0 B')
  assert.is(formatSiBytes(1500), '1.5 kB')
  assert.is(formatSiBytes(25_000_000), '25 MB')
  assert.equal(formatBandwidth({ totalIn: 1500n, totalOut: 0n, rateIn: 0, rateOut: 12.5 }), ['Bandwidth', 'TotalIn: 1.5 kB', 'TotalOut: 0 B', 'RateIn: 0 B/s', 'RateOut: 13 B/s'])
})

test('config values: strings bare, others JSON; --json and --bool parse', () => {
  assert.is(formatConfigValue('/ip4/127.0.0.1/tcp/5001'), '/ip4/127.0.0.1/tcp/5001')
  assert.is(formatConfigValue(['a']), '[\n  "a"\n]')
  assert.is(parseConfigValue('x', {}), 'x')
  assert.equal(parseConfigValue('["a"]', { json: true }), ['a'])
  assert.is(parseConfigValue('false', { bool: true }), false)
  assert.throws(() => parseConfigValue('yes', { bool: true }))
  assert.throws(() => parseConfigValue('{', { json: true }))
})

test('goTabwriter pads as Go\'s tabwriter with tabs (minwidth 20, tabwidth 8), the last cell left as is', () => {
  // what Kubo's `swarm resources` prints for these rows (Go: tabwriter.NewWriter(w, 20, 8, 0, '\t', 0))
  assert.equal(goTabwriter([['Scope', 'Limit Name', ''], ['system', 'StreamsOutbound', ''], ['peer:12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN', 'Conns', '']], 20), [
    'Scope' + '\t'.repeat(8) + 'Limit Name\t\t',
    'system' + '\t'.repeat(8) + 'StreamsOutbound\t\t',
    'peer:12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN\tConns\t\t\t'
  ])
})

test.run()
