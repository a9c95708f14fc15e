package io.basin.metadata.pgcatalog;

import com.google.common.base.Suppliers;
import io.basin.metadata.QualifiedTableName;
import io.basin.metadata.QueryCatalogs;
import io.basin.metadata.RoleDescription;
import io.basin.metadata.SessionContext;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorTableMetadata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static io.basin.metadata.pgcatalog.CatalogTableDefinitions.INFORMATION_SCHEMA;
import static io.basin.metadata.pgcatalog.CatalogTableDefinitions.PG_CATALOG;
import static java.util.Objects.requireNonNull;

/**
 * Basin's schemas, tables and columns as PostgreSQL's catalogs describe them, read from the live
 * connector metadata of one statement. Listing is lazy: a query of {@code pg_namespace} lists
 * schemas only, and column metadata is read only when {@code pg_attribute} (or the like) needs it.
 *
 * <p><b>Names.</b> The session's database is the local catalog ({@code dev}); its schemas appear
 * under their own names. Every other catalog's schemas appear as namespaces named
 * {@code catalog.schema} ({@code tpch.tiny}), which the analyzer resolves as a schema of the
 * local database, so {@code SELECT * FROM "tpch.tiny".nation} — what a client writes back from
 * the name it was shown — names the same table as {@code tpch.tiny.nation}. {@code pg_catalog}
 * and {@code information_schema} come first.
 */
public final class PgCatalogSnapshot
{
    /** The oid of the role that owns every object: PostgreSQL's bootstrap superuser. */
    public static final long OWNER_OID = 10;
    public static final long PG_CATALOG_OID = 11;
    public static final long PUBLIC_OID = 2200;
    public static final long INFORMATION_SCHEMA_OID = 13000;
    /** The name of the owner role: the engine's default user (the system catalog's bootstrap user). */
    public static final String OWNER = "basin";

    /** A namespace (schema) of the current database. */
    public record Namespace(long oid, String name, Optional<QualifiedSchema> source)
    {
        public Namespace
        {
            requireNonNull(name, "name is null");
            requireNonNull(source, "source is null");
        }

        /** {@code pg_catalog} or {@code information_schema}, which Basin computes itself. */
        public boolean isBuiltin()
        {
            return source.isEmpty();
        }
    }

    /** The connector catalog and schema behind a namespace. */
    public record QualifiedSchema(String catalog, String schema)
    {
        public QualifiedSchema
        {
            requireNonNull(catalog, "catalog is null");
            requireNonNull(schema, "schema is null");
        }
    }

    /** A table or view; {@code kind} is PostgreSQL's {@code relkind} ({@code r}, {@code v}). */
    public record Relation(long oid, Namespace namespace, String name, char kind, Supplier<Described> described)
    {
        public Relation
        {
            requireNonNull(namespace, "namespace is null");
            requireNonNull(name, "name is null");
            requireNonNull(described, "described is null");
        }

        public List<Attribute> attributes()
        {
            return described.get().attributes();
        }

        public Optional<String> comment()
        {
            return described.get().comment();
        }
    }

    /** A relation's columns and comment, read on demand. */
    public record Described(List<Attribute> attributes, Optional<String> comment)
    {
        public Described
        {
            attributes = List.copyOf(attributes);
            requireNonNull(comment, "comment is null");
        }
    }

    /** A column; {@code number} is {@code attnum}, from 1. */
    public record Attribute(String name, int number, TypeReference type, boolean notNull, Optional<String> comment)
    {
        public Attribute
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(comment, "comment is null");
        }
    }

    public record Database(long oid, String name, boolean allowConnections) {}

    private final QueryCatalogs catalogs;
    private final SessionContext session;
    private final Supplier<List<Namespace>> namespaces = Suppliers.memoize(this::listNamespaces);
    private final Supplier<List<Relation>> relations = Suppliers.memoize(this::listRelations);
    private final Supplier<List<RoleDescription>> roles = Suppliers.memoize(this::listRoles);

    public PgCatalogSnapshot(QueryCatalogs catalogs, SessionContext session)
    {
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        this.session = requireNonNull(session, "session is null");
    }

    public SessionContext session()
    {
        return session;
    }

    public List<Namespace> namespaces()
    {
        return namespaces.get();
    }

    public Optional<Namespace> namespace(String name)
    {
        return namespaces().stream().filter(namespace -> namespace.name().equals(name)).findFirst();
    }

    public List<Relation> relations()
    {
        return relations.get();
    }

    /** The roles there are; the session's user among them even if it is not in the system catalog. */
    public List<RoleDescription> roles()
    {
        return roles.get();
    }

    private List<RoleDescription> listRoles()
    {
        List<RoleDescription> result = new ArrayList<>(session.roles().get());
        if (result.stream().noneMatch(role -> role.oid() == OWNER_OID)) {
            result.add(0, new RoleDescription(OWNER_OID, OWNER, true, true, true, java.util.OptionalInt.empty(), Optional.empty()));
        }
        if (result.stream().noneMatch(role -> role.name().equals(session.user()))) {
            result.add(new RoleDescription(session.objectIds().oid(ObjectIds.Kind.ROLE, session.user()), session.user(), false, false, true, java.util.OptionalInt.empty(), Optional.empty()));
        }
        return List.copyOf(result);
    }

    public long userOid()
    {
        return roles().stream().filter(role -> role.name().equals(session.user())).findFirst().orElseThrow().oid();
    }

    public List<Database> databases()
    {
        List<Database> databases = new ArrayList<>();
        for (String catalog : catalogs.catalogNames().stream().sorted().toList()) {
            databases.add(new Database(databaseOid(catalog), catalog, catalog.equals(session.database())));
        }
        return databases;
    }

    public long databaseOid(String name)
    {
        return session.objectIds().oid(ObjectIds.Kind.DATABASE, name);
    }

    /**
     * The namespaces that unqualified names are looked up in, in order: {@code pg_catalog} first
     * unless the path lists it elsewhere, then the path's schemas that exist ({@code $user} is the
     * user's own schema, if there is one).
     */
    public List<Namespace> effectiveSearchPath(boolean includeImplicit)
    {
        List<Namespace> path = new ArrayList<>();
        List<String> listed = session.searchPath();
        if (includeImplicit && !listed.contains(PG_CATALOG)) {
            namespace(PG_CATALOG).ifPresent(path::add);
        }
        for (String name : listed) {
            String resolved = name.equals("$user") ? session.user() : name;
            namespace(resolved).filter(namespace -> !path.contains(namespace)).ifPresent(path::add);
        }
        return path;
    }

    /** The oids of the relations an unqualified name can reach ({@code pg_table_is_visible}). */
    public Set<Long> visibleRelationOids()
    {
        Set<Long> visible = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Namespace namespace : effectiveSearchPath(true)) {
            for (Relation relation : relations()) {
                if (relation.namespace().equals(namespace) && seen.add(relation.name())) {
                    visible.add(relation.oid());
                }
            }
        }
        return visible;
    }

    /**
     * A relation by a name as {@code ::regclass} reads it: {@code name} searched along the path,
     * or {@code schema.name}.
     */
    public Optional<Relation> relationByName(String namespaceName, String name)
    {
        if (namespaceName != null) {
            return relations().stream().filter(relation -> relation.namespace().name().equals(namespaceName) && relation.name().equals(name)).findFirst();
        }
        for (Namespace namespace : effectiveSearchPath(true)) {
            Optional<Relation> found = relations().stream().filter(relation -> relation.namespace().equals(namespace) && relation.name().equals(name)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private List<Namespace> listNamespaces()
    {
        List<Namespace> result = new ArrayList<>();
        result.add(new Namespace(PG_CATALOG_OID, PG_CATALOG, Optional.empty()));
        result.add(new Namespace(INFORMATION_SCHEMA_OID, INFORMATION_SCHEMA, Optional.empty()));
        String local = session.database();
        if (catalogs.catalogExists(local)) {
            for (String schema : catalogs.listSchemas(local).stream().sorted().toList()) {
                if (CatalogTableDefinitions.isCatalogSchema(schema)) {
                    continue;
                }
                long oid = schema.equals("public") ? PUBLIC_OID : session.objectIds().oid(ObjectIds.Kind.NAMESPACE, local, schema);
                result.add(new Namespace(oid, schema, Optional.of(new QualifiedSchema(local, schema))));
            }
        }
        for (String catalog : catalogs.catalogNames().stream().sorted().toList()) {
            if (catalog.equals(local)) {
                continue;
            }
            for (String schema : catalogs.listSchemas(catalog).stream().sorted().toList()) {
                long oid = session.objectIds().oid(ObjectIds.Kind.NAMESPACE, catalog, schema);
                result.add(new Namespace(oid, catalog + "." + schema, Optional.of(new QualifiedSchema(catalog, schema))));
            }
        }
        return List.copyOf(result);
    }

    private List<Relation> listRelations()
    {
        List<Relation> result = new ArrayList<>();
        for (Namespace namespace : namespaces()) {
            if (namespace.source().isEmpty()) {
                for (CatalogTableDefinition definition : CatalogTableDefinitions.tables(namespace.name())) {
                    long oid = definition.fixedOid().orElseGet(() -> session.objectIds().oid(ObjectIds.Kind.RELATION, session.database(), definition.schema(), definition.name()));
                    result.add(new Relation(oid, namespace, definition.name(), definition.relkind(), () -> describeBuiltin(definition)));
                }
                continue;
            }
            QualifiedSchema source = namespace.source().get();
            for (String table : catalogs.listTables(source.catalog(), source.schema()).stream().sorted().toList()) {
                QualifiedTableName name = new QualifiedTableName(source.catalog(), source.schema(), table);
                long oid = session.objectIds().tableOid(source.catalog(), source.schema(), table);
                result.add(new Relation(oid, namespace, table, 'r', Suppliers.memoize(() -> describe(name))));
            }
        }
        return List.copyOf(result);
    }

    private Described describe(QualifiedTableName name)
    {
        Optional<ConnectorTableMetadata> metadata = catalogs.tableMetadata(name);
        if (metadata.isEmpty()) {
            // dropped between listing and describing
            return new Described(List.of(), Optional.empty());
        }
        List<Attribute> attributes = new ArrayList<>();
        for (ColumnMetadata column : metadata.get().getColumns()) {
            if (column.isHidden()) {
                continue;
            }
            attributes.add(new Attribute(column.getName(), attributes.size() + 1, PgTypeMapping.describe(column.getType()), !column.isNullable(), Optional.ofNullable(column.getComment())));
        }
        return new Described(attributes, metadata.get().getComment());
    }

    private static Described describeBuiltin(CatalogTableDefinition definition)
    {
        List<Attribute> attributes = new ArrayList<>();
        for (CatalogColumn column : definition.columns()) {
            attributes.add(new Attribute(column.name(), attributes.size() + 1, new TypeReference(column.type().typeOid(), -1), false, Optional.empty()));
        }
        return new Described(attributes, Optional.empty());
    }

    /** Comments of relations ({@code objsubid} 0) and of their columns, by relation oid. */
    public Map<Long, Map<Integer, String>> descriptions()
    {
        Map<Long, Map<Integer, String>> descriptions = new LinkedHashMap<>();
        for (Relation relation : relations()) {
            if (relation.namespace().isBuiltin()) {
                continue;
            }
            relation.comment().ifPresent(comment -> descriptions.computeIfAbsent(relation.oid(), _ -> new LinkedHashMap<>()).put(0, comment));
            for (Attribute attribute : relation.attributes()) {
                attribute.comment().ifPresent(comment -> descriptions.computeIfAbsent(relation.oid(), _ -> new LinkedHashMap<>()).put(attribute.number(), comment));
            }
        }
        return descriptions;
    }
}
