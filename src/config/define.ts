import type {UserConfig} from './schema.js'

export type ConfigEnv = {command: 'build' | 'dev' | 'export'}
export type UserConfigExport = UserConfig | ((env: ConfigEnv) => UserConfig | Promise<UserConfig>)

/**
 * Type helper for `site.config.ts`. Returns its argument unchanged, so a config
 * that exports a plain object without importing this works the same.
 */
export function defineConfig(config: UserConfig): UserConfig
export function defineConfig(config: (env: ConfigEnv) => UserConfig | Promise<UserConfig>): UserConfigExport
export function defineConfig(config: UserConfigExport): UserConfigExport {
  return config
}
