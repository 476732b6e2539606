import type { UploadFile } from '../api.ts'

/** Files chosen with `<input type=file>` (with `webkitdirectory`, each keeps its folder path) */
export function filesFromInput (list: FileList): UploadFile[] {
  return [...list].map(file => ({ path: file.webkitRelativePath !== '' ? file.webkitRelativePath : file.name, file }))
}

function readEntries (reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => { reader.readEntries(resolve, reject) })
}

async function walk (entry: FileSystemEntry, out: UploadFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => { (entry as FileSystemFileEntry).file(resolve, reject) })
    out.push({ path: entry.fullPath.replace(/^\//, ''), file })
    return
  }
  if (!entry.isDirectory) return
  const reader = (entry as FileSystemDirectoryEntry).createReader()
  // readEntries answers in batches (100 in Chromium) until an empty one
  for (;;) {
    const batch = await readEntries(reader)
    if (batch.length === 0) break
    for (const e of batch) await walk(e, out)
  }
}

/** Files and folders dropped on the page, folders walked to their files */
export async function filesFromDrop (data: DataTransfer): Promise<UploadFile[]> {
  const out: UploadFile[] = []
  // entries first, synchronously: the DataTransfer empties once this event handler returns
  const items = [...data.items].filter(item => item.kind === 'file').map(item => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }))
  for (const { entry, file } of items) {
    if (entry != null) await walk(entry, out)
    else if (file != null) out.push({ path: file.name, file })
  }
  return out
}
