/** Why a saved index cannot be used; `reason` is a short phrase for the log ("knowledge changed"). */
export class SavedIndexUnusableError extends Error {
  override readonly name = 'SavedIndexUnusableError';
  constructor(
    readonly reason: string,
    /** The generation that was looked at, whose vector cache may still be reusable. */
    readonly generationPath?: string,
    options?: { cause?: unknown },
  ) {
    super(`saved passage index unusable: ${reason}`, options);
  }
}
