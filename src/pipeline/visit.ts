import {convert} from 'unist-util-is'
import type {visit as unistVisit} from 'unist-util-visit'
import type {visitParents as unistVisitParents} from 'unist-util-visit-parents'

/**
 * `visitParents` and `visit` with the exact contract (and the TypeScript
 * types) of unist-util-visit-parents 6 and unist-util-visit 5: a test, an
 * `enter` visitor or `{enter, exit}` visitors, `reverse`, and the results
 * `CONTINUE`, `EXIT`, `SKIP`, an index to go on from, or `[action, index]`.
 *
 * Why not the packages themselves: for every node they visit they create two
 * closures and rename one with `Object.defineProperty` (a name for debuggers),
 * which made tree walking about a sixth of the CPU time of rendering the
 * benchmark course. This walker allocates only the ancestor list of each
 * parent, as they do. The bundle (scripts/bundle.mjs) also gives it to the
 * libraries that import unist-util-visit-parents (mdast-util-to-hast,
 * mdast-util-find-and-replace, …); test/pipeline/visit.test.ts checks that it
 * behaves as the packages do on random trees and visitors.
 */

export const CONTINUE = true
export const EXIT = false
export const SKIP = 'skip'

type Node = {type: string; children?: Node[]}
type Action = typeof CONTINUE | typeof EXIT | typeof SKIP
type Result = readonly [Action?, number?]
type ParentsVisitor = (node: Node, parents: Node[], index: number | undefined) => unknown
type Visitors = {enter?: ParentsVisitor | null; exit?: ParentsVisitor}

const EMPTY: Result = []

function toResult(value: unknown): Result {
  if (Array.isArray(value)) return value as unknown as Result
  if (typeof value === 'number') return [CONTINUE, value]
  return value === null || value === undefined ? EMPTY : [value as Action]
}

function walkParents(tree: Node, testOrVisitors: unknown, visitorsOrReverse?: unknown, maybeReverse?: boolean | null): undefined {
  if (!tree || typeof tree !== 'object') throw new Error('Unexpected value `' + tree + '` for `tree`, expected node')
  let test: unknown
  let visitors: unknown
  let preorder = true
  // A third argument that is a visitor (or visitors) means the second one is a test.
  if (typeof visitorsOrReverse === 'function' || (visitorsOrReverse && typeof visitorsOrReverse === 'object')) {
    test = testOrVisitors
    visitors = visitorsOrReverse
    if (maybeReverse) preorder = false
  } else {
    visitors = testOrVisitors
    if (visitorsOrReverse) preorder = false
  }
  let enter: ParentsVisitor | undefined
  let exit: ParentsVisitor | undefined
  if (typeof visitors === 'function') {
    enter = visitors as ParentsVisitor
  } else if (visitors && typeof visitors === 'object') {
    const given = visitors as Visitors
    if (given.enter !== null && given.enter !== undefined) {
      if (typeof given.enter !== 'function') throw new Error('Unexpected value `' + given.enter + '` for `visitors.enter`, expected optional visitor')
      enter = given.enter
    }
    if (typeof given.exit !== 'function') {
      throw new Error('Unexpected value `' + given.exit + '` for `visitors.exit`, expected visitor (pass a visitor directly if you only want an enter visitor)')
    }
    exit = given.exit
  } else {
    throw new Error('Unexpected value `' + visitors + '` for `enter` or `visitors`, expected visitor or object with visitors')
  }
  const is = convert(test as Parameters<typeof convert>[0])
  const step = preorder ? 1 : -1

  const walk = (node: Node, index: number | undefined, parents: Node[]): Result => {
    const matches = !test || is(node as never, index, parents[parents.length - 1] as never)
    let result = EMPTY
    if (enter && matches) {
      result = toResult(enter(node, parents, index))
      if (result[0] === EXIT) return result
    }
    const children = node.children
    if (children && result[0] !== SKIP) {
      let offset = (preorder ? -1 : children.length) + step
      const ancestors = [...parents, node]
      while (offset > -1 && offset < children.length) {
        const child = walk(children[offset]!, offset, ancestors)
        if (child[0] === EXIT) return child
        offset = typeof child[1] === 'number' ? child[1] : offset + step
      }
    }
    if (exit && matches) {
      const exitResult = toResult(exit(node, parents, index))
      if (exitResult[0] === SKIP) throw new Error('Unexpected value `' + exitResult[0] + '` from `exit`, expected `CONTINUE`, `EXIT`, index, or nothing')
      // A result from `exit` wins over one from `enter`.
      if (exitResult[0] === EXIT || typeof exitResult[1] === 'number') return exitResult
    }
    return result
  }
  walk(tree, undefined, [])
  return undefined
}

type Visitor = (node: Node, index: number | undefined, parent: Node | undefined) => unknown

/** `visit`'s visitor as a `visitParents` one: the nearest ancestor instead of all of them. */
const withParent =
  (visitor: Visitor): ParentsVisitor =>
  (node, parents, index) =>
    visitor(node, index, parents[parents.length - 1])

function walkWithParent(tree: Node, testOrVisitors: unknown, visitorsOrReverse?: unknown, maybeReverse?: boolean | null): undefined {
  let test: unknown
  let visitors: unknown
  let reverse: unknown
  if (typeof visitorsOrReverse === 'function' || (visitorsOrReverse && typeof visitorsOrReverse === 'object')) {
    test = testOrVisitors
    visitors = visitorsOrReverse
    reverse = maybeReverse
  } else {
    visitors = testOrVisitors
    reverse = visitorsOrReverse
  }
  if (typeof visitors === 'function') return walkParents(tree, test, withParent(visitors as Visitor), reverse as boolean)
  // Anything else goes through as it is, for walkParents' errors.
  const given = visitors as {enter?: unknown; exit?: unknown} | null | undefined
  const wrapped =
    given && typeof given === 'object'
      ? {
          enter: typeof given.enter === 'function' ? withParent(given.enter as Visitor) : given.enter,
          exit: typeof given.exit === 'function' ? withParent(given.exit as Visitor) : given.exit,
        }
      : given
  return walkParents(tree, test, wrapped, reverse as boolean)
}

export const visitParents = walkParents as unknown as typeof unistVisitParents
export const visit = walkWithParent as unknown as typeof unistVisit
