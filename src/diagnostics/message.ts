import type {Node, Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules, type RuleId} from './rule-ids.js'
import type {CellData} from '../pipeline/types.js'

declare module 'vfile-message' {
  interface VFileMessage {
    /** 0-based notebook cell the message is about, when the page is a notebook. */
    cell?: number
  }
}

export interface EmitOptions {
  /** The node the message is about; its position and cell are used. */
  node?: Node
  /** Explicit place, when there is no node (or to refine it). */
  place?: Position | Point
  /** Explicit 0-based cell, when there is no node. */
  cell?: number
  /** The stage name, e.g. `math`; becomes `coursebook:math`. */
  stage: string
  /** Underlying exception, kept as `cause`. */
  cause?: unknown
}

/**
 * Attach a content diagnostic to a page. The default severity comes from the
 * rule catalogue; the reporter applies config overrides later, so stages only
 * say what happened. Never throws.
 */
export function emit(file: VFile, ruleId: RuleId, reason: string, options: EmitOptions): VFileMessage {
  const place = options.place ?? options.node?.position
  const message = file.message(reason, {
    place: place ?? undefined,
    ruleId,
    source: `coursebook:${options.stage}`,
    cause: options.cause instanceof Error ? options.cause : undefined,
  })
  const severity = rules[ruleId].severity
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  message.note = rules[ruleId].hint
  const cell = options.cell ?? (options.node?.data as CellData | undefined)?.cell
  if (cell !== undefined) message.cell = cell
  return message
}
