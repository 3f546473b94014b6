import type {CrossReferences, XrefPage, XrefTarget} from './cross-references.js'

/** The pages of each unit (and the course home's own group), in reading order. */
export function groupByUnit(pages: XrefPage[]): XrefPage[][] {
  const groups = new Map<number | undefined, XrefPage[]>()
  for (const page of pages) {
    const group = groups.get(page.unit)
    if (group) group.push(page)
    else groups.set(page.unit, [page])
  }
  return [...groups.values()]
}

/**
 * Number one unit's targets (or the course home's) in reading order, and
 * index them by label: `<unit>.<n>` with a counter per kind across the
 * unit's pages (`<n>` alone on the course home), sections `<unit>.<n>.<m>`
 * by depth, and every label of one equation its number.
 */
export function numberTargets(pages: XrefPage[], refs: CrossReferences): void {
  const counters = new Map<string, number>()
  const sections: number[] = []
  const prefix = (n: number | string) => (pages[0]!.unit === undefined ? String(n) : `${pages[0]!.unit}.${n}`)
  for (const page of pages) {
    const equations = new Map<string, string>()
    for (const target of page.result.targets ?? []) {
      const indexed: XrefTarget = {...target, page}
      if (target.numbered && target.kind === 'section') {
        const level = Math.max(0, (target.depth ?? 2) - 2)
        sections.length = level + 1
        for (let i = 0; i < level; i++) sections[i] ??= 0
        sections[level] = (sections[level] ?? 0) + 1
        indexed.number = prefix(sections.join('.'))
      } else if (target.numbered) {
        // Every label of one equation shares its number.
        const same = target.kind === 'equation' ? equations.get(target.id) : undefined
        if (same) indexed.number = same
        else {
          const n = (counters.get(target.kind) ?? 0) + 1
          counters.set(target.kind, n)
          indexed.number = prefix(n)
          if (target.kind === 'equation') equations.set(target.id, indexed.number)
        }
      }
      const listed = refs.targets.get(target.label)
      if (listed) listed.push(indexed)
      else refs.targets.set(target.label, [indexed])
    }
  }
}
