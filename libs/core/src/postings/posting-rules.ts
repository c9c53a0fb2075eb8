import { ConflictException } from '@nestjs/common';
import type { PostingStatus } from './posting.entity';

/** draft → published → closed; a closed posting may be published again; nothing goes back to draft. */
const ALLOWED: Record<PostingStatus, PostingStatus[]> = {
  draft: ['published', 'closed'],
  published: ['closed'],
  closed: ['published'],
};

export function assertPostingTransition(from: PostingStatus, to: PostingStatus): void {
  if (from === to || ALLOWED[from].includes(to)) return;
  throw new ConflictException({
    message: `状态不能从 ${from} 改为 ${to} (illegal status change)`,
    details: [{ field: 'status', message: `${from} → ${to} is not allowed` }],
  });
}
