import type {Course, Unit} from '../../pipeline/types.js'
import type {OuxmlLink, SourcePos} from './types.js'
import type {Resolution} from './fragment.js'
import {childId, sessionId} from './ids.js'

/** The content-relative path of the course home page's source. */
const COURSE_HOME = 'index.md'

/** Where a page's session is: its id, and the document (name and Item id) it is exported in. */
export interface SessionTarget {
  session: string
  doc: string
  itemId: string
  /** How the target is named in messages: its source path. */
  label: string
}

/** What resolving cross-references needs: every page's session, and the ids of the documents built in this run. */
export interface XrefIndex {
  /** By content-relative source path; a unit is also found as `<dir>` and `<dir>/index.md`. */
  bySource: Map<string, SessionTarget>
  /** By the absolute path of the page file, for `#place` links on the same page. */
  byFile: Map<string, SessionTarget>
  /** Every id of each document written in this run, by document name. */
  ids: Map<string, Set<string>>
}

/**
 * Index the sessions of the whole course, including units not exported in
 * this run: ids come from paths, so a link to another unit's page can name
 * it (`olink`) without converting that page.
 */
export function indexSessions(course: Course, docOf: (unit: Unit) => {name: string; itemId: string}): XrefIndex {
  const bySource = new Map<string, SessionTarget>()
  const byFile = new Map<string, SessionTarget>()
  for (const unit of course.units) {
    const doc = docOf(unit)
    const target = (outPath: string, label: string): SessionTarget => ({session: sessionId(outPath), doc: doc.name, itemId: doc.itemId, label})
    for (const page of unit.pages) {
      const t = target(page.outPath, page.relPath)
      bySource.set(page.relPath, t)
      byFile.set(page.path, t)
    }
    const first = unit.pages[0]
    const unitTarget = unit.intro ? target(`${unit.slug}/index.html`, `${unit.dir}/index.md`) : first ? target(first.outPath, unit.dir) : undefined
    if (unitTarget) {
      bySource.set(unit.dir, unitTarget)
      bySource.set(`${unit.dir}/index.md`, unitTarget)
      if (unit.intro) byFile.set(unit.intro.path, unitTarget)
    }
  }
  return {bySource, byFile, ids: new Map()}
}

/**
 * What a cross-reference becomes: `CrossRef idref` when the target is in
 * the same document, `olink targetdoc targetptr` when it is in another,
 * undefined (its text alone) when it is not exported or is the course home
 * page. A `#fragment` that names no section falls back to the page's
 * session. `file` is the page the link is on; problems go to `report`.
 */
export function resolveLink(index: XrefIndex, link: OuxmlLink, file: string, doc: string, report: (message: string, pos: SourcePos | undefined) => void): Resolution {
  const target = link.source === undefined ? index.byFile.get(file) : index.bySource.get(link.source)
  const named = link.source ?? `#${link.hash ?? ''}`
  // The course home page has no place in a VLE document (the VLE site is its home): its links keep their text.
  if (link.source === COURSE_HOME) return undefined
  if (!target) {
    report(`The link to ${named} has no target in the OU-XML export; its text is kept`, link.pos)
    return undefined
  }
  const ids = index.ids.get(target.doc)
  if (ids && !ids.has(target.session)) {
    report(`The link to ${named} points to a page that is not in the OU-XML export; its text is kept`, link.pos)
    return undefined
  }
  let id = link.hash ? childId(target.session, link.hash) : target.session
  // Jupyter's own anchors keep case and punctuation (`#NumPy-and-Matplotlib`); the section ids are slugs.
  if (ids && !ids.has(id) && link.hash) id = similarId(ids, target.session, link.hash) ?? id
  if (ids && !ids.has(id)) {
    report(`The link to ${named} names no heading of ${target.label} in the OU-XML export; it points to the page instead`, link.pos)
    id = target.session
  }
  return target.doc === doc ? {name: 'CrossRef', attributes: {idref: id}} : {name: 'olink', attributes: {targetdoc: target.itemId, targetptr: id}}
}

/** A section id of the session whose slug matches `hash` once case and punctuation are ignored. */
function similarId(ids: ReadonlySet<string>, session: string, hash: string): string | undefined {
  const loose = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, '')
  const wanted = loose(hash)
  const prefix = `${session}_`
  for (const id of ids) if (id.startsWith(prefix) && loose(id.slice(prefix.length)) === wanted) return id
  return undefined
}
