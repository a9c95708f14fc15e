package io.basin.sql.analyzer;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * PostgreSQL's implicit conversions for arithmetic: a string literal (PostgreSQL's "unknown")
 * may become a number or a date, but a text value may not ({@code int_column + text_column} is an error,
 * SQLSTATE 42883 in PostgreSQL, not a run-time cast).
 */
public final class BasinTypeCoercion
        extends TypeCoercionImpl
{
    BasinTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator)
    {
        super(typeFactory, validator);
    }

    @Override
    protected boolean binaryArithmeticWithStrings(SqlCallBinding binding, RelDataType left, RelDataType right)
    {
        for (int i = 0; i < binding.getOperandCount(); i++) {
            if (org.apache.calcite.sql.type.SqlTypeUtil.isCharacter(binding.getOperandType(i)) && !binding.isOperandLiteral(i, false)) {
                return false;
            }
        }
        return super.binaryArithmeticWithStrings(binding, left, right);
    }

    @Override
    public boolean builtinFunctionCoercion(SqlCallBinding binding, java.util.List<RelDataType> operandTypes, java.util.List<org.apache.calcite.sql.type.SqlTypeFamily> expectedFamilies)
    {
        for (int i = 0; i < Math.min(operandTypes.size(), expectedFamilies.size()); i++) {
            var family = expectedFamilies.get(i);
            boolean numeric = family == org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC || family == org.apache.calcite.sql.type.SqlTypeFamily.INTEGER
                    || family == org.apache.calcite.sql.type.SqlTypeFamily.EXACT_NUMERIC || family == org.apache.calcite.sql.type.SqlTypeFamily.APPROXIMATE_NUMERIC
                    || family == org.apache.calcite.sql.type.SqlTypeFamily.DECIMAL
                    || family == org.apache.calcite.sql.type.SqlTypeFamily.DATE || family == org.apache.calcite.sql.type.SqlTypeFamily.TIMESTAMP
                    || family == org.apache.calcite.sql.type.SqlTypeFamily.DATETIME;
            if (numeric && org.apache.calcite.sql.type.SqlTypeUtil.isCharacter(operandTypes.get(i)) && !binding.isOperandLiteral(i, false)) {
                return false;
            }
        }
        return super.builtinFunctionCoercion(binding, operandTypes, expectedFamilies);
    }

    @Override
    public boolean caseWhenCoercion(SqlCallBinding binding)
    {
        // PostgreSQL: "CASE types integer and text cannot be matched" unless the text is a literal
        if (binding.getCall() instanceof org.apache.calcite.sql.fun.SqlCase caseCall) {
            java.util.List<org.apache.calcite.sql.SqlNode> results = new java.util.ArrayList<>(caseCall.getThenOperands().getList());
            if (caseCall.getElseOperand() != null) {
                results.add(caseCall.getElseOperand());
            }
            boolean textValue = false;
            boolean numeric = false;
            for (org.apache.calcite.sql.SqlNode result : results) {
                RelDataType type = binding.getValidator().deriveType(binding.getScope(), result);
                textValue |= org.apache.calcite.sql.type.SqlTypeUtil.isCharacter(type) && !(result instanceof org.apache.calcite.sql.SqlLiteral);
                numeric |= org.apache.calcite.sql.type.SqlTypeUtil.isNumeric(type);
            }
            if (textValue && numeric) {
                return false;
            }
        }
        return super.caseWhenCoercion(binding);
    }

    @Override
    public boolean binaryComparisonCoercion(SqlCallBinding binding)
    {
        // PostgreSQL has no integer = boolean comparison
        boolean anyBoolean = false;
        boolean anyNumeric = false;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            RelDataType type = binding.getOperandType(i);
            anyBoolean |= type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
            anyNumeric |= org.apache.calcite.sql.type.SqlTypeUtil.isNumeric(type);
        }
        if (anyBoolean && anyNumeric) {
            return false;
        }
        return super.binaryComparisonCoercion(binding);
    }

    public static final org.apache.calcite.sql.validate.implicit.TypeCoercionFactory FACTORY = BasinTypeCoercion::new;
}
