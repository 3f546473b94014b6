import type {Handler} from '../state.js'
import {blockquoteHandler} from './blockquote.js'
import {breakHandler} from './break.js'
import {codeHandler} from './code.js'
import {containerDirectiveHandler} from './container-directive.js'
import {courseFigureHandler} from './course-figure.js'
import {glossaryHandler} from './glossary.js'
import {mystDirectiveHandler, mystRoleHandler} from './myst-leftovers.js'
import {courseActivityHandler} from './course-activity.js'
import {courseBoxHandler, courseRevealHandler} from './course-box.js'
import {courseInteractionHandler} from './course-interaction.js'
import {courseMediaHandler} from './course-media.js'
import {deleteHandler} from './delete.js'
import {emphasisHandler} from './emphasis.js'
import {footnoteReferenceHandler} from './footnote-reference.js'
import {headingHandler} from './heading.js'
import {htmlHandler} from './html.js'
import {ignoreHandler} from './ignore.js'
import {imageHandler, imageReferenceHandler} from './image.js'
import {inlineCodeHandler} from './inline-code.js'
import {linkHandler, linkReferenceHandler} from './link.js'
import {listHandler, listItemHandler} from './list.js'
import {inlineMathHandler, mathHandler} from './math.js'
import {notebookCodeCellHandler} from './notebook-code-cell.js'
import {notebookMarkdownCellHandler} from './notebook-markdown-cell.js'
import {notebookOutputHandler} from './notebook-output.js'
import {notebookRawCellHandler} from './notebook-raw-cell.js'
import {paragraphHandler} from './paragraph.js'
import {strongHandler} from './strong.js'
import {tableHandler} from './table.js'
import {textHandler} from './text.js'
import {thematicBreakHandler} from './thematic-break.js'
import {tikzFigureHandler} from './tikz-figure.js'

/**
 * The OU-XML handler for each node type of the page tree, as
 * mdast-util-to-hast has for HTML. A node type missing here is reported as
 * `ouxml-unmapped` and its text kept.
 */
export const ouxmlHandlers: Readonly<Record<string, Handler>> = {
  blockquote: blockquoteHandler,
  break: breakHandler,
  code: codeHandler,
  containerDirective: containerDirectiveHandler,
  courseFigure: courseFigureHandler,
  glossary: glossaryHandler,
  mystDirective: mystDirectiveHandler,
  mystRole: mystRoleHandler,
  mystTarget: ignoreHandler,
  courseActivity: courseActivityHandler,
  courseBox: courseBoxHandler,
  courseInteraction: courseInteractionHandler,
  courseMedia: courseMediaHandler,
  courseReveal: courseRevealHandler,
  definition: ignoreHandler,
  delete: deleteHandler,
  emphasis: emphasisHandler,
  footnoteDefinition: ignoreHandler,
  footnoteReference: footnoteReferenceHandler,
  heading: headingHandler,
  html: htmlHandler,
  image: imageHandler,
  imageReference: imageReferenceHandler,
  inlineCode: inlineCodeHandler,
  inlineMath: inlineMathHandler,
  link: linkHandler,
  linkReference: linkReferenceHandler,
  list: listHandler,
  listItem: listItemHandler,
  math: mathHandler,
  notebookCodeCell: notebookCodeCellHandler,
  notebookMarkdownCell: notebookMarkdownCellHandler,
  notebookOutput: notebookOutputHandler,
  notebookRawCell: notebookRawCellHandler,
  paragraph: paragraphHandler,
  strong: strongHandler,
  table: tableHandler,
  text: textHandler,
  thematicBreak: thematicBreakHandler,
  tikzFigure: tikzFigureHandler,
  toml: ignoreHandler,
  yaml: ignoreHandler,
}
