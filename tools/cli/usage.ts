/** A mistake in how a command was called (exit 2), as opposed to a problem in the data (exit 1). */
export class UsageError extends Error {}
