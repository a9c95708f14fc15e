package io.basin.sql.analyzer;

import io.basin.metadata.QualifiedTableName;
import io.basin.metadata.QueryCatalogs;
import io.basin.metadata.pgcatalog.CatalogTableDefinition;
import io.basin.metadata.pgcatalog.CatalogTableDefinitions;
import io.basin.metadata.pgcatalog.PgCatalog;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Exposes the connector catalogs to Calcite: root → catalog ("database") → schema → table,
 * resolved lazily through {@link QueryCatalogs}, so only the tables a statement names are looked up.
 *
 * <p>The session's database also holds {@code pg_catalog} and {@code information_schema}, and
 * reaches every other catalog's schemas under the names {@code pg_namespace} shows for them:
 * {@code "tpch.tiny"} is schema {@code tiny} of catalog {@code tpch}.
 */
public final class CatalogSchemas
{
    private CatalogSchemas() {}

    public static Schema rootSchema(QueryCatalogs catalogs)
    {
        return new RootSchema(catalogs, Optional.empty());
    }

    /** The catalogs, with {@code pgCatalog}'s tables in its session's database. */
    public static Schema rootSchema(QueryCatalogs catalogs, PgCatalog pgCatalog)
    {
        return new RootSchema(catalogs, Optional.of(pgCatalog));
    }

    private static final class RootSchema
            extends AbstractSchema
    {
        private final QueryCatalogs catalogs;
        private final Optional<PgCatalog> pgCatalog;

        RootSchema(QueryCatalogs catalogs, Optional<PgCatalog> pgCatalog)
        {
            this.catalogs = requireNonNull(catalogs, "catalogs is null");
            this.pgCatalog = requireNonNull(pgCatalog, "pgCatalog is null");
        }

        @Override
        public Lookup<? extends Schema> subSchemas()
        {
            return new NameLookup<>(
                    name -> catalogs.catalogExists(name) ? new CatalogSchema(catalogs, name, pgCatalog.filter(catalog -> catalog.session().database().equals(name))) : null,
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
                    Map.entry("bytea", factory -> factory.createSqlType(SqlTypeName.VARBINARY)),
                    // the catalogs' types, as Basin represents them (see PgColumnType)
                    Map.entry("oid", factory -> factory.createSqlType(SqlTypeName.BIGINT)),
                    Map.entry("xid", factory -> factory.createSqlType(SqlTypeName.BIGINT)),
                    Map.entry("name", factory -> factory.createSqlType(SqlTypeName.VARCHAR)),
                    Map.entry("char", factory -> factory.createSqlType(SqlTypeName.VARCHAR)),
                    Map.entry("pg_node_tree", factory -> factory.createSqlType(SqlTypeName.VARCHAR)),
                    Map.entry("int2vector", factory -> factory.createArrayType(factory.createSqlType(SqlTypeName.SMALLINT), -1)),
                    Map.entry("oidvector", factory -> factory.createArrayType(factory.createSqlType(SqlTypeName.BIGINT), -1)));
        }
    }

    private static final class CatalogSchema
            extends AbstractSchema
    {
        private final QueryCatalogs catalogs;
        private final String catalogName;
        // present in the session's database
        private final Optional<PgCatalog> pgCatalog;

        CatalogSchema(QueryCatalogs catalogs, String catalogName, Optional<PgCatalog> pgCatalog)
        {
            this.catalogs = catalogs;
            this.catalogName = catalogName;
            this.pgCatalog = pgCatalog;
        }

        @Override
        public Lookup<? extends Schema> subSchemas()
        {
            return new NameLookup<>(this::schema, this::schemaNames);
        }

        private Schema schema(String name)
        {
            if (pgCatalog.isPresent()) {
                if (CatalogTableDefinitions.isCatalogSchema(name)) {
                    return new BuiltinCatalogSchema(pgCatalog.get(), name);
                }
                int dot = name.indexOf('.');
                if (dot > 0) {
                    // another catalog's schema, by the name pg_namespace shows: "tpch.tiny"
                    String catalog = name.substring(0, dot);
                    String schema = name.substring(dot + 1);
                    return !catalog.equals(catalogName) && catalogs.catalogExists(catalog) && catalogs.schemaExists(catalog, schema)
                            ? new ConnectorSchema(catalogs, catalog, schema)
                            : null;
                }
            }
            return catalogs.schemaExists(catalogName, name) ? new ConnectorSchema(catalogs, catalogName, name) : null;
        }

        private List<String> schemaNames()
        {
            List<String> names = new ArrayList<>(catalogs.listSchemas(catalogName));
            if (pgCatalog.isPresent()) {
                names.add(CatalogTableDefinitions.PG_CATALOG);
                names.add(CatalogTableDefinitions.INFORMATION_SCHEMA);
            }
            return names;
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

    private static final class BuiltinCatalogSchema
            extends AbstractSchema
    {
        private final PgCatalog pgCatalog;
        private final String schemaName;

        BuiltinCatalogSchema(PgCatalog pgCatalog, String schemaName)
        {
            this.pgCatalog = pgCatalog;
            this.schemaName = schemaName;
        }

        @Override
        public Lookup<Table> tables()
        {
            return new NameLookup<>(
                    name -> CatalogTableDefinitions.table(schemaName, name).<Table>map(definition -> new CatalogTable(definition, pgCatalog)).orElse(null),
                    () -> CatalogTableDefinitions.tables(schemaName).stream().map(CatalogTableDefinition::name).toList());
        }

        @Override
        public Lookup<? extends Schema> subSchemas()
        {
            return Lookup.empty();
        }
    }
}
