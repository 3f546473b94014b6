import {rm, rename, readdir} from 'node:fs/promises'
import {copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import {CoursebookError, WriteFailed} from '../diagnostics/errors.js'
import {contentHash} from '../cache/digest.js'
import {readManifest, sameStamp, statStamp, writeManifest, type FileStamp, type SiteManifest} from './manifest.js'

/** One file of the site: bytes to write, or a file to copy. */
export interface SiteEntry {
  /** Site-root-relative path, forward slashes. */
  outPath: string
  data?: Uint8Array | string
  copyFrom?: string
}

const STAGING = '.tmp-'
const RETIRED = '.old-'

export interface AtomicWriteOptions {
  /**
   * Where to keep the site manifest between builds (in the build cache). With
   * it, files that are already right in the current site are hard-linked into
   * the new one instead of written, and a build that would change nothing
   * leaves the site untouched. Without it, every file is written.
   */
  manifest?: string
}

export interface AtomicWriteResult {
  /** Files written (or copied) because they were new or had changed. */
  written: number
  /** Files carried over from the previous site unchanged. */
  reused: number
  /** True when the site already matched and nothing was touched. */
  unchanged: boolean
}

/** A site file with its content hash, and whether the current site already has it. */
interface PlannedEntry {
  entry: SiteEntry
  hash: string
  /** The current site's file, when it already holds this content (hard-linked instead of written), with its stamp. */
  reuse?: FileStamp
  /** The bytes of a `copyFrom` source that had to be read to hash it (written from memory, not copied again). */
  bytes?: Buffer
}

/**
 * Write a whole site so that it replaces `outPath` only when it is complete:
 * everything goes into a sibling staging folder, which is then renamed into
 * place. A failure or a kill part-way leaves the previous site as it was; a
 * later build removes the staging folders of interrupted ones, and puts back
 * a previous site that a kill between the two final renames left aside.
 */
export async function writeSiteAtomically(outPath: string, entries: Iterable<SiteEntry>, options: AtomicWriteOptions = {}): Promise<AtomicWriteResult> {
  const target = resolve(outPath)
  await removeLeftovers(target)
  const previous = await readManifest(existsSync(target) ? options.manifest : undefined)
  const staging = `${target}${STAGING}${process.pid}-${Date.now()}`
  try {
    const {planned, sources} = plan(target, entries, previous)
    const reused = planned.filter((p) => p.reuse).length
    if (previous.complete && reused === planned.length && planned.length === Object.keys(previous.files).length) {
      const files = Object.fromEntries(planned.map((p) => [p.entry.outPath, p.reuse!]))
      if (options.manifest) await writeManifest(options.manifest, {files, sources, complete: true})
      return {written: 0, reused, unchanged: true}
    }
    const files = writeEntries(staging, planned, target)
    const retired = `${target}${RETIRED}${process.pid}-${Date.now()}`
    if (existsSync(target)) await rename(target, retired)
    await rename(staging, target)
    rmSync(retired, {recursive: true, force: true})
    if (options.manifest) await writeManifest(options.manifest, {files, sources, complete: true})
    return {written: planned.length - reused, reused, unchanged: false}
  } catch (error) {
    await rm(staging, {recursive: true, force: true}).catch(() => undefined)
    throw new CoursebookError(WriteFailed, `Writing the site to ${target} failed: ${(error as Error).message}`, {cause: error})
  }
}

/**
 * Hash every file of the new site (a copied file by its source's stamp when
 * that is unchanged, so unchanged sources are not read) and mark those the
 * current site already holds: untouched since it was written, by the
 * manifest, or else with the same bytes.
 */
function plan(target: string, entries: Iterable<SiteEntry>, previous: SiteManifest) {
  const unique = new Map<string, SiteEntry>()
  for (const entry of entries) {
    if (unique.has(entry.outPath)) continue
    const path = join(target, entry.outPath)
    if (!path.startsWith(target)) throw new Error(`refusing to write outside the site: ${entry.outPath}`)
    unique.set(entry.outPath, entry)
  }
  const sources: Record<string, FileStamp> = {}
  const planned = [...unique.values()].map((entry): PlannedEntry => {
    let hash: string
    let bytes: Buffer | undefined
    /** The new file's size in bytes. */
    let size: number | undefined
    if (entry.copyFrom) {
      const stamp = statStamp(entry.copyFrom)
      const known = previous.sources[entry.copyFrom]
      if (known && sameStamp(known, stamp)) hash = known.hash
      else {
        bytes = readFileSync(entry.copyFrom)
        hash = contentHash(bytes)
      }
      if (stamp) sources[entry.copyFrom] = {hash, ...stamp}
      size = stamp?.size
    } else {
      const data = entry.data ?? ''
      hash = contentHash(data)
      size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
    }
    const current = join(target, entry.outPath)
    const onDisk = statStamp(current)
    const old = previous.files[entry.outPath]
    let reuse: FileStamp | undefined
    if (old && old.hash === hash && sameStamp(old, onDisk)) reuse = old
    // Where the manifest cannot vouch for the file (a build without its cache, or after the cache was cleared),
    // one of the right size is read and compared by digest. A new file costs far more than reading an old one:
    // on the benchmark machine's ext4, creating a file soon after others were deleted took up to 0.9 ms (the
    // inode allocator steps over recently freed inodes), reading one about 30 µs.
    else if (onDisk && onDisk.size === size && contentHash(readFileSync(current)) === hash) reuse = {hash, ...onDisk}
    return {entry, hash, reuse, bytes}
  })
  return {planned, sources}
}

/**
 * Write the planned files into `root`, hard-linking the unchanged ones from
 * `current`; returns the new manifest's file stamps. Synchronously: measured
 * on a 400-file site, awaited writes (16 at a time) took two to three times
 * as long as these, and nothing else runs meanwhile.
 */
function writeEntries(root: string, planned: PlannedEntry[], current: string): Record<string, FileStamp> {
  const made = new Set<string>()
  const files: Record<string, FileStamp> = {}
  for (const {entry, hash, reuse, bytes} of planned) {
    const path = join(root, entry.outPath)
    const folder = dirname(path)
    if (!made.has(folder)) {
      mkdirSync(folder, {recursive: true})
      made.add(folder)
    }
    if (reuse && linkOrCopy(join(current, entry.outPath), path)) {
      files[entry.outPath] = reuse
      continue
    }
    if (bytes) writeFileSync(path, bytes)
    else if (entry.copyFrom) copyFileSync(entry.copyFrom, path)
    else writeFileSync(path, entry.data ?? '')
    const info = statSync(path)
    files[entry.outPath] = {hash, size: info.size, mtimeMs: info.mtimeMs}
  }
  return files
}

/** Hard-link a file of the current site into the new one (same bytes, no copy); false when the file system refuses. */
function linkOrCopy(from: string, to: string): boolean {
  try {
    linkSync(from, to)
    return true
  } catch {
    return false
  }
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
