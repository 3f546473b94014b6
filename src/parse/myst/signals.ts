/**
 * Cheap tests on a Markdown source for each kind of MyST syntax, so that a
 * page with none pays one regular-expression scan per kind and nothing else.
 * A positive answer only means "look closer": the parsers confirm it.
 */
export interface MystSignals {
  /** ```` ```{name} ```` or `~~~{name}` fences. */
  directives: boolean
  /** `:::{name}` colon fences. */
  colonFences: boolean
  /** `` {name}`value` `` roles. */
  roles: boolean
  /** `(label)=` targets. */
  targets: boolean
  /** `$$ (label)` after display math. */
  mathLabels: boolean
}

const DIRECTIVE = /(?:`{3,}|~{3,})[ \t]*\{/
const COLON_FENCE = /^[ \t>]*:{3,}[ \t]*\{/m
const ROLE = /\}`/
const TARGET = /\)=[ \t]*$/m
const MATH_LABEL = /\$\$[ \t]*\(/

/** Which kinds of MyST syntax `source` may hold. */
export function mystSignals(source: string): MystSignals {
  return {
    directives: DIRECTIVE.test(source),
    colonFences: COLON_FENCE.test(source),
    roles: ROLE.test(source),
    targets: TARGET.test(source),
    mathLabels: MATH_LABEL.test(source),
  }
}

/** Whether any MyST syntax may be present. */
export function hasMyst(signals: MystSignals): boolean {
  return signals.directives || signals.colonFences || signals.roles || signals.targets || signals.mathLabels
}
