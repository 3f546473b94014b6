import type {NumberingConfig, ResolvedConfig} from '../config/schema.js'
import type {Diagnostic} from '../diagnostics/report.js'
import {rules, type RuleId} from '../diagnostics/rule-ids.js'
import type {Course, PageReference, PageResult, PageTarget} from './types.js'
import {groupByUnit, numberTargets} from './number-targets.js'

/** Where the course glossary is written, relative to the site root. */
export const GLOSSARY_PAGE = 'glossary.html'

/** A page as the link step sees it: where it is, what it is called, and its unit's number (none for the course home). */
export interface XrefPage {
  relPath: string
  outPath: string
  title: string
  unit?: number
  result: PageResult
}

/** A target with its page and, when it is numbered, its number in its unit (`2.3`). */
export interface XrefTarget extends PageTarget {
  page: XrefPage
  number?: string
}

/** A term of the course glossary, with the page that defines it. */
export interface GlossaryTerm {
  term: string
  id: string
  html: string
  text: string
  page: XrefPage
}

/** Everything the link step knows: every page, target and glossary term of the course. */
export interface CrossReferences {
  /** By content-relative source path; unit introductions as `<unit dir>/index.md`, the course home as `index.md`. */
  pages: Map<string, XrefPage>
  /** By label, in reading order. */
  targets: Map<string, XrefTarget[]>
  /** The course glossary in alphabetical order. */
  glossary: GlossaryTerm[]
  /** By the term in lower case with its spaces collapsed. */
  terms: Map<string, GlossaryTerm>
  format: NumberingConfig['format']
}

export interface LinkInput {
  config: Pick<ResolvedConfig, 'title' | 'language' | 'numbering'>
  course: Course
  /** Rendered pages by content-relative source path. */
  results: ReadonlyMap<string, PageResult>
  /** Rendered unit introductions, by unit slug. */
  intros: ReadonlyMap<string, PageResult>
  /** The rendered course home introduction (`content/index.md`). */
  courseIntro?: PageResult
}

/**
 * The cross-file half of numbering: number every target per unit (the unit's
 * position in the course, then a counter per kind across the unit's pages in
 * reading order, its introduction first; sections as `2.1.3`), index labels,
 * pages and glossary terms, and report each reference to something the
 * course does not have (`xref-unknown`, at the reference) and each label or
 * term defined twice (`label-duplicate`). Pure: reads the results, never
 * changes them, so cached pages stay as they were.
 */
export function linkCrossReferences(input: LinkInput): {references: CrossReferences; diagnostics: Diagnostic[]} {
  const pages = orderedPages(input)
  const references: CrossReferences = {pages: new Map(), targets: new Map(), glossary: [], terms: new Map(), format: input.config.numbering.format}
  const diagnostics: Diagnostic[] = []
  for (const page of pages) references.pages.set(page.relPath, page)
  for (const group of groupByUnit(pages)) numberTargets(group, references)
  for (const [label, found] of references.targets) {
    const [first, ...others] = distinctExplicit(found)
    for (const duplicate of others) {
      const message = `The label "${label}" is used twice: here and on ${first!.page.relPath}; a reference goes to the one on its own page, else to the first`
      diagnostics.push(diagnostic('label-duplicate', message, duplicate.page, duplicate))
    }
  }
  collectGlossary(pages, references, diagnostics, input.config.language)
  for (const page of pages) {
    for (const reference of page.result.references ?? []) {
      if (!resolveReference(references, reference.kind, reference.target, page.relPath)) diagnostics.push(unknown(reference, page))
    }
  }
  return {references, diagnostics}
}

/** The targets an author labelled (not heading ids), each once: an equation labelled twice the same way is one target. */
function distinctExplicit(found: readonly XrefTarget[]): XrefTarget[] {
  const seen = new Set<string>()
  return found.filter((t) => {
    const key = `${t.page.relPath}#${t.kind}#${t.id}`
    if (t.implicit || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * What a reference leads to: a site-root-relative path, the id on that page
 * (if any), the text it shows when the author gave none, and the page when
 * it is one of the course's (a glossary term's is the glossary page).
 */
export interface ResolvedReference {
  path: string
  id?: string
  text: string
  page?: XrefPage
}

/** Resolve a reference made on page `from` (a content-relative source path); undefined when the course has no such target. */
export function resolveReference(refs: CrossReferences, kind: string, target: string, from: string): ResolvedReference | undefined {
  if (kind === 'doc') {
    const page = findPage(refs, target)
    return page && {path: page.outPath, text: page.title, page}
  }
  if (kind === 'term') {
    const term = refs.terms.get(normaliseTerm(target))
    return term && {path: GLOSSARY_PAGE, id: term.id, text: target}
  }
  const found = findTarget(refs, target, from)
  if (!found) return undefined
  return {path: found.page.outPath, id: found.id || undefined, text: referenceText(refs, kind, found), page: found.page}
}

/** The number of the target labelled `label` (from page `from`), or its title when it has none. */
export function targetNumber(refs: CrossReferences, label: string, from: string): string | undefined {
  const found = findTarget(refs, label, from)
  return found && (found.number ?? found.title)
}

/** The target a label names: the one on the same page first, else the first explicit one, else the first. */
export function findTarget(refs: CrossReferences, label: string, from: string): XrefTarget | undefined {
  const found = refs.targets.get(label)
  if (!found) return undefined
  return found.find((t) => t.page.relPath === from) ?? found.find((t) => !t.implicit) ?? found[0]
}

function referenceText(refs: CrossReferences, kind: string, target: XrefTarget): string {
  const format = target.kind === 'activity' ? undefined : refs.format[target.kind]
  const numbered = target.number !== undefined && format !== undefined
  if (kind === 'numref' && numbered) return format.replaceAll('%s', target.number!)
  if (kind === 'eq' && target.number !== undefined) return refs.format.equation.replaceAll('%s', target.number)
  if (target.title) return target.title
  return numbered ? format.replaceAll('%s', target.number!) : target.label
}

function findPage(refs: CrossReferences, path: string): XrefPage | undefined {
  const bare = path.replace(/\/$/, '')
  for (const candidate of [bare, `${bare}.md`, `${bare}.ipynb`, `${bare}/index.md`]) {
    const page = refs.pages.get(candidate)
    if (page) return page
  }
  return undefined
}

/** A glossary term as it is looked up: lower case, spaces collapsed. */
export function normaliseTerm(term: string): string {
  return term.trim().replace(/\s+/g, ' ').toLowerCase()
}

function orderedPages(input: LinkInput): XrefPage[] {
  const pages: XrefPage[] = []
  if (input.courseIntro) pages.push({relPath: 'index.md', outPath: 'index.html', title: input.config.title, result: input.courseIntro})
  input.course.units.forEach((unit, i) => {
    const intro = input.intros.get(unit.slug)
    if (intro) pages.push({relPath: `${unit.dir}/index.md`, outPath: `${unit.slug}/index.html`, title: unit.title, unit: i + 1, result: intro})
    for (const source of unit.pages) {
      const result = input.results.get(source.relPath)
      if (result) pages.push({relPath: source.relPath, outPath: source.outPath, title: result.title, unit: i + 1, result})
    }
  })
  return pages
}

function collectGlossary(pages: XrefPage[], refs: CrossReferences, diagnostics: Diagnostic[], language: string): void {
  for (const page of pages) {
    for (const entry of page.result.glossary ?? []) {
      const key = normaliseTerm(entry.term)
      const first = refs.terms.get(key)
      if (first) {
        diagnostics.push(diagnostic('label-duplicate', `The glossary term "${entry.term}" is defined twice: here and on ${first.page.relPath}; the course glossary keeps the first`, page))
        continue
      }
      const term: GlossaryTerm = {term: entry.term, id: entry.id, html: entry.html, text: entry.text ?? '', page}
      refs.terms.set(key, term)
      refs.glossary.push(term)
    }
  }
  const collator = new Intl.Collator(safeLanguage(language), {sensitivity: 'base', numeric: true})
  refs.glossary.sort((a, b) => collator.compare(a.term, b.term))
}

function safeLanguage(language: string): string {
  try {
    return Intl.Collator.supportedLocalesOf([language]).length > 0 ? language : 'en'
  } catch {
    return 'en'
  }
}

function unknown(reference: PageReference, page: XrefPage): Diagnostic {
  const role = `{${reference.kind}}`
  const message =
    reference.kind === 'doc'
      ? `${role} "${reference.target}" names no page of the course; it is shown as text`
      : reference.kind === 'term'
        ? `${role} "${reference.target}" is not a term of the course glossary; it is shown as text`
        : `${role} "${reference.target}" names no label in the course (no figure, table, equation, section or activity has it); it is shown as text`
  return diagnostic('xref-unknown', message, page, reference)
}

function diagnostic(ruleId: RuleId, message: string, page: XrefPage, at?: {line?: number; column?: number; cell?: number}): Diagnostic {
  const rule = rules[ruleId]
  return {severity: rule.severity, ruleId, message, hint: rule.hint, file: page.result.source.path, cell: at?.cell, line: at?.line, column: at?.column}
}
