import type {Handlers} from 'mdast-util-to-hast'
import {codeCellHandler} from './code-cell.js'
import {markdownCellHandler} from './markdown-cell.js'
import {outputHandler} from './output.js'
import {rawCellHandler} from './raw-cell.js'
import {tikzFigureHandler} from './tikz-figure.js'

/**
 * mdast-util-to-hast handlers for the notebook node types; pass them as
 * `handlers` to remark-rehype (with `allowDangerousHtml: true`, since
 * highlighted code, HTML outputs and raw cells are `raw` nodes).
 */
export const notebookHandlers: Handlers = {
  notebookMarkdownCell: markdownCellHandler,
  notebookCodeCell: codeCellHandler,
  notebookRawCell: rawCellHandler,
  notebookOutput: outputHandler,
  tikzFigure: tikzFigureHandler,
}
