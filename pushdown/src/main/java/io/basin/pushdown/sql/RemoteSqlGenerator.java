package io.basin.pushdown.sql;

import io.basin.pushdown.RemoteSqlDialect;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

import static java.util.Objects.requireNonNull;

/**
 * Turns a plan fragment that runs entirely in one source into one SQL statement of the source's
 * dialect, with Calcite's {@link RelToSqlConverter}: every identifier quoted, every literal
 * written as an escaped constant of the dialect (no value is ever pasted in unescaped). Table
 * scans must name the source's own schema and table ({@code [schema, table]}); which operations
 * the fragment may contain is {@link RemoteOperations}'s to decide.
 */
public final class RemoteSqlGenerator
{
    private static final RelDataTypeSystem WIDE_DECIMALS = new RelDataTypeSystemImpl()
    {
        @Override
        public int getMaxPrecision(SqlTypeName typeName)
        {
            return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxPrecision(typeName);
        }

        @Override
        public int getMaxScale(SqlTypeName typeName)
        {
            return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
        }
    };

    private final RemoteSqlDialect dialect;
    private final SqlDialect calciteDialect;

    public RemoteSqlGenerator(RemoteSqlDialect dialect)
    {
        this.dialect = requireNonNull(dialect, "dialect is null");
        // decimals up to 38 digits, as Basin's (Calcite's default type system stops at 19, and
        // would write a cast to decimal(38, 2) as decimal(19, 2))
        this.calciteDialect = switch (dialect) {
            case POSTGRESQL -> new PostgresqlSqlDialect(PostgresqlSqlDialect.DEFAULT_CONTEXT.withDataTypeSystem(WIDE_DECIMALS));
            case MYSQL -> new MysqlSqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT.withDataTypeSystem(WIDE_DECIMALS));
        };
    }

    public RemoteSqlDialect dialect()
    {
        return dialect;
    }

    /** The statement computing {@code fragment}'s rows, its columns named as the fragment's fields. */
    public String toSql(RelNode fragment)
    {
        RelNode exact = dialect == RemoteSqlDialect.MYSQL ? MySqlBinaryComparisons.rewrite(fragment) : fragment;
        SqlNode statement = new RelToSqlConverter(calciteDialect).visitRoot(exact).asStatement();
        String sql = statement.toSqlString(config -> config
                        .withDialect(calciteDialect)
                        .withQuoteAllIdentifiers(true)
                        .withAlwaysUseParentheses(false)
                        .withClauseStartsLine(false)
                        .withClauseEndsLine(false)
                        .withIndentation(0))
                .getSql();
        return oneLine(sql);
    }

    /**
     * The statement on one line (EXPLAIN shows it as one line): line breaks and the indentation
     * after them become one space, except inside quoted literals and identifiers, whose text is
     * kept exactly.
     */
    static String oneLine(String sql)
    {
        StringBuilder result = new StringBuilder(sql.length());
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                result.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                result.append(c);
                continue;
            }
            if (c == '\n' || c == '\r') {
                while (i + 1 < sql.length() && Character.isWhitespace(sql.charAt(i + 1))) {
                    i++;
                }
                if (!result.isEmpty() && result.charAt(result.length() - 1) != ' ') {
                    result.append(' ');
                }
                continue;
            }
            result.append(c);
        }
        return result.toString();
    }
}
