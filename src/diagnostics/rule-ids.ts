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
  'path-ignored': {severity: 'info', summary: 'a symbolic link to a folder was not followed', hint: 'Copy the folder into the course instead of linking it.'},
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
  'link-target-missing': {severity: 'warning', summary: 'a relative link points to a file that does not exist', hint: 'Fix the path; it is resolved from the page\'s own folder.'},
  'image-missing': {severity: 'warning', summary: 'an image points to a file that does not exist', hint: 'Fix the path; it is resolved from the page\'s own folder.'},
  'path-outside-content': {severity: 'error', summary: 'a link or image points outside the course folder', hint: 'Move the file into the course folder; files outside it are never published.'},
  'directive-unknown': {severity: 'warning', summary: 'a directive has no renderer', hint: 'Its content is shown as plain prose; check the directive name.'},
  'raw-cell-skipped': {severity: 'info', summary: 'a raw cell in a format HTML cannot show was left out', hint: 'Set the raw cell format to text/html or text/markdown to publish it.'},
  'render-failed': {severity: 'error', summary: 'an internal error stopped this page from rendering', hint: 'Please report it with the page attached; the other pages were built.'},
} as const satisfies Record<string, RuleInfo>

export type RuleId = keyof typeof rules
