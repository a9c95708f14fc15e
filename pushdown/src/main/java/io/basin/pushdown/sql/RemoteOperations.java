package io.basin.pushdown.sql;

import io.basin.pushdown.RemoteSqlDialect;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;

import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which plan operations a remote dialect runs with exactly Basin's semantics, so that they may be
 * sent to the source. Conservative by design: anything whose meaning could differ stays in Basin.
 * {@link #supportsCondition} also judges single conjuncts, so a filter can be split into the part
 * the source runs and the part Basin runs.
 *
 * <ul>
 * <li>Strings: only equality, {@code IN}, {@code LIKE} and grouping, which mean the same under
 *     any deterministic collation; never ordering ({@code <}, {@code ORDER BY}, {@code min},
 *     {@code max}), which depends on the source's collation.</li>
 * <li>Floating point: never compared, grouped, sorted or aggregated: PostgreSQL treats NaN as
 *     equal to itself and larger than every number, unlike IEEE comparison.</li>
 * <li>Arithmetic: {@code +}, {@code -}, {@code *} on exact numbers; no division (integer and
 *     decimal division differ in scale and rounding between engines).</li>
 * <li>Casts: only widening casts between exact numeric types, date to timestamp, and casts of a string to a string
 *     type (which Basin's pushdown adds to compare a column by its text).</li>
 * <li>Aggregates: {@code count}, {@code count(DISTINCT)}, {@code sum} of exact numbers,
 *     {@code min}/{@code max} of numbers, dates, timestamps and booleans; simple {@code GROUP BY};
 *     no {@code avg} (its scale and rounding differ).</li>
 * <li>Joins: inner, left and right outer; sorts only with a {@code LIMIT} (Basin keeps the final order).</li>
 * </ul>
 * <p>MySQL additionally compares strings case-insensitively and ignores trailing spaces under its
 * default collations: string comparisons (also ordering ones, and {@code LIKE} with a pattern
 * free of {@code _} and backslashes) are pushed to it only as comparisons of the strings' bytes
 * ({@link MySqlBinaryComparisons}); string grouping is never pushed.
 */
public final class RemoteOperations
{
    private static final Set<SqlKind> COMPARISONS = Set.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
            SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);
    private static final Set<SqlKind> ORDERING = Set.of(SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);

    private final RemoteSqlDialect dialect;

    public RemoteOperations(RemoteSqlDialect dialect)
    {
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    /** Whether {@code node} itself (not its inputs) can run remotely. Table scans are the caller's to judge. */
    public boolean supports(RelNode node)
    {
        return switch (node) {
            case Filter filter -> supportsCondition(filter.getCondition());
            case Project project -> project.getProjects().stream().allMatch(this::supportsValue);
            case Aggregate aggregate -> aggregate.getGroupType() == Aggregate.Group.SIMPLE
                    && aggregate.getGroupSet().asList().stream().allMatch(key -> groupable(aggregate.getInput().getRowType().getFieldList().get(key).getType()))
                    && aggregate.getAggCallList().stream().allMatch(call -> supports(call, aggregate.getInput().getRowType()));
            case Join join -> (join.getJoinType() == JoinRelType.INNER || join.getJoinType() == JoinRelType.LEFT || join.getJoinType() == JoinRelType.RIGHT) && supportsCondition(join.getCondition());
            case Sort sort -> sort.fetch != null
                    && (sort.fetch instanceof RexLiteral) && (sort.offset == null || sort.offset instanceof RexLiteral)
                    && sort.getCollation().getFieldCollations().stream().allMatch(collation -> orderable(sort.getInput().getRowType().getFieldList().get(collation.getFieldIndex()).getType())
                            && collation.direction != RelFieldCollation.Direction.STRICTLY_ASCENDING && collation.direction != RelFieldCollation.Direction.STRICTLY_DESCENDING);
            default -> false;
        };
    }

    private boolean supports(AggregateCall call, RelDataType inputRowType)
    {
        if (call.filterArg >= 0 || call.isApproximate() || !call.getCollation().getFieldCollations().isEmpty()) {
            return false;
        }
        List<RelDataType> arguments = call.getArgList().stream().map(index -> inputRowType.getFieldList().get(index).getType()).toList();
        return switch (call.getAggregation().getKind()) {
            case COUNT -> arguments.stream().allMatch(this::groupable);
            case SUM, SUM0 -> !call.isDistinct() && arguments.size() == 1 && isExactNumeric(arguments.getFirst()) && call.getAggregation().getKind() == SqlKind.SUM;
            case MIN, MAX -> arguments.size() == 1 && orderable(arguments.getFirst());
            default -> false;
        };
    }

    /** Whether a boolean expression (a filter, a join condition or one conjunct of them) runs remotely with Basin's meaning. */
    public boolean supportsCondition(RexNode condition)
    {
        return supportsValue(condition);
    }

    /** Whether an expression evaluates remotely to what Basin computes. */
    private boolean supportsValue(RexNode node)
    {
        return switch (node) {
            case RexInputRef _ -> true;
            case RexLiteral literal -> supportsLiteral(literal);
            case RexCall call -> supportsCall(call);
            default -> false;
        };
    }

    private boolean supportsLiteral(RexLiteral literal)
    {
        SqlTypeName type = literal.getType().getSqlTypeName();
        return switch (type) {
            case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, TIMESTAMP -> true;
            case CHAR, VARCHAR -> literal.getValue2() == null || !literal.getValueAs(String.class).contains("\0");
            case NULL -> true;
            default -> false;
        };
    }

    private boolean supportsCall(RexCall call)
    {
        List<RexNode> operands = call.getOperands();
        List<RexNode> values = call.getKind() == SqlKind.SEARCH ? operands.subList(0, 1) : operands;
        if (!values.stream().allMatch(this::supportsValue)) {
            return false;
        }
        SqlKind kind = call.getKind();
        if (COMPARISONS.contains(kind)) {
            RelDataType left = operands.get(0).getType();
            RelDataType right = operands.get(1).getType();
            if (binaryComparable(left) && binaryComparable(right)) {
                return true;
            }
            if (ORDERING.contains(kind)) {
                return orderable(left) && orderable(right);
            }
            return groupable(left) && groupable(right);
        }
        return switch (kind) {
            case AND, OR, NOT, IS_NULL, IS_NOT_NULL -> true;
            // IN lists (points) and ranges (BETWEEN), as Calcite represents them
            case SEARCH -> operands.get(1) instanceof RexLiteral sarg && sarg.getValueAs(Sarg.class) != null
                    && (binaryComparable(operands.get(0).getType())
                    || (sarg.getValueAs(Sarg.class).isPoints() ? groupable(operands.get(0).getType()) : orderable(operands.get(0).getType())));
            case LIKE -> call.getOperator() == SqlStdOperatorTable.LIKE && operands.size() == 2
                    && operands.stream().allMatch(operand -> isString(operand.getType()))
                    && (dialect == RemoteSqlDialect.POSTGRESQL || binaryLikePattern(operands));
            case PLUS, MINUS, TIMES -> operands.stream().allMatch(operand -> isExactNumeric(operand.getType())) && isExactNumeric(call.getType());
            case CAST -> supportsCast(operands.getFirst().getType(), call.getType());
            default -> false;
        };
    }

    private boolean supportsCast(RelDataType from, RelDataType to)
    {
        if (isString(from) && isString(to)) {
            // a string column compared by its text; lengths never shrink (that would truncate)
            return to.getSqlTypeName() == SqlTypeName.VARCHAR && (to.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED || to.getPrecision() >= from.getPrecision());
        }
        // a date as the timestamp of its midnight, in every engine
        if (from.getSqlTypeName() == SqlTypeName.DATE && to.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            return true;
        }
        // exact numbers widened without rounding: every value of the source type fits the target
        if (isExactNumeric(from) && isExactNumeric(to)) {
            return integerDigits(to) >= integerDigits(from) && scale(to) >= scale(from);
        }
        return false;
    }

    /**
     * Whether MySQL compares values of {@code type} exactly as Basin does once both sides are cast
     * to binary strings ({@link MySqlBinaryComparisons}): {@code varchar}, whose bytes are UTF-8,
     * compared byte by byte with no padding. ({@code char} keeps Basin's padding rules.)
     */
    private boolean binaryComparable(RelDataType type)
    {
        return dialect == RemoteSqlDialect.MYSQL && type.getSqlTypeName() == SqlTypeName.VARCHAR;
    }

    /**
     * A MySQL {@code LIKE} over binary strings matches bytes: the same as Basin's character-wise
     * match when the pattern is a literal without {@code _} (one byte, not one character) and
     * without a backslash (whose escaping depends on the server's SQL mode).
     */
    private boolean binaryLikePattern(List<RexNode> operands)
    {
        if (!binaryComparable(operands.get(0).getType()) || !(operands.get(1) instanceof RexLiteral pattern) || pattern.getValue2() == null) {
            return false;
        }
        String text = pattern.getValueAs(String.class);
        return text.indexOf('_') < 0 && text.indexOf('\\') < 0;
    }

    private static int integerDigits(RelDataType type)
    {
        return switch (type.getSqlTypeName()) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            default -> type.getPrecision() - type.getScale();
        };
    }

    private static int scale(RelDataType type)
    {
        return type.getSqlTypeName() == SqlTypeName.DECIMAL ? type.getScale() : 0;
    }

    /** Compared for equality and grouped alike remotely and in Basin. */
    private boolean groupable(RelDataType type)
    {
        if (isString(type)) {
            return dialect == RemoteSqlDialect.POSTGRESQL;
        }
        return orderable(type);
    }

    /** Ordered alike remotely and in Basin. */
    private static boolean orderable(RelDataType type)
    {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, TIMESTAMP -> true;
            default -> false;
        };
    }

    private static boolean isExactNumeric(RelDataType type)
    {
        return type.getSqlTypeName() == SqlTypeName.DECIMAL || isInteger(type);
    }

    private static boolean isInteger(RelDataType type)
    {
        return SqlTypeFamily.INTEGER.getTypeNames().contains(type.getSqlTypeName());
    }

    private static boolean isString(RelDataType type)
    {
        return type.getSqlTypeName() == SqlTypeName.CHAR || type.getSqlTypeName() == SqlTypeName.VARCHAR;
    }
}
