package io.basin.sql.analyzer;

import io.basin.metadata.QualifiedTableName;
import io.basin.metadata.QueryCatalogs;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Exposes the connector catalogs to Calcite: root → catalog ("database") → schema → table,
 * resolved lazily through {@link QueryCatalogs}, so only the tables a statement names are looked up.
 */
public final class CatalogSchemas
{
    private CatalogSchemas() {}

    public static Schema rootSchema(QueryCatalogs catalogs)
    {
        return new RootSchema(catalogs);
    }

    private static final class RootSchema
            extends AbstractSchema
    {
        private final QueryCatalogs catalogs;

        RootSchema(QueryCatalogs catalogs)
        {
            this.catalogs = requireNonNull(catalogs, "catalogs is null");
        }

        @Override
        public Lookup<? extends Schema> subSchemas()
        {
            return new NameLookup<>(
                    name -> catalogs.catalogExists(name) ? new CatalogSchema(catalogs, name) : null,
                    catalogs::catalogNames);
        }

        @Override
        protected Map<String, RelProtoDataType> getTypeMap()
        {
            // PostgreSQL type names that Calcite's parser reads as user-defined types
            return Map.ofEntries(
                    Map.entry("text", factory -> factory.createSqlType(SqlTypeName.VARCHAR)),
                    Map.entry("string", factory -> factory.createSqlType(SqlTypeName.VARCHAR)),
                    Map.entry("bpchar", factory -> factory.createSqlType(SqlTypeName.VARCHAR)),
                    Map.entry("int2", factory -> factory.createSqlType(SqlTypeName.SMALLINT)),
                    Map.entry("int4", factory -> factory.createSqlType(SqlTypeName.INTEGER)),
                    Map.entry("int8", factory -> factory.createSqlType(SqlTypeName.BIGINT)),
                    Map.entry("float4", factory -> factory.createSqlType(SqlTypeName.REAL)),
                    Map.entry("float8", factory -> factory.createSqlType(SqlTypeName.DOUBLE)),
                    Map.entry("bool", factory -> factory.createSqlType(SqlTypeName.BOOLEAN)),
                    Map.entry("bytea", factory -> factory.createSqlType(SqlTypeName.VARBINARY)));
        }
    }

    private static final class CatalogSchema
            extends AbstractSchema
    {
        private final QueryCatalogs catalogs;
        private final String catalogName;

        CatalogSchema(QueryCatalogs catalogs, String catalogName)
        {
            this.catalogs = catalogs;
            this.catalogName = catalogName;
        }

        @Override
        public Lookup<? extends Schema> subSchemas()
        {
            return new NameLookup<>(
                    name -> catalogs.schemaExists(catalogName, name) ? new ConnectorSchema(catalogs, catalogName, name) : null,
                    () -> catalogs.listSchemas(catalogName));
        }

        @Override
        public Lookup<Table> tables()
        {
            return Lookup.empty();
        }
    }

    private static final class ConnectorSchema
            extends AbstractSchema
    {
        private final QueryCatalogs catalogs;
        private final String catalogName;
        private final String schemaName;

        ConnectorSchema(QueryCatalogs catalogs, String catalogName, String schemaName)
        {
            this.catalogs = catalogs;
            this.catalogName = catalogName;
            this.schemaName = schemaName;
        }

        @Override
        public Lookup<Table> tables()
        {
            return new NameLookup<>(
                    name -> catalogs.resolveTable(new QualifiedTableName(catalogName, schemaName, name))
                            .<Table>map(ConnectorTable::new)
                            .orElse(null),
                    () -> catalogs.listTables(catalogName, schemaName));
        }

        @Override
        public Lookup<? extends Schema> subSchemas()
        {
            return Lookup.empty();
        }
    }
}
