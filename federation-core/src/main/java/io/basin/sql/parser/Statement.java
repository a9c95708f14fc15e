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
}
