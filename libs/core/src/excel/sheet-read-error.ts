/** Why a workbook cannot be imported at all (as opposed to a rejected row), with a message for people. */
export type SheetReadErrorCode =
  'missing-headers' | 'duplicate-headers' | 'too-many-rows' | 'no-worksheet' | 'unreadable';

export class SheetReadError extends Error {
  override readonly name = 'SheetReadError';
  constructor(
    readonly code: SheetReadErrorCode,
    message: string,
    /** For missing-headers: the required headers not found. */
    readonly missing: string[] = [],
  ) {
    super(message);
  }
}
