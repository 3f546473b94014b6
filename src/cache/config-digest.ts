import type {ResolvedConfig} from '../config/schema.js'
import {version} from '../package-info.js'
import {digest, type DigestPart} from './digest.js'

/**
 * The digest of everything in the config that can change a rendered page,
 * plus coursebook's version. Where the site is written and where the config
 * sits do not change a page, so moving the output folder keeps the cache.
 */
export function configDigest(config: ResolvedConfig): string {
  const {outDir: _outDir, outPath: _outPath, configPath: _configPath, root: _root, ...relevant} = config
  return digest('coursebook', version, relevant as unknown as DigestPart)
}
