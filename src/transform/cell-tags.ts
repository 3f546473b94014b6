import type {Root} from 'mdast'
import {SKIP, visit} from '../pipeline/visit.js'
import type {NotebookCodeCell, NotebookMarkdownCell} from '../pipeline/types.js'

type Display = NonNullable<NotebookCodeCell['display']>

/**
 * Apply Jupyter Book cell tags so that later stages (HTML, OU-XML) never see
 * removed content:
 *
 * - `remove-cell` deletes any notebook cell (code, Markdown or raw);
 * - on code cells `remove-input` empties `source` (and `highlighted`) and
 *   `remove-output` empties the outputs, with `display` set to `remove`;
 * - `hide-cell`, `hide-input` and `hide-output`, and the
 *   `source_hidden` / `outputs_hidden` flags (`hidden`), set `display` to
 *   `hide` for that part, unless it is removed;
 * - Markdown cells honour `remove-cell`, `hide-cell` and hide-input (tag or
 *   `source_hidden`), which collapses the whole cell as in Jupyter Book.
 *
 * Every code and Markdown cell gets a `display`. Pure: mutates the tree only.
 */
export function cellTagsTransform(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (node.type !== 'notebookCodeCell' && node.type !== 'notebookMarkdownCell' && node.type !== 'notebookRawCell') {
      return undefined
    }
    const tags = tagsOf(node)
    if (tags.has('remove-cell') && parent && index !== undefined) {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    if (node.type === 'notebookCodeCell') applyToCode(node, tags)
    else if (node.type === 'notebookMarkdownCell') applyToMarkdown(node, tags)
    // Cells never contain cells; their content is left for other transforms.
    return SKIP
  })
}

function applyToCode(cell: NotebookCodeCell, tags: Set<string>): void {
  const hidden = hiddenOf(cell)
  const display: Display = {
    cell: tags.has('hide-cell') ? 'hide' : 'show',
    input: tags.has('remove-input') ? 'remove' : tags.has('hide-input') || hidden.input ? 'hide' : 'show',
    output: tags.has('remove-output') ? 'remove' : tags.has('hide-output') || hidden.output ? 'hide' : 'show',
  }
  if (display.input === 'remove') {
    cell.source = ''
    delete cell.highlighted
  }
  if (display.output === 'remove') cell.children = []
  cell.display = display
}

function applyToMarkdown(cell: NotebookMarkdownCell, tags: Set<string>): void {
  cell.display = {
    cell: tags.has('hide-cell') ? 'hide' : 'show',
    input: tags.has('hide-input') || hiddenOf(cell).input ? 'hide' : 'show',
    output: 'show',
  }
}

// Cells come from arbitrary JSON: tags or hidden may be missing or of the wrong type.
function tagsOf(cell: {tags?: unknown}): Set<string> {
  return new Set(Array.isArray(cell.tags) ? cell.tags.filter((tag): tag is string => typeof tag === 'string') : [])
}

function hiddenOf(cell: {hidden?: unknown}): {input: boolean; output: boolean} {
  const hidden = (typeof cell.hidden === 'object' && cell.hidden !== null ? cell.hidden : {}) as Record<string, unknown>
  return {input: hidden.input === true, output: hidden.output === true}
}
