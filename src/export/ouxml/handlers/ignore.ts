import type {XmlNode} from '../types.js'

/**
 * Nodes that produce nothing where they stand: `definition` and
 * `footnoteDefinition` (their content is used where they are referenced),
 * and front matter (already read as metadata).
 */
export function ignoreHandler(): XmlNode[] {
  return []
}
