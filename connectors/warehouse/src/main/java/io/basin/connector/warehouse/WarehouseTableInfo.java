package io.basin.connector.warehouse;

/**
 * What {@code getInfo} reports about a warehouse table.
 *
 * @param rows live rows
 * @param rowGroups row groups (each one block file per column)
 * @param fileBytes bytes of all block files
 */
public record WarehouseTableInfo(long rows, int rowGroups, long fileBytes) {}
