package io.basin.sql.parser;

import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A parsed SQL statement. Queries stay Calcite {@link SqlNode}s until validation. */
public sealed interface Statement
{
    record Query(SqlNode query)
            implements Statement
    {
        public Query
        {
            requireNonNull(query, "query is null");
        }
    }

    record Explain(Statement statement, boolean analyze)
            implements Statement
    {
        public Explain
        {
            requireNonNull(statement, "statement is null");
        }
    }

    record CreateTableAs(List<String> name, SqlNode query, boolean ifNotExists)
            implements Statement
    {
        public CreateTableAs
        {
            name = List.copyOf(name);
            requireNonNull(query, "query is null");
        }
    }

    record ColumnDefinition(String name, SqlDataTypeSpec type, boolean nullable)
    {
        public ColumnDefinition
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    record CreateTable(List<String> name, List<ColumnDefinition> columns, boolean ifNotExists)
            implements Statement
    {
        public CreateTable
        {
            name = List.copyOf(name);
            columns = List.copyOf(columns);
        }
    }

    record Insert(List<String> target, Optional<List<String>> columns, SqlNode source)
            implements Statement
    {
        public Insert
        {
            target = List.copyOf(target);
            columns = columns.map(List::copyOf);
            requireNonNull(source, "source is null");
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

    record DropSchema(List<String> name, boolean ifExists, boolean cascade)
            implements Statement
    {
        public DropSchema
        {
            name = List.copyOf(name);
        }
    }

    /** SET name = value / SET name TO value; value empty for RESET. */
    record SetSession(String name, Optional<String> value)
            implements Statement
    {
        public SetSession
        {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

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
}
