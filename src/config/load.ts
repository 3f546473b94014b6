import {readFile} from 'node:fs/promises'
import {existsSync, statSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {createJiti} from 'jiti'
import {packageEntry} from '../package-info.js'
import * as z from 'zod'
import {configSchema, type ResolvedConfig, type UserConfig} from './schema.js'
import type {ConfigEnv, UserConfigExport} from './define.js'
import {locateInStack, locateKey} from './locate.js'
import {CoursebookError, ConfigInvalid, ConfigLoadFailed, ConfigNotFound} from '../diagnostics/errors.js'
import type {Diagnostic} from '../diagnostics/report.js'
import {BOOK_FILE_NAMES, isBookFile, readBookConfig, shadowedBookNotes} from '../load/jupyter-book/config.js'

export const CONFIG_FILE_NAMES = ['site.config.ts', 'site.config.mts', 'site.config.js', 'site.config.mjs']

export interface LoadedConfig {
  config: ResolvedConfig
  /** The config file and the local files it imports: a change to any means a full rebuild. */
  dependencies: string[]
  /** Notes about how the config was read (a Jupyter Book's settings that were made up or not used). */
  diagnostics?: Diagnostic[]
}

/** Find the config file in `cwd` (site.config.ts first, else a Jupyter Book's `_config.yml` or `_toc.yml`), or fail with a named error. */
export function findConfigFile(cwd: string): string {
  for (const name of [...CONFIG_FILE_NAMES, ...BOOK_FILE_NAMES]) {
    const candidate = resolve(cwd, name)
    if (existsSync(candidate)) return candidate
  }
  throw new CoursebookError(ConfigNotFound, `No ${CONFIG_FILE_NAMES[0]} (nor a Jupyter Book _config.yml or _toc.yml) in ${cwd}`)
}

/** The config file a command-line path names: the path itself, or for a folder the config found in it. */
export function locateConfig(path: string): string {
  const resolved = resolve(path)
  return existsSync(resolved) && statSync(resolved).isDirectory() ? findConfigFile(resolved) : resolved
}

/**
 * Import a config file with jiti (Node 20 cannot import TypeScript), call it if
 * it exports a function, validate it, and resolve its paths. Throws a
 * `CoursebookError` naming the file, line and key on any failure.
 */
export async function loadConfig(configPath: string, env: ConfigEnv = {command: 'build'}): Promise<LoadedConfig> {
  const path = resolve(configPath)
  if (!existsSync(path)) throw new CoursebookError(ConfigNotFound, `Config file ${path} does not exist`, {file: path})
  if (statSync(path).isDirectory()) return loadConfig(findConfigFile(path), env)
  if (isBookFile(path)) return loadBookConfig(path)
  const jiti = createJiti(import.meta.url, {moduleCache: false, alias: {coursebook: packageEntry}})
  let exported: UserConfigExport
  try {
    exported = await jiti.import<UserConfigExport>(path, {default: true})
    if (typeof exported === 'function') exported = await exported(env)
  } catch (error) {
    const where = locateInStack(error, path)
    const reason = error instanceof Error ? error.message : String(error)
    throw new CoursebookError(ConfigLoadFailed, `Loading ${path} threw: ${reason}`, {file: path, ...where, cause: error})
  }
  const source = await readFile(path, 'utf8')
  const config = resolveConfig(validateConfig(exported, {file: path, source}), dirname(path), path)
  const toc = config.toc ? [resolve(config.root, config.toc.file)] : []
  return {config, dependencies: [path, ...localImports(source, path), ...toc], diagnostics: shadowedBookNotes(path, config.toc?.file)}
}

/** A Jupyter Book folder, given by its `_config.yml` or its toc, as a coursebook config. */
function loadBookConfig(path: string): LoadedConfig {
  const book = readBookConfig(path)
  const config = validateConfig(book.config, {file: book.configPath})
  return {config: resolveConfig(config, book.root, book.configPath), dependencies: book.dependencies, diagnostics: book.notes}
}

/** Validate a raw config object; `origin` lets errors point into the file. */
export function validateConfig(raw: unknown, origin: {file?: string; source?: string} = {}) {
  const parsed = configSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const keyPath = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path
  const dotted = keyPath.map(String).join('.') || '(root)'
  const what =
    issue.code === 'unrecognized_keys'
      ? `Unknown key \`${dotted}\`${suggest(issue.keys[0]!, issue.path)}`
      : `\`${dotted}\`: ${issue.message}`
  const where = origin.source ? locateKey(origin.source, keyPath) : undefined
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem${parsed.error.issues.length > 2 ? 's' : ''})` : ''
  throw new CoursebookError(ConfigInvalid, `${what}${more}`, {file: origin.file, ...where})
}

function suggest(key: string, parentPath: ReadonlyArray<PropertyKey>): string {
  let shape: z.ZodType = configSchema
  for (const segment of parentPath) {
    const def = (shape as unknown as {shape?: Record<string, z.ZodType>}).shape
    const next = def?.[String(segment)]
    if (!next) return ''
    shape = unwrap(next)
  }
  const known = Object.keys((shape as unknown as {shape?: Record<string, unknown>}).shape ?? {})
  const ranked = known.map((k) => ({k, d: distance(k.toLowerCase(), key.toLowerCase())})).sort((a, b) => a.d - b.d)
  const close = ranked[0] && ranked[0].d <= 2 ? ranked[0].k : undefined
  return close ? `; did you mean \`${close}\`?` : known.length ? `; expected one of ${known.join(', ')}` : ''
}

function unwrap(type: z.ZodType): z.ZodType {
  let current = type as unknown as {def: {innerType?: z.ZodType; options?: z.ZodType[]}}
  while (current.def.innerType) current = current.def.innerType as unknown as typeof current
  const objectOption = current.def.options?.find((o) => 'shape' in (o as object))
  return (objectOption ?? current) as unknown as z.ZodType
}

function distance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

/** Make the paths of a validated config absolute and freeze it. */
export function resolveConfig(config: z.output<typeof configSchema>, root: string, configPath?: string): ResolvedConfig {
  return deepFreeze({
    ...config,
    root,
    configPath,
    contentPath: resolve(root, config.contentDir),
    outPath: resolve(root, config.outDir),
  })
}

/** Resolve a config given as an object (for the API and tests). */
export function configFromObject(raw: UserConfig, root: string): ResolvedConfig {
  return resolveConfig(validateConfig(raw), root)
}

function localImports(source: string, from: string): string[] {
  const found: string[] = []
  for (const match of source.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(resolve(dirname(from), match[1]!))
  return found
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
