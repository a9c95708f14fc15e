/**
 * Test fixtures that check Basin against independent oracles.
 * <ul>
 * <li>{@link io.basin.testing.TestingPostgreSqlServer}: embedded PostgreSQL 17, one per JVM
 * ({@code shared()}), C collation, works as root;</li>
 * <li>{@link io.basin.testing.QueryAssertions}: {@code assertQuery(session, sql)} runs the SQL
 * in Basin and PostgreSQL and compares the rows ({@link io.basin.testing.ResultComparator}), as
 * multisets or in order under a top-level {@code ORDER BY}; {@code assertQuery(session, basinSql,
 * postgresSql)} for dialect differences; {@code assertQueryFails}, {@code assertBothFail};</li>
 * <li>{@link io.basin.testing.BasePostgresOracleTest}: base class with a Basin, a PostgreSQL
 * schema per test class and {@code executeInBoth} to create identical tables;</li>
 * <li>TPC-H: {@link io.basin.testing.TpchQueries} (q1..q22 texts),
 * {@link io.basin.testing.TpchResultFile} (the SF 0.01 answers shipped with {@code io.trino.tpch}),
 * {@link io.basin.testing.TpchPostgresLoader} (the same data in PostgreSQL),
 * {@link io.basin.testing.TpchTables} (Basin's TPC-H column types);</li>
 * <li>{@link io.basin.testing.TestingBasin}: an embedded Basin over a temporary data directory.</li>
 * </ul>
 */
package io.basin.testing;
