/** The export stops here, and says so. */
export const CSV_ROW_LIMIT = 100_000;
