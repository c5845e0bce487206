/** The name of a built-in segment in the user's language: the Segments screen and map agree. */
import type { TFunction } from 'i18next'
import type { BuiltInSegment } from '../../../src/value/segment-rules'

export function builtInSegmentName(segment: BuiltInSegment, t: TFunction): string {
  return segment.kind === 'rfm'
    ? t(`rfm.groups.${segment.group}`)
    : segment.kind === 'tier'
      ? t(`rfm.tiers.${segment.tier}`)
      : t(`stage.${segment.stage}`)
}
