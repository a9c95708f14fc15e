package io.basin.engine;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.plan.PlanNode;
import io.basin.plan.ProjectNode;
import io.basin.plan.ValuesNode;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.ExpressionVisitor;
import io.basin.plan.expr.InputReference;
import io.basin.sql.parser.Statement;
import io.basin.sql.parser.StatementParser;
import io.basin.sql.planner.QueryPlanner;
import io.basin.sql.planner.RexTranslator;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Column defaults of a table for INSERT: the {@code default} column property (the SQL text of a
 * column's {@code DEFAULT} expression, which the warehouse keeps in its manifest) becomes the
 * value of a column an INSERT leaves out, of the {@code DEFAULT} keyword in a {@code VALUES}
 * row, and of every column of {@code INSERT ... DEFAULT VALUES}; a column without one gets NULL,
 * as in PostgreSQL.
 */
final class ColumnDefaults
{
    /** The column property holding the default's SQL text (the warehouse connector's name for it). */
    static final String PROPERTY = "default";

    private final Map<String, String> defaults;

    private ColumnDefaults(Map<String, String> defaults)
    {
        this.defaults = Map.copyOf(requireNonNull(defaults, "defaults is null"));
    }

    /** No defaults: for an INSERT that gives every column. */
    static final ColumnDefaults NONE = new ColumnDefaults(Map.of());

    /** The defaults of the table whose columns {@code columns} describes. */
    static ColumnDefaults of(List<ColumnMetadata> columns)
    {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (ColumnMetadata column : columns) {
            Object value = column.getProperties().get(PROPERTY);
            if (value != null && !value.toString().isBlank()) {
                defaults.put(column.getName(), value.toString());
            }
        }
        return new ColumnDefaults(defaults);
    }

    /** Whether {@code insert} may need defaults: it leaves columns out, says DEFAULT VALUES or has DEFAULT in a VALUES row. */
    static boolean mayNeedDefaults(Statement.Insert insert, int tableColumns)
    {
        if (insert.defaultValues() || insert.columns().map(List::size).orElse(tableColumns) < tableColumns) {
            return true;
        }
        return insert.source() instanceof SqlCall values && values.getKind() == SqlKind.VALUES
                && values.getOperandList().stream().anyMatch(row -> row instanceof SqlCall rowCall
                        && rowCall.getOperandList().stream().anyMatch(field -> field != null && field.getKind() == SqlKind.DEFAULT));
    }

    Optional<String> sql(String column)
    {
        return Optional.ofNullable(defaults.get(column));
    }

    /**
     * {@code insert} with its {@code DEFAULT} keywords replaced: {@code INSERT ... DEFAULT VALUES}
     * becomes a one-row VALUES of the first column, and each {@code DEFAULT} in a VALUES row
     * the default expression of its target column (or NULL).
     */
    Statement.Insert expandKeywords(Statement.Insert insert, List<String> tableColumns)
    {
        if (insert.defaultValues()) {
            SqlParserPos pos = insert.source().getParserPosition();
            SqlNode row = SqlStdOperatorTable.ROW.createCall(pos, expression(tableColumns.getFirst(), pos));
            return new Statement.Insert(insert.target(), Optional.of(List.of(tableColumns.getFirst())), SqlStdOperatorTable.VALUES.createCall(pos, row));
        }
        if (!(insert.source() instanceof SqlCall values) || values.getKind() != SqlKind.VALUES) {
            return insert;
        }
        List<String> targets = insert.columns().orElse(tableColumns);
        boolean changed = false;
        List<SqlNode> rows = new ArrayList<>();
        for (SqlNode row : values.getOperandList()) {
            if (!(row instanceof SqlCall rowCall) || rowCall.getKind() != SqlKind.ROW) {
                rows.add(row);
                continue;
            }
            List<SqlNode> fields = new ArrayList<>(rowCall.getOperandList());
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).getKind() == SqlKind.DEFAULT && i < targets.size()) {
                    fields.set(i, expression(targets.get(i), fields.get(i).getParserPosition()));
                    changed = true;
                }
            }
            rows.add(SqlStdOperatorTable.ROW.createCall(rowCall.getParserPosition(), fields));
        }
        // the statement is reused by prepared statements: a new tree, never the parsed one changed
        return changed ? new Statement.Insert(insert.target(), insert.columns(), SqlStdOperatorTable.VALUES.createCall(values.getParserPosition(), rows)) : insert;
    }

    private SqlNode expression(String column, SqlParserPos pos)
    {
        Optional<String> sql = sql(column);
        if (sql.isEmpty()) {
            return SqlLiteral.createNull(pos);
        }
        return ((SqlSelect) selectOf(List.of(sql.get())).query()).getSelectList().get(0);
    }

    /**
     * The defaults of {@code columns} as expressions of the INSERT's projection, each cast to its
     * column's type. They are planned as {@code SELECT default, ...} and must not read any table,
     * so they are evaluated per row like a constant ({@code getdate()} gives the statement's time).
     */
    List<Expression> plan(QueryPlanner planner, List<String> columns, List<Type> types)
    {
        List<String> sql = columns.stream().map(column -> sql(column).orElseThrow()).toList();
        PlanNode root = planner.plan(selectOf(sql).query()).root();
        List<Expression> expressions = new ArrayList<>();
        if (root instanceof ValuesNode values && values.rows().size() == 1) {
            expressions.addAll(values.rows().getFirst());
        }
        else if (root instanceof ProjectNode project && project.source() instanceof ValuesNode values && values.rows().size() == 1
                && project.projections().stream().noneMatch(ColumnDefaults::readsInput)) {
            expressions.addAll(project.projections());
        }
        else {
            throw new BasinException(BasinErrorCode.FEATURE_NOT_SUPPORTED, "column defaults must be expressions without subqueries: " + String.join(", ", sql));
        }
        List<Expression> cast = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            cast.add(RexTranslator.castIfNeeded(expressions.get(i), types.get(i)));
        }
        return cast;
    }

    private static Statement.Query selectOf(List<String> expressions)
    {
        if (!(StatementParser.parse("SELECT " + String.join(", ", expressions)) instanceof Statement.Query query)) {
            throw new BasinException(BasinErrorCode.INVALID_TABLE_DEFINITION, "invalid column default: " + String.join(", ", expressions));
        }
        return query;
    }

    private static boolean readsInput(Expression expression)
    {
        return expression.accept(new ExpressionVisitor<Boolean, Void>()
        {
            @Override
            public Boolean visitInputReference(InputReference reference, Void context)
            {
                return true;
            }

            @Override
            public Boolean visitConstant(Constant constant, Void context)
            {
                return false;
            }

            @Override
            public Boolean visitCall(io.basin.plan.expr.Call call, Void context)
            {
                return call.arguments().stream().anyMatch(ColumnDefaults::readsInput);
            }

            @Override
            public Boolean visitSpecialForm(io.basin.plan.expr.SpecialForm form, Void context)
            {
                return form.arguments().stream().anyMatch(ColumnDefaults::readsInput);
            }
        }, null);
    }
}
