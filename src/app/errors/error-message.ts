const FALLBACK_MESSAGE = 'An unexpected error occurred.';

/** The plain message of anything thrown: an Error's message, a thrown string. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  if (typeof error === 'string' && error.trim() !== '') return error;
  return FALLBACK_MESSAGE;
}

/**
 * A page's code failed to download (offline, or a new version was deployed and the old
 * chunk is gone). The browser remembers a failed module, so only a reload fixes it.
 * Chrome, Firefox and Safari word it differently; Vite's preloader adds its own.
 */
export function isModuleLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(
      error.message,
    )
  );
}
