import {mkdir, rename, rm, writeFile, copyFile, readFile} from 'node:fs/promises'
import {statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import type {SiteEntry} from './site.js'
import {contentHash} from '../cache/digest.js'
import {statStamp, writeManifest, type FileStamp} from './manifest.js'

/** A copied file, known by its source's identity, size and modification time rather than its bytes. */
interface CopyStamp {
  copyFrom: string
  size: number
  mtimeMs: number
}

/**
 * What was last written where: outPath → the content itself (text or bytes),
 * or a stamp of the file it was copied from. Kept by a `dev` session between
 * builds; comparing contents directly is cheaper than hashing them.
 */
export type WriteState = Map<string, string | Uint8Array | CopyStamp>

/**
 * Bring the site folder up to date by writing only the files whose content
 * changed since the last call with the same `state`, and removing files that
 * are no longer part of the site. Each file is replaced atomically (written
 * beside itself, then renamed), so a server reading the folder never sees half
 * a file. Returns the site paths written. With `{partial: true}` the entries
 * are only part of the site (more follow in a later call): nothing is
 * removed, and what is known of the other files is kept.
 */
export async function writeChangedFiles(outPath: string, entries: Iterable<SiteEntry>, state: WriteState, options: {partial?: boolean} = {}): Promise<string[]> {
  const root = resolve(outPath)
  const next: WriteState = new Map()
  const written: string[] = []
  for (const entry of entries) {
    if (next.has(entry.outPath)) continue
    const content = contentOf(entry)
    next.set(entry.outPath, content)
    if (same(state.get(entry.outPath), content)) continue
    const path = join(root, entry.outPath)
    if (!path.startsWith(root)) throw new Error(`refusing to write outside the site: ${entry.outPath}`)
    await mkdir(dirname(path), {recursive: true})
    const temporary = `${path}.${process.pid}.tmp`
    if (entry.copyFrom) await copyFile(entry.copyFrom, temporary)
    else await writeFile(temporary, entry.data ?? '')
    await rename(temporary, path)
    written.push(entry.outPath)
  }
  if (!options.partial) {
    for (const old of state.keys()) if (!next.has(old)) await rm(join(root, old), {force: true})
    state.clear()
  }
  for (const [path, content] of next) state.set(path, content)
  return written
}

type Content = string | Uint8Array | CopyStamp

function contentOf(entry: SiteEntry): Content {
  return entry.copyFrom ? copyStamp(entry.copyFrom) : (entry.data ?? '')
}

/**
 * Make `state` say that the site folder holds exactly `entries`, as after a
 * whole site was written atomically (a `dev` session's first build), so that
 * later calls write only what changes.
 */
export function rememberWrittenFiles(state: WriteState, entries: Iterable<SiteEntry>): void {
  state.clear()
  for (const entry of entries) if (!state.has(entry.outPath)) state.set(entry.outPath, contentOf(entry))
}

function isCopy(content: Content | undefined): content is CopyStamp {
  return typeof content === 'object' && content !== null && !(content instanceof Uint8Array)
}

function same(previous: Content | undefined, content: Content): boolean {
  if (previous === content) return true
  if (previous instanceof Uint8Array && content instanceof Uint8Array) return Buffer.from(previous.buffer, previous.byteOffset, previous.byteLength).equals(content)
  if (isCopy(previous) && isCopy(content)) return previous.copyFrom === content.copyFrom && previous.size === content.size && previous.mtimeMs === content.mtimeMs
  return false
}

/**
 * Copies are compared by their source file's identity, size and time, not by reading them. Synchronously:
 * a site has a few hundred of them, and one awaited stat each cost a dev rebuild about 10 ms.
 */
function copyStamp(path: string): CopyStamp {
  const info = statSync(path)
  return {copyFrom: path, size: info.size, mtimeMs: info.mtimeMs}
}

/**
 * Record what a `dev` session left in the site folder as the site manifest
 * (see `manifest.ts`), so that the next `coursebook build` carries the
 * unchanged files over instead of writing the whole site again. `complete`
 * when the folder holds nothing else: the session began by writing the whole
 * site atomically, and since then every file it wrote or removed went through
 * `state`. Otherwise the folder may also hold files of older builds, and the
 * next build rewrites it (carrying over what it can).
 */
export async function recordWrittenFiles(outPath: string, state: WriteState, manifestPath: string, options: {complete?: boolean} = {}): Promise<void> {
  const root = resolve(outPath)
  const files: Record<string, FileStamp> = {}
  const sources: Record<string, FileStamp> = {}
  for (const [path, content] of state) {
    const stamp = statStamp(join(root, path))
    if (!stamp) continue
    let hash: string
    if (isCopy(content)) {
      const bytes = await readFile(content.copyFrom).catch(() => undefined)
      if (!bytes) continue
      hash = contentHash(bytes)
      sources[content.copyFrom] = {hash, size: content.size, mtimeMs: content.mtimeMs}
    } else {
      hash = contentHash(content)
    }
    files[path] = {hash, ...stamp}
  }
  await writeManifest(manifestPath, {files, sources, complete: options.complete === true})
}
