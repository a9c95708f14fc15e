package io.basin.sql.parser;

import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/** A parsed SQL statement. Queries stay Calcite {@link SqlNode}s until validation. */
public sealed interface Statement
{
    /**
     * A query; {@code text} is the statement text it was parsed from, when it stands alone (the
     * key under which its plan may be reused: the same text always parses to the same query).
     */
    record Query(SqlNode query, Optional<String> text)
            implements Statement
    {
        public Query(SqlNode query)
        {
            this(query, Optional.empty());
        }

        public Query
        {
            requireNonNull(query, "query is null");
            requireNonNull(text, "text is null");
        }
    }

    /** {@code EXPLAIN [ANALYZE] [VERBOSE] statement}; with {@code verbose}, EXPLAIN ANALYZE shows every operator of a node. */
    record Explain(Statement statement, boolean analyze, boolean verbose)
            implements Statement
    {
        public Explain
        {
            requireNonNull(statement, "statement is null");
        }

        public Explain(Statement statement, boolean analyze)
        {
            this(statement, analyze, false);
        }
    }

    /**
     * {@code DELETE FROM target [WHERE condition]}; {@code rows} is {@code SELECT * FROM target
     * [WHERE condition]}, which the engine plans to find the rows to delete.
     */
    record Delete(List<String> target, SqlNode rows)
            implements Statement
    {
        public Delete
        {
            target = List.copyOf(target);
            requireNonNull(rows, "rows is null");
        }
    }

    /**
     * {@code UPDATE target [alias] SET column = value, ... [FROM ...] [WHERE condition]};
     * {@code rows} is {@code SELECT alias.*, value, ... FROM target AS alias [, ...] [WHERE
     * condition]}, whose {@code alias.*} the engine extends with the table's row id column, so
     * the rows it plans are the table's columns, the row id and the new values of {@code columns}.
     */
    record Update(List<String> target, List<String> columns, SqlNode rows)
            implements Statement
    {
        public Update
        {
            target = List.copyOf(target);
            columns = List.copyOf(columns);
            requireNonNull(rows, "rows is null");
        }

        /** Whether the statement has a FROM list, so its join may match a target row more than once. */
        public boolean hasFromList()
        {
            return rows instanceof SqlSelect select && select.getFrom() instanceof SqlJoin;
        }
    }

    /** {@code ALTER TABLE [IF EXISTS] name action}. */
    record AlterTable(List<String> name, boolean ifExists, AlterAction action)
            implements Statement
    {
        public AlterTable
        {
            name = List.copyOf(name);
            requireNonNull(action, "action is null");
        }
    }

    /** What an ALTER TABLE changes. */
    sealed interface AlterAction
    {
        /**
         * {@code ADD [COLUMN] [IF NOT EXISTS] column type [DEFAULT expression] [ENCODE e] [NULL]};
         * {@code defaultValue} is the expression's SQL text.
         */
        record AddColumn(ColumnDefinition column, Optional<String> defaultValue, boolean ifNotExists)
                implements AlterAction
        {
            public AddColumn
            {
                requireNonNull(column, "column is null");
                requireNonNull(defaultValue, "defaultValue is null");
            }
        }

        /** {@code DROP [COLUMN] [IF EXISTS] column [RESTRICT | CASCADE]}. */
        record DropColumn(String column, boolean ifExists)
                implements AlterAction
        {
            public DropColumn
            {
                requireNonNull(column, "column is null");
            }
        }

        /** {@code RENAME [COLUMN] from TO to}. */
        record RenameColumn(String from, String to)
                implements AlterAction
        {
            public RenameColumn
            {
                requireNonNull(from, "from is null");
                requireNonNull(to, "to is null");
            }
        }

        /** {@code RENAME TO name}: a new name in the same schema (or the schema given). */
        record RenameTable(List<String> newName)
                implements AlterAction
        {
            public RenameTable
            {
                newName = List.copyOf(newName);
            }
        }
    }

    /**
     * {@code ANALYZE [VERBOSE] [name [(columns)]] [PREDICATE COLUMNS | ALL COLUMNS]}: statistics
     * of every column of the table, or of every table of the current database when no name is given.
     */
    record Analyze(Optional<List<String>> target)
            implements Statement
    {
        public Analyze
        {
            target = target.map(List::copyOf);
        }
    }

    /** {@code VACUUM [FULL | SORT ONLY | DELETE ONLY] [name]}: every table of the current database when no name is given. */
    record Vacuum(Optional<List<String>> target)
            implements Statement
    {
        public Vacuum
        {
            target = target.map(List::copyOf);
        }
    }

    /** {@code TRUNCATE [TABLE] name}. */
    record Truncate(List<String> target)
            implements Statement
    {
        public Truncate
        {
            target = List.copyOf(target);
        }
    }

    /** {@code properties}: table attributes for the connector, e.g. Redshift's {@code sortkey} (see {@code RedshiftTableAttributes}). */
    record CreateTableAs(List<String> name, SqlNode query, boolean ifNotExists, java.util.Map<String, Object> properties)
            implements Statement
    {
        public CreateTableAs
        {
            name = List.copyOf(name);
            requireNonNull(query, "query is null");
            properties = java.util.Map.copyOf(properties);
        }

        public CreateTableAs(List<String> name, SqlNode query, boolean ifNotExists)
        {
            this(name, query, ifNotExists, java.util.Map.of());
        }
    }

    /** {@code encoding}: the column's Redshift {@code ENCODE}, if declared. */
    /** A column of CREATE TABLE; {@code defaultValue} is the SQL text of its {@code DEFAULT} expression. */
    record ColumnDefinition(String name, SqlDataTypeSpec type, boolean nullable, Optional<String> encoding, Optional<String> defaultValue)
    {
        public ColumnDefinition
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(encoding, "encoding is null");
            requireNonNull(defaultValue, "defaultValue is null");
        }

        public ColumnDefinition(String name, SqlDataTypeSpec type, boolean nullable)
        {
            this(name, type, nullable, Optional.empty(), Optional.empty());
        }
    }

    /** {@code properties}: table attributes for the connector, e.g. Redshift's {@code sortkey} (see {@code RedshiftTableAttributes}). */
    record CreateTable(List<String> name, List<ColumnDefinition> columns, boolean ifNotExists, java.util.Map<String, Object> properties)
            implements Statement
    {
        public CreateTable
        {
            name = List.copyOf(name);
            columns = List.copyOf(columns);
            properties = java.util.Map.copyOf(properties);
        }

        public CreateTable(List<String> name, List<ColumnDefinition> columns, boolean ifNotExists)
        {
            this(name, columns, ifNotExists, java.util.Map.of());
        }
    }

    /**
     * {@code INSERT INTO target [(columns)] source}; {@code INSERT INTO target DEFAULT VALUES} is
     * an empty column list and the source {@code VALUES (DEFAULT)} (see {@link #defaultValues()}).
     */
    record Insert(List<String> target, Optional<List<String>> columns, SqlNode source)
            implements Statement
    {
        public Insert
        {
            target = List.copyOf(target);
            columns = columns.map(List::copyOf);
            requireNonNull(source, "source is null");
        }

        /** Whether this is {@code INSERT ... DEFAULT VALUES}: one row, every column its default. */
        public boolean defaultValues()
        {
            return columns.isPresent() && columns.get().isEmpty();
        }
    }

    record DropTable(List<String> name, boolean ifExists)
            implements Statement
    {
        public DropTable
        {
            name = List.copyOf(name);
        }
    }

    record CreateSchema(List<String> name, boolean ifNotExists)
            implements Statement
    {
        public CreateSchema
        {
            name = List.copyOf(name);
        }
    }

    /**
     * {@code CREATE EXTERNAL SCHEMA name FROM source ...}: a schema of the local database bound
     * to a source.
     *
     * @param name the local schema's name
     * @param source the kind of source, lower case: {@code postgres}, {@code mysql}
     * @param options the clauses by upper-case keyword ({@code DATABASE}, {@code URI}, {@code PORT},
     *        {@code USER}, {@code PASSWORD}, ...), values as written; may hold a password, so
     *        {@link #toString()} leaves out every value
     */
    record CreateExternalSchema(String name, String source, java.util.Map<String, String> options, boolean ifNotExists)
            implements Statement
    {
        public CreateExternalSchema
        {
            requireNonNull(name, "name is null");
            requireNonNull(source, "source is null");
            options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requireNonNull(options, "options is null")));
        }

        @Override
        public String toString()
        {
            return "CreateExternalSchema[name=%s, source=%s, options=%s, ifNotExists=%s]".formatted(name, source, options.keySet(), ifNotExists);
        }
    }

    record DropSchema(List<String> name, boolean ifExists, boolean cascade)
            implements Statement
    {
        public DropSchema
        {
            name = List.copyOf(name);
        }
    }

    /**
     * SET [SESSION | LOCAL] name {TO | =} value [, ...]; the value's elements as written (string
     * literals unquoted, identifiers folded). Empty values: RESET name or SET name TO DEFAULT;
     * name {@value #ALL} with empty values: RESET ALL.
     */
    record SetSession(String name, Optional<List<String>> values, boolean local)
            implements Statement
    {
        public static final String ALL = "all";

        public SetSession
        {
            requireNonNull(name, "name is null");
            values = requireNonNull(values, "values is null").map(List::copyOf);
        }

        public SetSession(String name, Optional<List<String>> values)
        {
            this(name, values, false);
        }
    }

    /** SHOW name; SHOW ALL has the name {@value SetSession#ALL}. */
    record Show(String name)
            implements Statement
    {
        public Show
        {
            requireNonNull(name, "name is null");
        }
    }

    /** BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT. */
    record TransactionControl(Kind kind)
            implements Statement
    {
        public enum Kind { BEGIN, COMMIT, ROLLBACK }

        public TransactionControl
        {
            requireNonNull(kind, "kind is null");
        }
    }

    /**
     * {@code COPY (query) TO STDOUT} or {@code COPY table [(columns)] TO STDOUT}, with PostgreSQL's
     * text or CSV format options.
     */
    record CopyTo(Statement.Query query, CopyFormat format)
            implements Statement
    {
        public CopyTo
        {
            requireNonNull(query, "query is null");
            requireNonNull(format, "format is null");
        }
    }

    /**
     * Redshift's {@code COPY table [(columns)] FROM 'location'} of a delimited text file:
     * {@code FORMAT CSV}, {@code DELIMITER}, {@code IGNOREHEADER n}, {@code NULL AS},
     * {@code QUOTE}, or {@code FORMAT PARQUET} ({@code parquet}; columns matched by name). The
     * location is a {@code file:} URI or path; {@code skipLines} leading lines are skipped.
     */
    record CopyFrom(List<String> target, Optional<List<String>> columns, String location, CopyFormat format, int skipLines, boolean parquet, ObjectStoreAccess access)
            implements Statement
    {
        public CopyFrom
        {
            target = List.copyOf(target);
            columns = columns.map(List::copyOf);
            requireNonNull(location, "location is null");
            requireNonNull(format, "format is null");
            requireNonNull(access, "access is null");
        }
    }

    /**
     * Redshift's {@code UNLOAD ('query') TO 'location' FORMAT PARQUET}: the query's rows into
     * Parquet part files named after {@code location}, a new part once one reaches {@code maxFileBytes}.
     */
    record Unload(Statement.Query query, String location, ObjectStoreAccess access, long maxFileBytes)
            implements Statement
    {
        public Unload
        {
            requireNonNull(query, "query is null");
            requireNonNull(location, "location is null");
            requireNonNull(access, "access is null");
            if (maxFileBytes <= 0) {
                throw new IllegalArgumentException("maxFileBytes must be positive");
            }
        }
    }

    /**
     * How COPY and UNLOAD reach an S3 location: Redshift's {@code ACCESS_KEY_ID},
     * {@code SECRET_ACCESS_KEY}, {@code SESSION_TOKEN} (or the same in one {@code CREDENTIALS}
     * string) and {@code REGION}, plus Basin's {@code ENDPOINT} for S3-compatible stores. Without
     * keys the AWS SDK's default credential chain applies. {@link #toString()} shows which parts
     * are set, never the keys.
     */
    record ObjectStoreAccess(Optional<String> accessKeyId, Optional<String> secretAccessKey, Optional<String> sessionToken, Optional<String> region, Optional<String> endpoint)
    {
        public static final ObjectStoreAccess NONE = new ObjectStoreAccess(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public ObjectStoreAccess
        {
            requireNonNull(accessKeyId, "accessKeyId is null");
            requireNonNull(secretAccessKey, "secretAccessKey is null");
            requireNonNull(sessionToken, "sessionToken is null");
            requireNonNull(region, "region is null");
            requireNonNull(endpoint, "endpoint is null");
        }

        public boolean isEmpty()
        {
            return equals(NONE);
        }

        /** Whether {@code location} names objects in S3: {@code s3://bucket/key} or {@code s3a://bucket/key}. */
        public static boolean isObjectStore(String location)
        {
            return location.regionMatches(true, 0, "s3://", 0, 5) || location.regionMatches(true, 0, "s3a://", 0, 6);
        }

        /** {@code text} with every key this access holds replaced by {@code ***}, for messages that may quote them. */
        public String redact(String text)
        {
            if (text == null) {
                return null;
            }
            String redacted = text;
            for (Optional<String> secret : List.of(secretAccessKey, sessionToken, accessKeyId)) {
                if (secret.isPresent() && !secret.get().isEmpty()) {
                    redacted = redacted.replace(secret.get(), "***");
                }
            }
            return redacted;
        }

        @Override
        public String toString()
        {
            return "ObjectStoreAccess{keys=%s, sessionToken=%s, region=%s, endpoint=%s}".formatted(
                    accessKeyId.isPresent() ? "***" : "default", sessionToken.isPresent() ? "***" : "none", region.orElse("default"), endpoint.orElse("default"));
        }
    }

    /**
     * The row format of COPY: PostgreSQL's {@code text} (tab-separated, {@code \N} for NULL,
     * backslash escapes) or {@code csv} (comma-separated, quoted when needed, empty for NULL).
     */
    record CopyFormat(boolean csv, char delimiter, String nullString, boolean header, char quote, char escape)
    {
        public CopyFormat
        {
            requireNonNull(nullString, "nullString is null");
        }

        public static CopyFormat textDefaults()
        {
            return new CopyFormat(false, '\t', "\\N", false, '"', '"');
        }

        public static CopyFormat csvDefaults()
        {
            return new CopyFormat(true, ',', "", false, '"', '"');
        }
    }

    /**
     * CREATE/ALTER/DROP USER and ROLE: users kept in the system catalog. Their {@code toString}
     * never shows a password.
     */
    sealed interface UserStatement
            extends Statement {}

    /** CREATE USER, or CREATE ROLE when {@code role} (which may not log in unless LOGIN is given). */
    record CreateUser(String name, UserOptions options, boolean role)
            implements UserStatement
    {
        public CreateUser
        {
            requireNonNull(name, "name is null");
            requireNonNull(options, "options is null");
        }
    }

    record AlterUser(String name, UserOptions options)
            implements UserStatement
    {
        public AlterUser
        {
            requireNonNull(name, "name is null");
            requireNonNull(options, "options is null");
        }
    }

    record RenameUser(String name, String newName)
            implements UserStatement
    {
        public RenameUser
        {
            requireNonNull(name, "name is null");
            requireNonNull(newName, "newName is null");
        }
    }

    record DropUser(List<String> names, boolean ifExists)
            implements UserStatement
    {
        public DropUser
        {
            names = List.copyOf(names);
        }
    }

    /**
     * The options of CREATE/ALTER USER; empty when not given. {@code connectionLimit} -1 is
     * {@code UNLIMITED}; {@code validUntil} is the text of {@code VALID UNTIL '…'}.
     */
    record UserOptions(
            Optional<PasswordOption> password,
            Optional<Boolean> superuser,
            Optional<Boolean> createDatabase,
            Optional<Boolean> login,
            Optional<String> validUntil,
            OptionalInt connectionLimit)
    {
        public static final UserOptions NONE = new UserOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());

        public UserOptions
        {
            requireNonNull(password, "password is null");
            requireNonNull(superuser, "superuser is null");
            requireNonNull(createDatabase, "createDatabase is null");
            requireNonNull(login, "login is null");
            requireNonNull(validUntil, "validUntil is null");
            requireNonNull(connectionLimit, "connectionLimit is null");
        }
    }

    /** {@code PASSWORD '…'} or {@code PASSWORD DISABLE} / {@code PASSWORD NULL}. */
    sealed interface PasswordOption
    {
        /** No password: password authentication fails for the user. */
        record Disabled()
                implements PasswordOption {}

        /** A plain password, or an md5 hash or SCRAM verifier in PostgreSQL's stored form. */
        record Literal(String value)
                implements PasswordOption
        {
            public Literal
            {
                requireNonNull(value, "value is null");
            }

            @Override
            public String toString()
            {
                return "Literal[***]";
            }
        }
    }
}
