import type {Config, LauncherConfig} from '../../config/schema.js'

/** The launchers a build uses and the options they share, with the `binder` shorthand expanded. */
export interface LaunchSetup {
  /** In order: the first is the page's main button. Empty when the course has no launch links. */
  launchers: LauncherConfig[]
  /** Where the content folder sits inside the repository (no leading or trailing slash needed). */
  contentPath: string
  pin: boolean
  jupytext: boolean
  check: boolean
  /** The config key the launchers were given under, for pointing diagnostics at it. */
  key: 'launch' | 'binder'
}

/** Read the launch settings from the config: `launch`, else `binder` as a one-element list. */
export function launchSetup(config: Pick<Config, 'launch' | 'binder' | 'launchOptions'>): LaunchSetup {
  const {binder, launchOptions} = config
  const shorthand: LauncherConfig[] = binder
    ? [{type: 'binder', repo: binder.repo, ref: binder.ref, provider: binder.provider, hub: binder.hub, interface: binder.interface}]
    : []
  return {
    launchers: config.launch ?? shorthand,
    contentPath: launchOptions.contentPath ?? binder?.contentPath ?? 'content',
    pin: launchOptions.pin,
    jupytext: launchOptions.jupytext,
    check: launchOptions.check,
    key: config.launch ? 'launch' : 'binder',
  }
}
