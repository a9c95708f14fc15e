package io.basin.metadata.pgcatalog;

import io.basin.metadata.RoleDescription;
import io.basin.metadata.SettingValue;
import io.basin.metadata.pgcatalog.PgCatalogSnapshot.Attribute;
import io.basin.metadata.pgcatalog.PgCatalogSnapshot.Database;
import io.basin.metadata.pgcatalog.PgCatalogSnapshot.Namespace;
import io.basin.metadata.pgcatalog.PgCatalogSnapshot.Relation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.basin.metadata.pgcatalog.PgCatalogSnapshot.OWNER_OID;
import static io.basin.metadata.pgcatalog.PgCatalogSnapshot.PG_CATALOG_OID;
import static java.util.Objects.requireNonNull;

/**
 * The rows of each {@code pg_catalog} and {@code information_schema} table, computed from a
 * {@link PgCatalogSnapshot}. Values are Java objects of the column's {@link PgColumnType}: a
 * {@code Long} for oid and int8, {@code Integer}, {@code Short}, {@code Float}, {@code Boolean},
 * {@code String}; NULL as {@code null}. Tables Basin has nothing to show in (indexes,
 * constraints, triggers, policies, ...) have no rows.
 */
public final class CatalogRows
{
    private static final long HEAP_AM = 2;
    private static final long BTREE_AM = 403;
    private static final long INTERNAL_LANGUAGE = 12;
    private static final long DEFAULT_TABLESPACE = 1663;
    private static final long DEFAULT_COLLATION = 100;
    private static final int UTF8_ENCODING = 6;

    private final PgCatalogSnapshot snapshot;

    public CatalogRows(PgCatalogSnapshot snapshot)
    {
        this.snapshot = requireNonNull(snapshot, "snapshot is null");
    }

    public List<Object[]> rows(CatalogTableDefinition table)
    {
        Rows rows = new Rows(table);
        String qualified = table.schema() + "." + table.name();
        switch (qualified) {
            case "pg_catalog.pg_namespace" -> namespaces(rows);
            case "pg_catalog.pg_class" -> classes(rows);
            case "pg_catalog.pg_attribute" -> attributes(rows);
            case "pg_catalog.pg_type" -> types(rows);
            case "pg_catalog.pg_proc" -> functions(rows);
            case "pg_catalog.pg_database" -> databases(rows);
            case "pg_catalog.pg_settings" -> settings(rows);
            case "pg_catalog.pg_am" -> accessMethods(rows);
            case "pg_catalog.pg_roles" -> roles(rows);
            case "pg_catalog.pg_user" -> users(rows);
            case "pg_catalog.pg_tablespace" -> tablespaces(rows);
            case "pg_catalog.pg_collation" -> collations(rows);
            case "pg_catalog.pg_tables" -> tables(rows);
            case "pg_catalog.pg_views" -> views(rows);
            case "pg_catalog.pg_description" -> descriptions(rows);
            case "pg_catalog.pg_stat_activity" -> activity(rows);
            case "information_schema.schemata" -> schemata(rows);
            case "information_schema.tables" -> informationSchemaTables(rows);
            case "information_schema.columns" -> informationSchemaColumns(rows);
            case "information_schema.views" -> informationSchemaViews(rows);
            default -> {
                // nothing of this kind exists in Basin
            }
        }
        return rows.result;
    }

    private void namespaces(Rows rows)
    {
        for (Namespace namespace : snapshot.namespaces()) {
            rows.add()
                    .set("oid", namespace.oid())
                    .set("nspname", namespace.name())
                    .set("nspowner", OWNER_OID);
        }
    }

    private void classes(Rows rows)
    {
        for (Relation relation : snapshot.relations()) {
            boolean table = relation.kind() == 'r';
            rows.add()
                    .set("oid", relation.oid())
                    .set("relname", relation.name())
                    .set("relnamespace", relation.namespace().oid())
                    .set("reltype", 0L)
                    .set("reloftype", 0L)
                    .set("relowner", OWNER_OID)
                    .set("relam", table ? HEAP_AM : 0L)
                    .set("relfilenode", 0L)
                    .set("reltablespace", 0L)
                    .set("relpages", 0)
                    .set("reltuples", -1.0f)
                    .set("relallvisible", 0)
                    .set("reltoastrelid", 0L)
                    .set("relhasindex", false)
                    .set("relisshared", false)
                    .set("relpersistence", "p")
                    .set("relkind", String.valueOf(relation.kind()))
                    .set("relnatts", (short) relation.attributes().size())
                    .set("relchecks", (short) 0)
                    .set("relhasrules", false)
                    .set("relhastriggers", false)
                    .set("relhassubclass", false)
                    .set("relrowsecurity", false)
                    .set("relforcerowsecurity", false)
                    .set("relispopulated", true)
                    .set("relreplident", table ? "d" : "n")
                    .set("relispartition", false)
                    .set("relrewrite", 0L)
                    .set("relfrozenxid", 0L)
                    .set("relminmxid", 0L);
        }
    }

    private void attributes(Rows rows)
    {
        for (Relation relation : snapshot.relations()) {
            for (Attribute attribute : relation.attributes()) {
                Optional<BuiltinType> type = BuiltinTypes.byOid(attribute.type().oid());
                rows.add()
                        .set("attrelid", relation.oid())
                        .set("attname", attribute.name())
                        .set("atttypid", attribute.type().oid())
                        .set("attstattarget", -1)
                        .set("attlen", (short) type.map(BuiltinType::length).orElse(-1).intValue())
                        .set("attnum", (short) attribute.number())
                        .set("attndims", type.map(BuiltinType::isArray).orElse(false) ? 1 : 0)
                        .set("attcacheoff", -1)
                        .set("atttypmod", attribute.type().typmod())
                        .set("attbyval", type.map(BuiltinType::byValue).orElse(false))
                        .set("attalign", String.valueOf(type.map(BuiltinType::alignment).orElse('i')))
                        .set("attstorage", String.valueOf(type.map(BuiltinType::storage).orElse('x')))
                        .set("attcompression", "")
                        .set("attnotnull", attribute.notNull())
                        .set("atthasdef", false)
                        .set("atthasmissing", false)
                        .set("attidentity", "")
                        .set("attgenerated", "")
                        .set("attisdropped", false)
                        .set("attislocal", true)
                        .set("attinhcount", 0)
                        .set("attcollation", type.map(BuiltinType::collation).orElse(0L));
            }
        }
    }

    /** Basin's functions, as PostgreSQL's built-in ones (internal language, immutable, strict, parallel safe). */
    private static void functions(Rows rows)
    {
        for (BuiltinFunction function : BuiltinFunctions.all()) {
            rows.add()
                    .set("oid", function.oid())
                    .set("proname", function.name())
                    .set("pronamespace", PG_CATALOG_OID)
                    .set("proowner", OWNER_OID)
                    .set("prolang", INTERNAL_LANGUAGE)
                    .set("procost", 1.0f)
                    .set("prorows", 0.0f)
                    .set("provariadic", function.variadicType())
                    .set("prosupport", "-")
                    .set("prokind", String.valueOf(function.kind()))
                    .set("prosecdef", false)
                    .set("proleakproof", false)
                    .set("proisstrict", function.kind() == 'f' && !function.name().equals("concat"))
                    .set("proretset", false)
                    .set("provolatile", "i")
                    .set("proparallel", "s")
                    .set("pronargs", (short) function.argumentTypes().size())
                    .set("pronargdefaults", (short) 0)
                    .set("prorettype", function.resultType())
                    .set("prosrc", function.name());
        }
    }

    private static void types(Rows rows)
    {
        for (BuiltinType type : BuiltinTypes.all()) {
            rows.add()
                    .set("oid", type.oid())
                    .set("typname", type.name())
                    .set("typnamespace", PG_CATALOG_OID)
                    .set("typowner", OWNER_OID)
                    .set("typlen", (short) type.length())
                    .set("typbyval", type.byValue())
                    .set("typtype", String.valueOf(type.type()))
                    .set("typcategory", String.valueOf(type.category()))
                    .set("typispreferred", type.preferred())
                    .set("typisdefined", true)
                    .set("typdelim", String.valueOf(type.delimiter()))
                    .set("typrelid", 0L)
                    .set("typsubscript", type.isArray() ? "array_subscript_handler" : "-")
                    .set("typelem", type.elementOid())
                    .set("typarray", type.arrayOid())
                    .set("typinput", type.input())
                    .set("typoutput", type.output())
                    .set("typreceive", type.receive())
                    .set("typsend", type.send())
                    .set("typmodin", "-")
                    .set("typmodout", "-")
                    .set("typanalyze", "-")
                    .set("typalign", String.valueOf(type.alignment()))
                    .set("typstorage", String.valueOf(type.storage()))
                    .set("typnotnull", false)
                    .set("typbasetype", 0L)
                    .set("typtypmod", -1)
                    .set("typndims", 0)
                    .set("typcollation", type.collation());
        }
    }

    private void databases(Rows rows)
    {
        for (Database database : snapshot.databases()) {
            rows.add()
                    .set("oid", database.oid())
                    .set("datname", database.name())
                    .set("datdba", OWNER_OID)
                    .set("encoding", UTF8_ENCODING)
                    .set("datlocprovider", "c")
                    .set("datistemplate", false)
                    .set("datallowconn", database.allowConnections())
                    .set("datconnlimit", -1)
                    .set("datfrozenxid", 0L)
                    .set("datminmxid", 1L)
                    .set("dattablespace", DEFAULT_TABLESPACE)
                    .set("datcollate", "C")
                    .set("datctype", "C");
        }
    }

    private void settings(Rows rows)
    {
        for (SettingValue setting : snapshot.session().settings()) {
            rows.add()
                    .set("name", setting.name())
                    .set("setting", setting.setting())
                    .set("unit", setting.unit().orElse(null))
                    .set("category", setting.category())
                    .set("short_desc", setting.description())
                    .set("context", setting.context())
                    .set("vartype", setting.vartype())
                    .set("source", setting.source())
                    .set("boot_val", setting.bootValue())
                    .set("reset_val", setting.resetValue())
                    .set("pending_restart", false);
        }
    }

    private static void accessMethods(Rows rows)
    {
        rows.add().set("oid", HEAP_AM).set("amname", "heap").set("amhandler", "heap_tableam_handler").set("amtype", "t");
        rows.add().set("oid", BTREE_AM).set("amname", "btree").set("amhandler", "bthandler").set("amtype", "i");
    }

    private void roles(Rows rows)
    {
        for (RoleDescription role : snapshot.roles()) {
            rows.add()
                    .set("rolname", role.name())
                    .set("rolsuper", role.superuser())
                    .set("rolinherit", true)
                    .set("rolcreaterole", role.superuser())
                    .set("rolcreatedb", role.createDatabase())
                    .set("rolcanlogin", role.canLogin())
                    .set("rolreplication", false)
                    .set("rolconnlimit", role.connectionLimit().orElse(-1))
                    .set("rolpassword", "********")
                    .set("rolvaliduntil", role.validUntil().map(CatalogRows::micros).orElse(null))
                    .set("rolbypassrls", false)
                    .set("oid", role.oid());
        }
    }

    private void users(Rows rows)
    {
        for (RoleDescription role : snapshot.roles()) {
            if (!role.canLogin()) {
                continue;
            }
            rows.add()
                    .set("usename", role.name())
                    .set("usesysid", role.oid())
                    .set("usecreatedb", role.createDatabase())
                    .set("usesuper", role.superuser())
                    .set("userepl", false)
                    .set("usebypassrls", false)
                    .set("passwd", "********")
                    .set("valuntil", role.validUntil().map(CatalogRows::micros).orElse(null));
        }
    }

    private static long micros(java.time.Instant instant)
    {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    private static void tablespaces(Rows rows)
    {
        rows.add().set("oid", DEFAULT_TABLESPACE).set("spcname", "pg_default").set("spcowner", OWNER_OID);
        rows.add().set("oid", 1664L).set("spcname", "pg_global").set("spcowner", OWNER_OID);
    }

    private static void collations(Rows rows)
    {
        rows.add().set("oid", DEFAULT_COLLATION).set("collname", "default").set("collnamespace", PG_CATALOG_OID).set("collowner", OWNER_OID)
                .set("collprovider", "d").set("collisdeterministic", true).set("collencoding", -1);
        rows.add().set("oid", 950L).set("collname", "C").set("collnamespace", PG_CATALOG_OID).set("collowner", OWNER_OID)
                .set("collprovider", "c").set("collisdeterministic", true).set("collencoding", -1).set("collcollate", "C").set("collctype", "C");
        rows.add().set("oid", 951L).set("collname", "POSIX").set("collnamespace", PG_CATALOG_OID).set("collowner", OWNER_OID)
                .set("collprovider", "c").set("collisdeterministic", true).set("collencoding", -1).set("collcollate", "POSIX").set("collctype", "POSIX");
    }

    private void tables(Rows rows)
    {
        for (Relation relation : snapshot.relations()) {
            if (relation.kind() == 'r') {
                rows.add()
                        .set("schemaname", relation.namespace().name())
                        .set("tablename", relation.name())
                        .set("tableowner", PgCatalogSnapshot.OWNER)
                        .set("hasindexes", false)
                        .set("hasrules", false)
                        .set("hastriggers", false)
                        .set("rowsecurity", false);
            }
        }
    }

    private void views(Rows rows)
    {
        for (Relation relation : snapshot.relations()) {
            if (relation.kind() == 'v') {
                rows.add()
                        .set("schemaname", relation.namespace().name())
                        .set("viewname", relation.name())
                        .set("viewowner", PgCatalogSnapshot.OWNER);
            }
        }
    }

    private void descriptions(Rows rows)
    {
        for (Map.Entry<Long, Map<Integer, String>> relation : snapshot.descriptions().entrySet()) {
            for (Map.Entry<Integer, String> comment : relation.getValue().entrySet()) {
                rows.add()
                        .set("objoid", relation.getKey())
                        .set("classoid", CatalogTableDefinitions.table("pg_catalog", "pg_class").orElseThrow().fixedOid().orElseThrow())
                        .set("objsubid", comment.getKey())
                        .set("description", comment.getValue());
            }
        }
    }

    private void activity(Rows rows)
    {
        var session = snapshot.session();
        rows.add()
                .set("datid", snapshot.databaseOid(session.database()))
                .set("datname", session.database())
                .set("pid", session.backendPid())
                .set("usesysid", snapshot.userOid())
                .set("usename", session.user())
                .set("application_name", session.setting("application_name").orElse(""))
                .set("state", "active")
                .set("backend_type", "client backend");
    }

    private void schemata(Rows rows)
    {
        String database = snapshot.session().database();
        for (Namespace namespace : snapshot.namespaces()) {
            rows.add()
                    .set("catalog_name", database)
                    .set("schema_name", namespace.name())
                    .set("schema_owner", PgCatalogSnapshot.OWNER);
        }
    }

    private void informationSchemaTables(Rows rows)
    {
        String database = snapshot.session().database();
        for (Relation relation : snapshot.relations()) {
            boolean table = relation.kind() == 'r';
            rows.add()
                    .set("table_catalog", database)
                    .set("table_schema", relation.namespace().name())
                    .set("table_name", relation.name())
                    .set("table_type", table ? "BASE TABLE" : "VIEW")
                    .set("is_insertable_into", table ? "YES" : "NO")
                    .set("is_typed", "NO");
        }
    }

    private void informationSchemaViews(Rows rows)
    {
        String database = snapshot.session().database();
        for (Relation relation : snapshot.relations()) {
            if (relation.kind() == 'v') {
                rows.add()
                        .set("table_catalog", database)
                        .set("table_schema", relation.namespace().name())
                        .set("table_name", relation.name())
                        .set("check_option", "NONE")
                        .set("is_updatable", "NO")
                        .set("is_insertable_into", "NO")
                        .set("is_trigger_updatable", "NO")
                        .set("is_trigger_deletable", "NO")
                        .set("is_trigger_insertable_into", "NO");
            }
        }
    }

    private void informationSchemaColumns(Rows rows)
    {
        String database = snapshot.session().database();
        for (Relation relation : snapshot.relations()) {
            for (Attribute attribute : relation.attributes()) {
                InformationSchemaType type = InformationSchemaType.of(attribute.type());
                rows.add()
                        .set("table_catalog", database)
                        .set("table_schema", relation.namespace().name())
                        .set("table_name", relation.name())
                        .set("column_name", attribute.name())
                        .set("ordinal_position", attribute.number())
                        .set("is_nullable", attribute.notNull() ? "NO" : "YES")
                        .set("data_type", type.dataType())
                        .set("character_maximum_length", type.characterMaximumLength())
                        .set("character_octet_length", type.characterOctetLength())
                        .set("numeric_precision", type.numericPrecision())
                        .set("numeric_precision_radix", type.numericPrecisionRadix())
                        .set("numeric_scale", type.numericScale())
                        .set("datetime_precision", type.datetimePrecision())
                        .set("collation_catalog", null)
                        .set("udt_catalog", database)
                        .set("udt_schema", "pg_catalog")
                        .set("udt_name", type.udtName())
                        .set("dtd_identifier", String.valueOf(attribute.number()))
                        .set("is_self_referencing", "NO")
                        .set("is_identity", "NO")
                        .set("identity_cycle", "NO")
                        .set("is_generated", "NEVER")
                        .set("is_updatable", relation.kind() == 'r' ? "YES" : "NO");
            }
        }
    }

    /** Builds rows by column name; columns not set are NULL. */
    private static final class Rows
    {
        private final CatalogTableDefinition table;
        private final List<Object[]> result = new ArrayList<>();

        Rows(CatalogTableDefinition table)
        {
            this.table = table;
        }

        Row add()
        {
            Object[] values = new Object[table.columns().size()];
            Arrays.fill(values, null);
            result.add(values);
            return new Row(table, values);
        }
    }

    private record Row(CatalogTableDefinition table, Object[] values)
    {
        Row set(String column, Object value)
        {
            values[table.columnIndex(column)] = value;
            return this;
        }
    }
}
