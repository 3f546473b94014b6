import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {visitParents as unistVisitParents} from 'unist-util-visit-parents'
import {visit as unistVisit} from 'unist-util-visit'
import {visit, visitParents, CONTINUE, EXIT, SKIP} from '../../src/pipeline/visit.js'

/**
 * The walker in src/pipeline/visit.ts replaces unist-util-visit(-parents), in
 * coursebook's code and, in the bundle, in the libraries that import them. It
 * must do exactly what they do, so both run on the same random trees with the
 * same random visitors (which also remove nodes and jump to indexes), and the
 * calls they make and the trees they leave must be the same.
 */

type TestNode = {type: string; id: number; children?: TestNode[]}

const tree: fc.Arbitrary<TestNode> = fc
  .letrec<{node: TestNode}>((tie) => ({
    node: fc.record(
      {
        type: fc.constantFrom('a', 'b', 'c'),
        id: fc.integer({min: 0, max: 1_000_000}),
        children: fc.array(tie('node'), {maxLength: 4}),
      },
      {requiredKeys: ['type', 'id']},
    ),
  }))
  .node.map((root) => {
    // Unique ids, so the logs name each node.
    let next = 0
    const number = (node: TestNode) => {
      node.id = next++
      node.children?.forEach(number)
    }
    number(root)
    return root
  })

/** What a visitor does at its nth call, chosen by the test's random plan. */
const actions = ['nothing', 'continue', 'skip', 'exit', 'remove', 'jump-back', 'tuple-skip'] as const
type Plan = (typeof actions)[number][]

/** A visitor that follows `plan` and logs every call as `kind:id@index<parentIds`. */
function planned(plan: Plan, log: string[], kind: string) {
  let calls = 0
  return (node: TestNode, parents: TestNode[], index: number | undefined): unknown => {
    const parent = parents[parents.length - 1]
    log.push(`${kind}:${node.id}@${index}<${parents.map((p) => p.id).join('.')}`)
    // Past the plan, or after too many calls (a jump back can loop), do nothing.
    const action = calls < 200 ? plan[calls++ % plan.length] : 'nothing'
    switch (action) {
      case 'continue':
        return CONTINUE
      case 'skip':
        return SKIP
      case 'exit':
        return EXIT
      case 'remove':
        if (!parent || index === undefined) return undefined
        parent.children!.splice(index, 1)
        return index
      case 'jump-back':
        return index === undefined ? undefined : Math.max(0, index - 1)
      case 'tuple-skip':
        return [SKIP, index === undefined ? undefined : index + 1]
      default:
        return undefined
    }
  }
}

const plan: fc.Arbitrary<Plan> = fc.array(fc.constantFrom(...actions), {minLength: 1, maxLength: 12})
const check = fc.constantFrom<undefined | string | ((node: TestNode) => boolean)>(undefined, 'a', 'b', (node) => node.id % 2 === 0)

/** Run a `visitParents`-shaped function on a copy of `root`; the log of calls and the tree left. */
function run(walk: typeof unistVisitParents, root: TestNode, test: unknown, enterPlan: Plan, exitPlan: Plan | undefined, reverse: boolean) {
  const copy = structuredClone(root)
  const log: string[] = []
  const enter = planned(enterPlan, log, 'enter')
  const visitors = exitPlan ? {enter, exit: planned(exitPlan.filter((a) => a !== 'skip' && a !== 'tuple-skip').concat('nothing'), log, 'exit')} : enter
  const call = walk as unknown as (...args: unknown[]) => void
  if (test === undefined) call(copy, visitors, reverse)
  else call(copy, test, visitors, reverse)
  return {log, copy}
}

describe('visit and visitParents behave as unist-util-visit and unist-util-visit-parents', () => {
  it('make the same calls and leave the same tree, for any tree, test, visitor and direction', () => {
    fc.assert(
      fc.property(tree, check, plan, fc.option(plan, {nil: undefined}), fc.boolean(), (root, test, enterPlan, exitPlan, reverse) => {
        const ours = run(visitParents, root, test, enterPlan, exitPlan, reverse)
        const theirs = run(unistVisitParents, root, test, enterPlan, exitPlan, reverse)
        expect(ours.log).toEqual(theirs.log)
        expect(ours.copy).toEqual(theirs.copy)
      }),
      {numRuns: 500},
    )
  })

  it('visit passes the nearest parent, as unist-util-visit does', () => {
    fc.assert(
      fc.property(tree, check, plan, fc.boolean(), (root, test, enterPlan, reverse) => {
        const logOf = (walk: typeof unistVisit) => {
          const copy = structuredClone(root)
          const log: string[] = []
          const inner = planned(enterPlan, log, 'enter')
          const visitor = (node: TestNode, index: number | undefined, parent: TestNode | undefined) => inner(node, parent ? [parent] : [], index)
          const call = walk as unknown as (...args: unknown[]) => void
          if (test === undefined) call(copy, visitor, reverse)
          else call(copy, test, visitor, reverse)
          return {log, copy}
        }
        expect(logOf(visit)).toEqual(logOf(unistVisit))
      }),
      {numRuns: 300},
    )
  })

  it('rejects what the packages reject, with their messages', () => {
    const node = {type: 'a', children: []}
    const call = (walk: unknown, ...args: unknown[]) => () => (walk as (...a: unknown[]) => void)(...args)
    for (const args of [[undefined, () => {}], [node, 'a', {enter: 5, exit: () => {}}], [node, {enter: () => {}}], [node, 'a', 3]]) {
      let expected: string | undefined
      try {
        call(unistVisitParents, ...args)()
      } catch (error) {
        expected = (error as Error).message
      }
      expect(expected).toBeDefined()
      expect(call(visitParents, ...args)).toThrow(expected)
    }
  })
})
