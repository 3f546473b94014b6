/**
 * `mystTarget` → nothing: a `(label)=` names the block after it (which
 * carries the label as its id), and is kept in the tree for the numbering
 * step.
 */
export function mystTargetHandler(): undefined {
  return undefined
}
