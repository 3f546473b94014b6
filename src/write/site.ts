import {mkdir, rm, rename, writeFile, copyFile, readdir} from 'node:fs/promises'
import {existsSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import {CoursebookError, WriteFailed} from '../diagnostics/errors.js'

/** One file of the site: bytes to write, or a file to copy. */
export interface SiteEntry {
  /** Site-root-relative path, forward slashes. */
  outPath: string
  data?: Uint8Array | string
  copyFrom?: string
}

const STAGING = '.tmp-'
const RETIRED = '.old-'

/**
 * Write a whole site so that it replaces `outPath` only when it is complete:
 * everything goes into a sibling staging folder, which is then renamed into
 * place. A failure or a kill part-way leaves the previous site as it was; a
 * later build removes the staging folders of interrupted ones, and puts back
 * a previous site that a kill between the two final renames left aside.
 */
export async function writeSiteAtomically(outPath: string, entries: Iterable<SiteEntry>): Promise<void> {
  const target = resolve(outPath)
  await removeLeftovers(target)
  const staging = `${target}${STAGING}${process.pid}-${Date.now()}`
  try {
    await writeEntries(staging, entries)
    const retired = `${target}${RETIRED}${process.pid}-${Date.now()}`
    if (existsSync(target)) await rename(target, retired)
    await rename(staging, target)
    await rm(retired, {recursive: true, force: true})
  } catch (error) {
    await rm(staging, {recursive: true, force: true}).catch(() => undefined)
    throw new CoursebookError(WriteFailed, `Writing the site to ${target} failed: ${(error as Error).message}`, {cause: error})
  }
}

async function writeEntries(root: string, entries: Iterable<SiteEntry>): Promise<void> {
  // Folder creation is shared as a promise, so a second file in the same folder waits for it.
  const made = new Map<string, Promise<unknown>>()
  const written = new Set<string>()
  const jobs: Array<() => Promise<void>> = []
  for (const entry of entries) {
    if (written.has(entry.outPath)) continue
    written.add(entry.outPath)
    const path = join(root, entry.outPath)
    if (!path.startsWith(root)) throw new Error(`refusing to write outside the site: ${entry.outPath}`)
    jobs.push(async () => {
      const folder = dirname(path)
      if (!made.has(folder)) made.set(folder, mkdir(folder, {recursive: true}))
      await made.get(folder)
      if (entry.copyFrom) await copyFile(entry.copyFrom, path)
      else await writeFile(path, entry.data ?? '')
    })
  }
  // Bounded concurrency: enough to overlap I/O without exhausting file handles.
  let next = 0
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!()
  }
  await Promise.all(Array.from({length: Math.min(16, jobs.length)}, worker))
}

async function removeLeftovers(target: string): Promise<void> {
  const parent = dirname(target)
  if (!existsSync(parent)) return
  const prefix = basename(target)
  // Newest first, so that the most recent retired site is the one put back.
  const stamp = (name: string) => Number(name.split('-').at(-1)) || 0
  const names = (await readdir(parent)).filter((n) => n.startsWith(prefix + STAGING) || n.startsWith(prefix + RETIRED)).sort((a, b) => stamp(b) - stamp(a))
  for (const name of names) {
    const pid = Number(name.slice(prefix.length).split('-')[1])
    // Another build running now owns its staging folder.
    if (pid !== process.pid && isAlive(pid)) continue
    if (name.startsWith(prefix + RETIRED) && !existsSync(target)) {
      // A build killed between its two renames: this is the previous site; put it back.
      await rename(join(parent, name), target)
      continue
    }
    await rm(join(parent, name), {recursive: true, force: true})
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
