package io.basin.connector.memory;

/**
 * What {@code EXPLAIN} shows about a memory table: its size at the time of planning.
 *
 * @param rowCount committed rows
 * @param pageCount committed pages
 * @param retainedBytes memory the table's pages retain
 */
public record MemoryTableInfo(long rowCount, int pageCount, long retainedBytes) {}
