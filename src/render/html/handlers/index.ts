import type {Handlers} from 'mdast-util-to-hast'
import {codeCellHandler} from './code-cell.js'
import {containerDirectiveHandler} from './container-directive.js'
import {courseFigureHandler} from './course-figure.js'
import {glossaryHandler} from './glossary.js'
import {mystRoleHandler} from './myst-role.js'
import {mystTargetHandler} from './myst-target.js'
import {courseActivityHandler} from './course-activity.js'
import {courseBoxHandler} from './course-box.js'
import {courseInteractionHandler} from './course-interaction.js'
import {courseMediaHandler} from './course-media.js'
import {courseRevealHandler} from './course-reveal.js'
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
  containerDirective: containerDirectiveHandler,
  courseFigure: courseFigureHandler,
  glossary: glossaryHandler,
  mystRole: mystRoleHandler,
  mystTarget: mystTargetHandler,
  courseActivity: courseActivityHandler,
  courseReveal: courseRevealHandler,
  courseInteraction: courseInteractionHandler,
  courseMedia: courseMediaHandler,
  courseBox: courseBoxHandler,
}
