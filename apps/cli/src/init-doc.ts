/**
 * The help files `cairn init --empty-repo=false` adds and pins, as Kubo's `assets/init-doc`
 * (Kubo stopped adding them by default; so does Cairn). Short and Cairn's own.
 */
export const INIT_DOCS: Readonly<Record<string, string>> = {
  readme: `Hello and welcome to Cairn!

Cairn is a content-addressed storage node that speaks IPFS: the same CIDs,
wire protocols, gateway and RPC as Kubo.

To get started:

  cairn add <file>        add a file and print its CID
  cairn cat <cid>         print a file
  cairn ls <cid>          list a directory
  cairn daemon            join the network and serve the gateway
  cairn commands          every command

Each file in this directory is a short guide: about, help, quick-start.
`,
  about: `Cairn stores blocks under the hash of their bytes and finds them by that hash
on this machine or on the IPFS network, so the same bytes get the same CID
wherever they are added.
`,
  help: `Every command takes --help. 'cairn commands' lists them all, and
'cairn <command> --help' shows its flags, which are Kubo's.
`,
  'quick-start': `echo hello > hello.txt
cairn add hello.txt
cairn cat <the CID it printed>
cairn pin ls
`
}
