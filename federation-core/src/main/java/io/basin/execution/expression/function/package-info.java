/**
 * Scalar function implementations that generated code calls: static methods on primitive and
 * Slice values with PostgreSQL semantics and error codes, grouped by concern (integer, floating
 * point and decimal arithmetic, casts and text forms, strings, LIKE and regular expressions, math,
 * date/time). Immutable helpers (compiled patterns, formats, constant sets) are built once per
 * query and shared by its drivers.
 */
package io.basin.execution.expression.function;
