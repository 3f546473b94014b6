import {rules, type RuleInfo} from './rule-ids.js'
import * as errors from './errors.js'
import type {ErrorData} from './errors.js'

/** The named errors that stop a build (tool, config and I/O failures), in declaration order. */
export function namedErrors(): ErrorData[] {
  return Object.values(errors).filter((value): value is ErrorData => {
    return typeof value === 'object' && value !== null && 'name' in value && 'title' in value && 'hint' in value
  })
}

/** Every content rule id with its default severity, summary and hint, sorted by id. */
export function contentRules(): Array<RuleInfo & {id: string}> {
  return Object.entries(rules)
    .map(([id, info]) => ({id, ...(info as RuleInfo)}))
    .sort((a, b) => a.id.localeCompare(b.id))
}

/**
 * The diagnostics catalogue as a Markdown page, generated from the rule
 * table and the error catalogue so that it lists exactly what this version
 * can report.
 */
export function diagnosticsCatalogueMarkdown(): string {
  const cell = (text: string) => escapeMarkdown(text).replace(/\|/g, '\\|')
  return [
    '---',
    'title: Diagnostics catalogue',
    '---',
    '',
    '# Diagnostics catalogue',
    '',
    'Every message coursebook prints ends with a rule id in brackets. This page is generated from coursebook\'s own tables, so it lists every id this version can report.',
    '',
    '## Content diagnostics',
    '',
    'Problems in a page or notebook. The page is still built (with a fallback where something could not be rendered) and so is the rest of the course. Change a rule\'s severity in `site.config.ts`, e.g. `diagnostics: {\'math-error\': \'error\'}`, or silence it with `\'off\'`. `coursebook build --strict` fails on warnings as well as errors.',
    '',
    '| rule id | default | what it reports | what to do |',
    '| --- | --- | --- | --- |',
    ...contentRules().map((r) => `| \`${r.id}\` | ${r.severity} | ${cell(r.summary)} | ${cell(r.hint)} |`),
    '',
    '## Errors that stop a build',
    '',
    'Problems with the config, the tool or the disk. Nothing is written: the previous site stays as it was.',
    '',
    '| id | what happened | what to do |',
    '| --- | --- | --- |',
    ...namedErrors().map((e) => `| \`${e.name}\` | ${cell(e.title)} | ${cell(e.hint)} |`),
    '',
  ].join('\n')
}

/**
 * Text shown as written in Markdown: outside code spans, the characters that
 * would start a link, image, HTML tag, role, emphasis or formula are escaped.
 */
function escapeMarkdown(text: string): string {
  return text
    .split(/(``.*?``|`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\[\]<>{}*_!$]/g, (c) => `\\${c}`)))
    .join('')
}
