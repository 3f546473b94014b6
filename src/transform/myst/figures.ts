import type {Image, Paragraph, RootContent} from 'mdast'
import type {CourseFigure, MystDirective} from '../../pipeline/types.js'
import {alignment, classes, cssLength, frameFigure, labelOf, origin, report, type DirectiveHandler, type MystContext} from './context.js'

/**
 * `{figure} path`: a `courseFigure` of kind `figure` holding the image, then
 * the legend (the body after its first paragraph, which is the caption).
 * `:name:` labels it, `:alt:` and `:width:` go to the image, `:figwidth:`,
 * `:align:` and `:class:` to the figure.
 */
export const figureDirective: DirectiveHandler = (directive, context) => {
  const image = imageOf(directive, context)
  if (!image) return directive.children
  const [first, ...rest] = directive.children
  const caption = first?.type === 'paragraph' ? first.children : []
  const legend = first?.type === 'paragraph' ? rest : directive.children
  const figure: CourseFigure = {type: 'courseFigure', kind: 'figure', caption, children: [image, ...legend], ...origin(directive)}
  return [frameFigure(figure, directive, context, 'figwidth')]
}

/**
 * `{image} path`: the image in a paragraph of its own, with `:alt:`,
 * `:width:`, `:height:`, `:align:` and `:class:`. `:name:` gives it an id.
 */
export const imageDirective: DirectiveHandler = (directive, context) => {
  const image = imageOf(directive, context)
  if (!image) return directive.children
  const align = alignment(directive, context)
  const names = [...classes(directive), ...(align ? [`align-${align}`] : [])]
  const label = labelOf(directive)
  const properties = image.data?.hProperties ?? {}
  if (names.length > 0) properties.className = names
  if (label) properties.id = label
  image.data = {...image.data, hProperties: properties}
  const paragraph: Paragraph = {type: 'paragraph', children: [image], ...origin(directive)}
  return [paragraph as RootContent]
}

/** The image a `{figure}` or `{image}` shows; undefined (reported) when the directive names none. */
function imageOf(directive: MystDirective, context: MystContext): Image | undefined {
  const url = directive.args.trim()
  if (!url) {
    report(context, 'directive-option-invalid', `{${directive.name}} needs the path of the image after its name; it is shown as its content`, directive)
    return undefined
  }
  const image: Image = {type: 'image', url, alt: directive.options.alt ?? '', ...origin(directive)}
  const width = cssLength(directive.options.width, 'width', directive, context)
  const height = cssLength(directive.options.height, 'height', directive, context)
  const style = [width && `width: ${width}`, height && `height: ${height}`].filter(Boolean).join('; ')
  if (style) image.data = {...image.data, hProperties: {style}}
  return image
}
