/**
 * The {@code basin} command line ({@link io.basin.cli.BasinMain}), started by {@code bin/basin}.
 * <ul>
 * <li>{@code basin sql} runs SQL in this process through the embedding API
 * ({@link io.basin.embedded.Basin}): the statements of {@code -e}/{@code -f}, cut apart by
 * {@link io.basin.cli.StatementSplitter}, or the psql-like {@code InteractiveShell} on a JLine
 * terminal;</li>
 * <li>results print in psql's formats (aligned, expanded) or as CSV/TSV, values in PostgreSQL's
 * text forms, statements without rows as PostgreSQL command tags, failures with their SQLSTATE
 * and, for syntax errors, the line and a caret;</li>
 * <li>exit status 0 on success, 1 when a statement fails, 2 for a bad command line.</li>
 * </ul>
 */
package io.basin.cli;
