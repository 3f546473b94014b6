/**
 * coursebook's public API: build a course from code, and type a config file.
 */
export {defineConfig} from './config/define.js'
export type {ConfigEnv, UserConfigExport} from './config/define.js'
export type {UserConfig, Config, ResolvedConfig, BinderConfig} from './config/schema.js'
export {loadConfig, configFromObject} from './config/load.js'
export {build, isFailure} from './pipeline/run.js'
export type {BuildOptions, BuildResult} from './pipeline/run.js'
export type {Diagnostic} from './diagnostics/report.js'
export {formatDiagnostic} from './diagnostics/report.js'
export {CoursebookError} from './diagnostics/errors.js'
export {binderUrl} from './transform/launch/urls.js'
export {html, raw, escapeHtml, SafeHtml} from './render/layout/html.js'
export type * from './render/layout/types.js'
