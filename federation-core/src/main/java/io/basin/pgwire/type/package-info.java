/**
 * PostgreSQL's view of Basin's types, for the wire protocol server: what each engine type is
 * called and described as ({@link io.basin.pgwire.type.PgColumnType}, with the
 * {@code pg_type} rows of {@link io.basin.pgwire.type.PgType}), how its values are written into
 * DataRow messages in text and binary format ({@link io.basin.pgwire.type.PgValueWriter} into a
 * {@link io.basin.pgwire.type.WireBuffer}), and how bound parameter values that clients send are
 * read ({@link io.basin.pgwire.type.PgParameterDecoder}) into typed SQL literals
 * ({@link io.basin.pgwire.type.SqlLiteral}) that replace the parameters in the statement's text.
 * <p>
 * The formats are PostgreSQL 17's, byte for byte; the tests check them against an embedded
 * PostgreSQL.
 */
package io.basin.pgwire.type;
