import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import type {Asset, Course, PageResult, Unit} from '../../pipeline/types.js'
import type {ResolvedConfig} from '../../config/schema.js'
import type {Diagnostic, Log} from '../../diagnostics/report.js'
import {rules} from '../../diagnostics/rule-ids.js'
import {CoursebookError, OuxmlSchemaMissing, OuxmlUnitUnknown} from '../../diagnostics/errors.js'
import type {OuxmlLink, SourcePos} from './types.js'
import {glossaryBackMatter} from './glossary.js'
import type {CrossReferences} from '../../pipeline/cross-references.js'
import {resolveOuxml} from '../../pipeline/resolve-tokens.js'
import {buildDocuments, documentItemId, type OuxmlDocument, type UnitSource} from './frame.js'
import {indexSessions, resolveLink} from './xref.js'
import {writeXml, type LineEntry} from './serialize.js'
import {spliceDocument} from './fragment.js'
import {htmlPackage, zipFiles} from './zip.js'
import {memoZip} from './zip-memo.js'
import type {CacheStore} from '../../cache/store.js'
import {loadSchema, validateDocuments} from './validate.js'
import {idPart} from './ids.js'

/** How an export run is asked for, beyond the config (the command line's `--unit`, `--validate`, `--schema`). */
export interface OuxmlExportOptions {
  /** Export only these units, by folder name or slug. */
  units?: readonly string[]
  /** Validate every document against the schema (`schema`, else `ouxml.schema`); also on whenever `ouxml.schema` is set. */
  validate?: boolean
  /** A schema path (absolute, or relative to the working folder) that overrides `ouxml.schema`. */
  schema?: string
}

export interface OuxmlExportInput extends OuxmlExportOptions {
  config: ResolvedConfig
  course: Course
  /** Rendered pages by content-relative source path. */
  results: ReadonlyMap<string, PageResult>
  /** Rendered unit introductions (`index.md` of a unit folder), by unit slug. */
  intros: ReadonlyMap<string, PageResult>
  log: Log
  /** Where the zips of unchanged documents are kept between builds (the build cache); none without. */
  cache?: CacheStore
  /** The course's targets and glossary, from the link step: cross-references are resolved and the glossary written from them. */
  references?: CrossReferences
}

export interface OuxmlExportResult {
  /** Files to write, with paths relative to the export folder (`dist/ouxml/`). */
  entries: Asset[]
  documents: Array<{name: string; itemId: string; title: string; sessions: number}>
  /** Set when the documents were validated: the schema and the number of schema errors. */
  validation?: {schema: string; errors: number}
}

/**
 * The OU-XML export of a built course: the documents (`<name>.xml`), the
 * media they refer to (at their site paths, which the documents' `src`
 * attributes name), and per document a `<name>.zip` holding both. Cross-
 * references are resolved here, when every page's place is known. With a
 * schema, every document is validated in one xmllint-wasm run and each
 * error is reported against the page, cell and line it came from.
 */
export async function exportOuxml(input: OuxmlExportInput): Promise<OuxmlExportResult> {
  const {config, course, log} = input
  const units = selectUnits(course.units, input.units)
  const documents = buildDocuments(config, units.map((unit) => unitSource(course, unit, input)), glossaryBackMatter(input.references?.glossary ?? []))
  const index = indexSessions(course, (unit) => ({name: config.ouxml.itemPer === 'course' ? documents[0]?.name ?? '' : unit.slug, itemId: documentItemId(config, unit)}))
  for (const doc of documents) index.ids.set(doc.name, new Set(doc.sessions.flatMap((s) => s.result.ouxml!.ids)))

  const entries: Asset[] = []
  const written = new Map<string, {name: string; lines: LineEntry[][]; xml: string}>()
  for (const doc of documents) {
    // Cross-references to labels (already reported when unknown) become links to their target's element, or text.
    const unresolved = new Set<OuxmlLink>()
    const sessions = doc.sessions.map((s) => {
      const resolved = input.references ? resolveOuxml(input.references, s.result.ouxml!, s.result.source) : undefined
      for (const link of resolved?.unresolved ?? []) unresolved.add(link)
      return {page: resolved?.page ?? s.result.ouxml!, file: s.result.source.path, number: s.number}
    })
    const {xml, lines} = spliceDocument(writeXml([doc.root], 0), sessions, (link, session) =>
      unresolved.has(link) ? undefined : resolveLink(index, link, session.file, doc.name, (message, pos) => log.add(diagnostic('ouxml-xref-unresolved', message, session.file, pos))),
    )
    written.set(`${doc.name}.xml`, {name: doc.name, lines, xml})
    const media = mediaOf(doc)
    entries.push({outPath: `${doc.name}.xml`, data: xml}, ...media)
    const zip = await memoZip(doc.name, xml, media, async () => {
      const zipped = new Map<string, Uint8Array>([[`${doc.name}.xml`, new TextEncoder().encode(xml)]])
      for (const file of media) zipped.set(file.outPath, await bytesOf(file))
      return zipFiles(zipped)
    }, input.cache)
    entries.push({outPath: `${doc.name}.zip`, data: zip})
  }

  const result: OuxmlExportResult = {
    entries,
    documents: documents.map((d) => ({name: d.name, itemId: d.itemId, title: d.title, sessions: d.sessions.length})),
  }
  const schemaPath = input.schema ? resolve(input.schema) : config.ouxml.schema ? resolve(config.root, config.ouxml.schema) : undefined
  if (input.validate && !schemaPath) {
    throw new CoursebookError(OuxmlSchemaMissing, 'No OU-XML schema to validate against: pass --schema PATH or set `ouxml.schema` in the config')
  }
  if (schemaPath && written.size > 0) {
    const schema = await loadSchema(schemaPath)
    const errors = await validateDocuments(schema, [...written].map(([fileName, doc]) => ({fileName, contents: doc.xml})))
    for (const error of errors) {
      const doc = written.get(error.fileName)
      const source = doc && error.line ? sourceOf(doc.lines, error.line, error.message) : undefined
      const where = `${error.fileName}${error.line ? ` line ${error.line}` : ''}`
      log.add(diagnostic('ouxml-schema-error', `OU-XML schema: ${error.message} (${where})`, source?.file ?? error.fileName, source?.pos))
    }
    result.validation = {schema: schemaPath, errors: errors.length}
  }
  return result
}

/** The units to export: all, or those named by folder name or slug. */
function selectUnits(units: readonly Unit[], names: readonly string[] | undefined): Unit[] {
  if (!names || names.length === 0) return [...units]
  return names.map((name) => {
    const unit = units.find((u) => u.dir === name || u.slug === name || u.slug === idPart(name).toLowerCase())
    if (!unit) throw new CoursebookError(OuxmlUnitUnknown, `No unit "${name}"; the units are ${units.map((u) => u.dir).join(', ') || '(none)'}`)
    return unit
  })
}

function unitSource(course: Course, unit: Unit, input: OuxmlExportInput): UnitSource {
  const intro = input.intros.get(unit.slug)
  const pages = unit.pages.map((p) => input.results.get(p.relPath)).filter((r): r is PageResult => Boolean(r?.ouxml))
  return {
    unit,
    number: course.units.indexOf(unit) + 1,
    pages: [...(intro?.ouxml ? [{result: intro, intro: true}] : []), ...pages.map((result) => ({result, intro: false}))],
  }
}

/** The files a document refers to: site files its pages packaged, and files the conversion made. */
function mediaOf(doc: OuxmlDocument): Asset[] {
  const found = new Map<string, Asset>()
  for (const {result} of doc.sessions) {
    const page = result.ouxml!
    for (const path of page.media) {
      const asset = result.assets.find((a) => a.outPath === path)
      if (asset && !found.has(path)) found.set(path, {outPath: path, data: asset.data, copyFrom: asset.copyFrom})
    }
    for (const pkg of page.packages) found.set(pkg.path, {outPath: pkg.path, data: htmlPackage(pkg.html, pkg.title)})
  }
  return [...found.values()]
}

async function bytesOf(asset: Asset): Promise<Uint8Array> {
  if (asset.copyFrom) return new Uint8Array(await readFile(asset.copyFrom))
  return typeof asset.data === 'string' ? new TextEncoder().encode(asset.data) : (asset.data ?? new Uint8Array())
}

/**
 * The source of the element a schema error is about: an element of the
 * name the message gives that starts on that line, else the nearest element
 * starting on or before it.
 */
export function sourceOf(lines: readonly LineEntry[][], line: number, message: string): LineEntry | undefined {
  const name = /Element '([^']+)'/.exec(message)?.[1]
  const named = name ? lines[line - 1]?.find((e) => e.name === name && e.file) : undefined
  if (named) return named
  for (let i = line - 1; i >= 0; i--) {
    const entry = lines[i]?.findLast((e) => e.file)
    if (entry) return entry
  }
  return undefined
}

function diagnostic(ruleId: 'ouxml-xref-unresolved' | 'ouxml-schema-error', message: string, file: string | undefined, pos: SourcePos | undefined): Diagnostic {
  const rule = rules[ruleId]
  return {severity: rule.severity, ruleId, message, hint: rule.hint, file, cell: pos?.cell, line: pos?.line, column: pos?.column}
}

/**
 * The config a run uses: `ouxml.enabled` as the requested outputs say (an
 * export-only run exports even when the config turns the export off).
 */
export function withOutputs(config: ResolvedConfig, outputs: {html?: boolean; ouxml?: boolean} | undefined): ResolvedConfig {
  const wanted = outputs?.ouxml ?? (outputs?.html === false ? true : config.ouxml.enabled)
  return wanted === config.ouxml.enabled ? config : {...config, ouxml: {...config.ouxml, enabled: wanted}}
}
