/**
 * The catalogue of content diagnostics. Every message a stage emits names one
 * of these rule ids; the id is stable across versions so that course teams can
 * override its severity in `site.config.ts` (`diagnostics: {'math-error': 'error'}`).
 */
export type Severity = 'error' | 'warning' | 'info'

export interface RuleInfo {
  /** Severity used when the config does not override it. */
  severity: Severity
  /** One line: what the rule reports. */
  summary: string
  /** One line: what the author should do about it. */
  hint: string
}

export const rules = {
  'config-invalid': {severity: 'error', summary: 'site.config.ts does not match the config schema', hint: 'Fix or remove the key named in the message.'},
  'config-load-failed': {severity: 'error', summary: 'site.config.ts could not be loaded', hint: 'Run the file with node to see the underlying error, then fix it.'},
  'content-missing': {severity: 'error', summary: 'the content folder does not exist', hint: 'Create it or set `contentDir` in site.config.ts.'},
  'unit-unknown': {severity: 'warning', summary: 'a unit named in `units` has no folder', hint: 'Create the folder or remove it from `units`.'},
  'unit-metadata-invalid': {severity: 'warning', summary: 'unit metadata (_unit.yml or index.md front matter) is malformed', hint: 'Check the YAML syntax and key names.'},
  'page-outside-unit': {severity: 'warning', summary: 'a page sits directly in the content folder, outside any unit', hint: 'Move it into a unit folder (e.g. content/week-01-intro/); only content/index.md belongs at the top.'},
  'path-ignored': {severity: 'info', summary: 'a symbolic link to a folder, or one that cannot be resolved (a loop, a missing target), was not followed', hint: 'Put the file or folder itself in the course instead of a link to it.'},
  'page-slug-duplicate': {severity: 'warning', summary: 'two pages produce the same URL', hint: 'Rename one of the files.'},
  'page-read-failed': {severity: 'error', summary: 'a page could not be read from disk', hint: 'Check the file permissions and that it is not a broken link.'},
  'frontmatter-invalid': {severity: 'warning', summary: 'front matter is not valid YAML or has a wrong type', hint: 'Fix the YAML between the --- lines.'},
  'notebook-json-invalid': {severity: 'error', summary: 'the notebook is not valid JSON', hint: 'Open it in Jupyter and save it again, or restore it from version control.'},
  'notebook-format-unsupported': {severity: 'error', summary: 'the notebook format version is not supported', hint: 'Convert it with `jupyter nbconvert --to notebook` to nbformat 4.'},
  'notebook-schema-invalid': {severity: 'warning', summary: 'the notebook does not match the nbformat schema', hint: 'It was rendered as far as possible; open and save it in Jupyter to repair it.'},
  'notebook-upgraded': {severity: 'info', summary: 'an nbformat 3 notebook was upgraded in memory', hint: 'Save it with a current Jupyter to silence this.'},
  'output-mime-unknown': {severity: 'info', summary: 'an output has only MIME types coursebook cannot render', hint: 'It is shown as text/plain; add a PNG or HTML representation for a richer page.'},
  'output-widget-no-state': {severity: 'info', summary: 'a widget output has no saved state', hint: 'Readers see a placeholder asking them to run the notebook.'},
  'attachment-missing': {severity: 'warning', summary: 'a Markdown cell refers to an attachment the cell does not have', hint: 'Re-attach the image in Jupyter or link to a file instead.'},
  'math-error': {severity: 'warning', summary: 'KaTeX could not typeset an equation', hint: 'Fix the LaTeX; the source is shown in an error style meanwhile.'},
  'math-macro-redefined': {severity: 'info', summary: '\\newcommand redefined a macro KaTeX already has; treated as \\renewcommand', hint: 'Use \\renewcommand to make the intent explicit.'},
  'code-language-unknown': {severity: 'info', summary: 'a code block names a language the highlighter does not know', hint: 'It is shown as plain text; check the language name.'},
  'tikz-render-failed': {severity: 'warning', summary: 'a TikZ diagram could not be rendered (TeX\'s first error line and the offending line are in the message)', hint: 'Fix the TikZ at the line named; the page shows the diagram\'s source in an error box meanwhile.'},
  'tikz-package-missing': {severity: 'warning', summary: 'a TikZ diagram needs a LaTeX package or library the engine lacks', hint: 'With TeX Live installed (latex and dvisvgm), set `tikz: {engine: \'latex\'}` in site.config.ts; or draw without the package.'},
  'tikz-timeout': {severity: 'warning', summary: 'a TikZ diagram took longer than `tikz.timeout` and was stopped', hint: 'Look for a loop that never ends, simplify the diagram, or raise `tikz.timeout` (seconds).'},
  'tikz-no-alt': {severity: 'warning', summary: 'a TikZ diagram has neither alt text nor a caption', hint: 'Describe it: alt="…" on the fence line, or a "% alt: …" comment line in a %%tikz cell.'},
  'tikz-dialect-assumed': {severity: 'info', summary: 'a %%tikz cell could be read by two different magics; the one named was assumed', hint: 'Set `tikz: {magic: \'tikzmagic\'}` or `\'jupyter-tikz\'` in site.config.ts to say which magic the course uses.'},
  'tikz-pattern-fallback': {severity: 'info', summary: 'node-tikzjax left hatching undefined, so the diagram was drawn with latex', hint: 'Nothing to do; set `tikz: {engine: \'latex\'}` to use latex for every diagram.'},
  'tikz-pattern-missing': {severity: 'warning', summary: 'a TikZ diagram refers to fills (hatching) the engine did not write', hint: 'Install TeX Live (latex and dvisvgm) so coursebook can draw it with latex, or use a plain fill.'},
  'tikz-skipped': {severity: 'info', summary: 'a %%tikz cell needs the live notebook (variables, a Jinja template) and was not rendered', hint: 'The outputs saved in the notebook are shown; write the values into the cell to have it rendered at build time.'},
  'tikz-option-unknown': {severity: 'warning', summary: 'a TikZ fence or magic gave an option coursebook does not know', hint: 'Check the spelling; fences take alt, caption, scale, libraries, packages, pgfplots-libraries and preamble.'},
  'link-target-missing': {severity: 'warning', summary: 'a relative link points to a file that does not exist', hint: 'Fix the path; it is resolved from the page\'s own folder.'},
  'image-missing': {severity: 'warning', summary: 'an image points to a file that does not exist', hint: 'Fix the path; it is resolved from the page\'s own folder.'},
  'path-outside-content': {severity: 'error', summary: 'a link or image points outside the course folder', hint: 'Move the file into the course folder; files outside it are never published.'},
  'directive-unknown': {severity: 'warning', summary: 'a directive has no renderer', hint: 'Its content is shown as plain prose; check the directive name.'},
  'raw-cell-skipped': {severity: 'info', summary: 'a raw cell in a format HTML cannot show was left out', hint: 'Set the raw cell format to text/html or text/markdown to publish it.'},
  'render-failed': {severity: 'error', summary: 'an internal error stopped this page from rendering', hint: 'Please report it with the page attached; the other pages were built.'},
  'text-encoding-invalid': {severity: 'warning', summary: 'a file is not valid UTF-8; bytes that cannot be decoded were replaced', hint: 'Save the file again with UTF-8 encoding (in most editors: Save with Encoding › UTF-8).'},
  'control-characters': {severity: 'warning', summary: 'text contains control characters, which were removed', hint: 'Delete them from the source: they are invisible in most editors and usually come from pasting terminal or PDF text.'},
  'content-too-deep': {severity: 'error', summary: 'blockquotes or lists are nested too deeply to render', hint: 'Reduce the nesting (no reader can follow it); the content is shown as plain text meanwhile.'},
  'html-sanitised': {severity: 'info', summary: 'an untrusted page had scripts, event handlers, unsafe URLs or other unsafe HTML removed', hint: 'Nothing to do if the page is meant to be untrusted; otherwise set `trust: \'author\'` for the course in site.config.ts.'},
  'output-script-dropped': {severity: 'warning', summary: 'a JavaScript output was dropped from an untrusted page', hint: 'Untrusted pages never run scripts; save an image or HTML representation of the output instead.'},
  'ouxml-unmapped': {severity: 'warning', summary: 'a construct has no OU-XML counterpart here', hint: 'Its text is kept as a paragraph (or its source as a program listing); rewrite it with Markdown the export supports (see "OU-XML export" in the README).'},
  'ouxml-dropped': {severity: 'info', summary: 'formatting with no OU-XML counterpart was left out of the export', hint: 'The text is kept; only the formatting (a rule, strikethrough) is lost.'},
  'ouxml-invalid-char': {severity: 'warning', summary: 'control characters that XML 1.0 forbids or discourages were dropped from the OU-XML', hint: 'Remove the control characters from the source (often pasted from a terminal).'},
  'ouxml-html-omitted': {severity: 'info', summary: 'an HTML output was left out of the OU-XML, as `ouxml.htmlOutputs: \'omit\'` asks', hint: 'Set `ouxml.htmlOutputs` to `package` to ship it as an HTML5 package.'},
  'ouxml-xref-unresolved': {severity: 'warning', summary: 'a link to a place in the course has no target in the OU-XML', hint: 'Check the page and heading the link names; the link points to the page, or is kept as text.'},
  'ouxml-schema-error': {severity: 'error', summary: 'an exported OU-XML document does not validate against the schema', hint: 'This is a coursebook bug unless the source uses the construct named; please report it with the page.'},
} as const satisfies Record<string, RuleInfo>

export type RuleId = keyof typeof rules
