package io.basin.sql.analyzer;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL system functions clients call in their catalog queries ({@code version()},
 * {@code format_type}, {@code pg_table_is_visible}, {@code has_table_privilege}, ...), the casts
 * to the {@code reg*} types as functions ({@code 'pg_class'::regclass} is {@code regclass('pg_class')}),
 * the array functions, and {@code generate_series} in FROM. Their values come from the planner
 * ({@code io.basin.sql.planner.CatalogFunctions}); here they are only typed.
 */
final class PostgresCatalogFunctions
{
    private PostgresCatalogFunctions() {}

    static List<SqlOperator> functions()
    {
        List<SqlOperator> functions = new ArrayList<>();
        functions.add(function("VERSION", SqlTypeName.VARCHAR, 0, 0));
        functions.add(function("CURRENT_DATABASE", SqlTypeName.VARCHAR, 0, 0));
        functions.add(function("PG_BACKEND_PID", SqlTypeName.INTEGER, 0, 0));
        functions.add(function("CURRENT_SETTING", SqlTypeName.VARCHAR, 1, 2));
        functions.add(function("SET_CONFIG", SqlTypeName.VARCHAR, 3, 3));
        functions.add(function("PG_IS_IN_RECOVERY", SqlTypeName.BOOLEAN, 0, 0));
        functions.add(function("TXID_CURRENT", SqlTypeName.BIGINT, 0, 0));
        functions.add(function("FORMAT_TYPE", SqlTypeName.VARCHAR, 2, 2));
        functions.add(function("PG_GET_USERBYID", SqlTypeName.VARCHAR, 1, 1));
        functions.add(function("PG_TABLE_IS_VISIBLE", SqlTypeName.BOOLEAN, 1, 1));
        functions.add(function("PG_TYPE_IS_VISIBLE", SqlTypeName.BOOLEAN, 1, 1));
        functions.add(function("PG_FUNCTION_IS_VISIBLE", SqlTypeName.BOOLEAN, 1, 1));
        functions.add(function("OBJ_DESCRIPTION", SqlTypeName.VARCHAR, 1, 2));
        functions.add(function("COL_DESCRIPTION", SqlTypeName.VARCHAR, 2, 2));
        functions.add(function("SHOBJ_DESCRIPTION", SqlTypeName.VARCHAR, 2, 2));
        functions.add(function("PG_ENCODING_TO_CHAR", SqlTypeName.VARCHAR, 1, 1));
        functions.add(function("PG_GET_EXPR", SqlTypeName.VARCHAR, 2, 3));
        functions.add(function("PG_GET_INDEXDEF", SqlTypeName.VARCHAR, 1, 3));
        functions.add(function("PG_GET_CONSTRAINTDEF", SqlTypeName.VARCHAR, 1, 2));
        functions.add(function("PG_GET_VIEWDEF", SqlTypeName.VARCHAR, 1, 2));
        functions.add(function("PG_GET_RULEDEF", SqlTypeName.VARCHAR, 1, 2));
        functions.add(function("PG_GET_PARTKEYDEF", SqlTypeName.VARCHAR, 1, 1));
        functions.add(function("PG_GET_TRIGGERDEF", SqlTypeName.VARCHAR, 1, 2));
        functions.add(function("PG_GET_FUNCTIONDEF", SqlTypeName.VARCHAR, 1, 1));
        functions.add(function("PG_GET_FUNCTION_ARGUMENTS", SqlTypeName.VARCHAR, 1, 1));
        functions.add(function("PG_GET_FUNCTION_RESULT", SqlTypeName.VARCHAR, 1, 1));
        functions.add(function("PG_GET_FUNCTION_IDENTITY_ARGUMENTS", SqlTypeName.VARCHAR, 1, 1));
        functions.add(function("PG_GET_STATISTICSOBJDEF_COLUMNS", SqlTypeName.VARCHAR, 1, 1));
        functions.add(function("PG_RELATION_IS_PUBLISHABLE", SqlTypeName.BOOLEAN, 1, 1));
        for (String privilege : List.of("HAS_SCHEMA_PRIVILEGE", "HAS_TABLE_PRIVILEGE", "HAS_DATABASE_PRIVILEGE", "HAS_COLUMN_PRIVILEGE",
                "HAS_ANY_COLUMN_PRIVILEGE", "HAS_FUNCTION_PRIVILEGE", "HAS_SEQUENCE_PRIVILEGE", "HAS_TABLESPACE_PRIVILEGE", "PG_HAS_ROLE")) {
            functions.add(function(privilege, SqlTypeName.BOOLEAN, 2, 4));
        }
        functions.add(function("QUOTE_IDENT", SqlTypeName.VARCHAR, 1, 1));
        functions.add(function("PG_TABLESPACE_LOCATION", SqlTypeName.VARCHAR, 1, 1));
        for (String size : List.of("PG_TABLE_SIZE", "PG_TOTAL_RELATION_SIZE", "PG_RELATION_SIZE", "PG_INDEXES_SIZE", "PG_DATABASE_SIZE")) {
            functions.add(function(size, SqlTypeName.BIGINT, 1, 2));
        }
        functions.add(function("PG_SIZE_PRETTY", SqlTypeName.VARCHAR, 1, 1));
        functions.add(function("TO_REGCLASS", SqlTypeName.BIGINT, 1, 1));
        // the casts ::regclass, ::regtype, ::regnamespace, ::regproc (see DialectRewriter)
        functions.add(function("REGCLASS", SqlTypeName.BIGINT, 1, 1));
        functions.add(function("REGTYPE", SqlTypeName.BIGINT, 1, 1));
        functions.add(function("REGNAMESPACE", SqlTypeName.BIGINT, 1, 1));
        functions.add(function("REGPROC", SqlTypeName.VARCHAR, 1, 1));
        functions.add(new SqlFunction("CURRENT_SCHEMAS", SqlKind.OTHER_FUNCTION,
                ReturnTypes.explicit(factory -> factory.createArrayType(factory.createSqlType(SqlTypeName.VARCHAR), -1)),
                null, OperandTypes.BOOLEAN, SqlFunctionCategory.SYSTEM));
        functions.add(function("ARRAY_TO_STRING", SqlTypeName.VARCHAR, 2, 3));
        functions.add(function("ARRAY_UPPER", SqlTypeName.INTEGER, 2, 2));
        functions.add(function("ARRAY_LOWER", SqlTypeName.INTEGER, 2, 2));
        functions.add(function("ARRAY_LENGTH", SqlTypeName.INTEGER, 2, 2));
        functions.add(new SqlFunction("_PG_EXPANDARRAY", SqlKind.OTHER_FUNCTION, PostgresCatalogFunctions::expandedArrayType,
                null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM));
        functions.add(new GenerateSeries());
        return functions;
    }

    private static SqlFunction function(String name, SqlTypeName returnType, int minArguments, int maxArguments)
    {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION,
                ReturnTypes.explicit(returnType).andThen(SqlTypeTransforms.FORCE_NULLABLE),
                null,
                OperandTypes.variadic(SqlOperandCountRanges.between(minArguments, maxArguments)),
                SqlFunctionCategory.SYSTEM);
    }

    /**
     * information_schema._pg_expandarray(array) yields (x, n) rows. Basin has no array columns
     * with elements (the catalogs' are NULL, pg_index has no rows), so it is typed here only: its
     * calls are pruned with the rows they would expand.
     */
    private static RelDataType expandedArrayType(org.apache.calcite.sql.SqlOperatorBinding binding)
    {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType integer = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER), true);
        return factory.createTypeWithNullability(factory.createStructType(List.of(integer, integer), List.of("x", "n")), true);
    }

    /** generate_series(start, stop [, step]) as a table in FROM. */
    private static final class GenerateSeries
            extends SqlFunction
            implements SqlTableFunction
    {
        GenerateSeries()
        {
            super("GENERATE_SERIES", SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null,
                    OperandTypes.variadic(SqlOperandCountRanges.between(2, 3)), SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
        }

        @Override
        public SqlReturnTypeInference getRowTypeInference()
        {
            return binding -> {
                RelDataTypeFactory factory = binding.getTypeFactory();
                boolean bigint = false;
                for (int i = 0; i < binding.getOperandCount(); i++) {
                    bigint |= binding.getOperandType(i).getSqlTypeName() == SqlTypeName.BIGINT;
                }
                return factory.builder().add("generate_series", factory.createSqlType(bigint ? SqlTypeName.BIGINT : SqlTypeName.INTEGER)).build();
            };
        }
    }
}
