package io.basin.sql.analyzer;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * PostgreSQL's (and Redshift's) date arithmetic, which differs from Calcite's standard typing:
 * {@code date ± interval} and {@code DATEADD} give a timestamp, {@code date ± integer} a date,
 * {@code date - date} an integer number of days, and {@code DATEDIFF} accepts timestamps without
 * truncating them to dates. The validator resolves operators by name, and
 * {@link BasinOperatorTable} prefers these over Calcite's.
 */
public final class PostgresDateArithmetic
{
    private PostgresDateArithmetic() {}

    public static final SqlMonotonicBinaryOperator PLUS = new SqlMonotonicBinaryOperator(
            "+",
            SqlKind.PLUS,
            40,
            true,
            dateAware(SqlStdOperatorTable.PLUS.getReturnTypeInference()),
            SqlStdOperatorTable.PLUS.getOperandTypeInference(),
            OperandTypes.or(OperandTypes.PLUS_OPERATOR,
                    OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER),
                    OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.DATE)));

    public static final SqlMonotonicBinaryOperator MINUS = new SqlMonotonicBinaryOperator(
            "-",
            SqlKind.MINUS,
            40,
            true,
            dateAware(SqlStdOperatorTable.MINUS.getReturnTypeInference()),
            SqlStdOperatorTable.MINUS.getOperandTypeInference(),
            OperandTypes.or(OperandTypes.MINUS_OPERATOR,
                    OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER),
                    OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.DATE)));

    public static final SqlFunction DATEADD = new SqlFunction(
            "DATEADD",
            SqlKind.OTHER_FUNCTION,
            binding -> nullable(binding, binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP)),
            null,
            SqlLibraryOperators.DATEADD.getOperandTypeChecker(),
            SqlFunctionCategory.TIMEDATE);

    public static final SqlFunction DATEDIFF = new SqlFunction(
            "DATEDIFF",
            SqlKind.OTHER_FUNCTION,
            binding -> nullable(binding, binding.getTypeFactory().createSqlType(SqlTypeName.BIGINT)),
            null,
            OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME),
            SqlFunctionCategory.TIMEDATE);

    private static SqlReturnTypeInference dateAware(SqlReturnTypeInference standard)
    {
        return binding -> {
            RelDataType left = binding.getOperandType(0);
            RelDataType right = binding.getOperandType(1);
            SqlTypeName leftName = left.getSqlTypeName();
            SqlTypeName rightName = right.getSqlTypeName();
            RelDataTypeFactory factory = binding.getTypeFactory();
            if (leftName == SqlTypeName.DATE && SqlTypeUtil.isInterval(right) || SqlTypeUtil.isInterval(left) && rightName == SqlTypeName.DATE) {
                return nullable(binding, factory.createSqlType(SqlTypeName.TIMESTAMP));
            }
            if (leftName == SqlTypeName.DATE && rightName == SqlTypeName.DATE) {
                return nullable(binding, factory.createSqlType(SqlTypeName.INTEGER));
            }
            if (leftName == SqlTypeName.DATE && SqlTypeUtil.isIntType(right) || SqlTypeUtil.isIntType(left) && rightName == SqlTypeName.DATE) {
                return nullable(binding, factory.createSqlType(SqlTypeName.DATE));
            }
            return standard.inferReturnType(binding);
        };
    }

    private static RelDataType nullable(SqlOperatorBinding binding, RelDataType type)
    {
        boolean nullable = false;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            nullable |= binding.getOperandType(i).isNullable();
        }
        return binding.getTypeFactory().createTypeWithNullability(type, nullable);
    }
}
