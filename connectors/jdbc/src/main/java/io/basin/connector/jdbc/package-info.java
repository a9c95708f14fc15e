/**
 * What Basin's connectors to live SQL databases (PostgreSQL, MySQL/MariaDB) share: the handles
 * of relations, columns, transactions and pushed-down queries; metadata over a
 * {@link io.basin.connector.jdbc.JdbcClient}; the {@code system.query} table function through
 * which the planner sends pushed-down statements; and the page source that streams a statement's
 * result in bounded memory. Each dialect connector supplies its client (catalog queries, error
 * translation), its type mapping and how a split is read.
 */
package io.basin.connector.jdbc;
