import { conflict } from '../common/http-errors';
import type { IntentStage } from './intent.entity';

export type IntentMove = Exclude<IntentStage, 'intent'>;

/** 意向 → 签约 → 落地, or dropped from an open stage (意向 or 签约). Everything else is a 409. */
const MOVES: Record<IntentStage, IntentMove[]> = {
  intent: ['signed', 'dropped'],
  signed: ['landed', 'dropped'],
  landed: [],
  dropped: [],
};

export function assertIntentMove(from: IntentStage, to: IntentMove): void {
  if (MOVES[from].includes(to)) return;
  throw conflict('to', `合作意向不能从 ${from} 转为 ${to} (illegal stage change ${from} → ${to})`);
}

/** The date column each stage records. */
export const STAGE_DATE: Record<IntentStage, 'reachedOn' | 'signedOn' | 'landedOn' | 'droppedOn'> = {
  intent: 'reachedOn',
  signed: 'signedOn',
  landed: 'landedOn',
  dropped: 'droppedOn',
};
