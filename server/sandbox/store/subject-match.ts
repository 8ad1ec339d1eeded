/**
 * The FTS5 query for a `subject` filter: every whitespace-separated word of the input
 * becomes a quoted prefix term (`"word"*`), and FTS5 ANDs them. Inside double quotes FTS5
 * syntax has no meaning (`OR`, `NEAR(`, `*`, `:` and `^` are plain text; a `"` is doubled),
 * so user input can neither break nor extend the query. Words without a letter or digit
 * (`"`, `*`, `(`) carry nothing to search and are dropped.
 *
 * Returns `undefined` when no word is left: such a filter matches no message.
 */
export function subjectMatchQuery(input: string): string | undefined {
  const terms = input
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => `"${word.replaceAll('"', '""')}"*`);
  return terms.length > 0 ? terms.join(' ') : undefined;
}
