import {join} from 'node:path'
import type {PageResult, Unit} from './types.js'
import type {Diagnostic} from '../diagnostics/report.js'
import {relativeUrl} from './urls.js'
import {describeRelease} from '../load/release.js'
import {escapeHtml} from '../render/layout/html.js'

/** A page (or unit overview) that a student build holds back: where it would be, and when it is released. */
interface HeldTarget {
  outPath: string
  release: Date
  /** Content-relative source path, for messages. */
  label: string
}

/** Held-back pages by the absolute path a link to them names (a page file, a unit folder or its `index.md`). */
export type HeldTargets = ReadonlyMap<string, HeldTarget>

/** Index the pages of the held-back units by every path a link to them can name. */
export function heldTargets(held: readonly Unit[], contentPath: string): HeldTargets {
  const targets = new Map<string, HeldTarget>()
  for (const unit of held) {
    const release = unit.release!
    for (const page of unit.pages) targets.set(page.path, {outPath: page.outPath, release, label: page.relPath})
    const overview = {outPath: `${unit.slug}/index.html`, release, label: unit.dir}
    targets.set(join(contentPath, unit.dir), overview)
    targets.set(join(contentPath, unit.dir, 'index.md'), overview)
  }
  return targets
}

/**
 * Links from a published page to a held-back one would lead nowhere in this
 * build, so each becomes its text in a `<span class="link-unreleased">`
 * naming the release date (a reader learns when it comes; nothing 404s), with
 * a `link-to-unreleased` note per target. Done on the rendered body at build
 * time and returned as a new string: the page's rendering, cached and reused
 * by `coursebook dev`, keeps the link, which works once the unit is released.
 */
export function unlinkHeldBack(page: PageResult, held: HeldTargets, report: (d: Diagnostic) => void): string {
  if (held.size === 0) return page.body
  let body = page.body
  const seen = new Set<string>()
  for (const dependency of page.dependencies) {
    const target = held.get(dependency)
    if (!target || seen.has(target.outPath)) continue
    seen.add(target.outPath)
    const href = escapeRegExp(relativeUrl(page.source.outPath, target.outPath))
    const anchor = new RegExp(`<a\\b[^>]*?\\shref="${href}(?:#[^"]*)?"[^>]*>([\\s\\S]*?)</a>`, 'g')
    const when = describeRelease(target.release)
    let count = 0
    body = body.replace(anchor, (_, text: string) => {
      count++
      return `<span class="link-unreleased" title="${escapeHtml(`Available from ${when}`)}">${text}</span>`
    })
    if (count === 0) continue
    report({
      severity: 'info',
      ruleId: 'link-to-unreleased',
      message: `The link${count > 1 ? `s (${count})` : ''} to ${target.label} ${count > 1 ? 'are' : 'is'} shown as text: it is released on ${when}`,
      file: page.source.path,
    })
  }
  return body
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
