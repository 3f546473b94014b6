import type {ResolvedConfig} from '../config/schema.js'
import type {Diagnostic} from '../diagnostics/report.js'
import type {Course, PageResult} from './types.js'
import {GLOSSARY_PAGE, linkCrossReferences, type CrossReferences} from './cross-references.js'
import {resolveHtml} from './resolve-tokens.js'
import {raw} from '../render/layout/html.js'
import type {GlossaryLayoutData} from '../render/layout/types.js'

/** The rendered introductions as the build holds them: bodies by unit slug, the course home's, and the results (`''` is the course home). */
export interface IntroBodies {
  course?: string
  units: Map<string, string>
  results: ReadonlyMap<string, PageResult>
}

/**
 * The link step for numbers, cross-references and the glossary, as the build
 * runs it once every page is rendered: index the course (see
 * `linkCrossReferences`), report what does not resolve, and replace the
 * tokens in every page body and introduction. `results` and `intros` are the
 * build's own maps: their entries are replaced by copies, so the outcomes a
 * cache or a `dev` session keeps are never changed. Returns the index, for
 * the OU-XML export and the glossary page.
 */
export function linkCourseReferences(
  config: ResolvedConfig,
  course: Course,
  results: Map<string, PageResult>,
  intros: IntroBodies,
  report: (diagnostic: Diagnostic) => void,
): CrossReferences {
  const {references, diagnostics} = linkCrossReferences({config, course, results, intros: intros.results, courseIntro: intros.results.get('')})
  for (const d of diagnostics) report(d)
  for (const [relPath, result] of results) {
    const body = resolveHtml(references, result.body, result.source)
    if (body !== result.body) results.set(relPath, {...result, body})
  }
  if (intros.course) intros.course = resolveHtml(references, intros.course, {relPath: 'index.md', outPath: 'index.html'})
  for (const unit of course.units) {
    const body = intros.units.get(unit.slug)
    if (body) intros.units.set(unit.slug, resolveHtml(references, body, {relPath: `${unit.dir}/index.md`, outPath: `${unit.slug}/index.html`}))
  }
  return references
}

/**
 * The course glossary for the glossary page: each definition with its tokens
 * resolved as written on that page (labels first looked up on the page that
 * defines the term), and a link back to where it is defined.
 */
export function glossaryTerms(references: CrossReferences): GlossaryLayoutData['terms'] {
  return references.glossary.map((t) => ({
    term: t.term,
    id: t.id,
    definition: raw(resolveHtml(references, t.html, {relPath: t.page.relPath, outPath: GLOSSARY_PAGE})),
    definedIn: {title: t.page.title, href: `${t.page.outPath}#${t.id}`},
  }))
}
