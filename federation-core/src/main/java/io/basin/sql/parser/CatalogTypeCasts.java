package io.basin.sql.parser;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Casts to PostgreSQL's object identifier types look objects up by name
 * ({@code 'pg_class'::regclass} is the table's oid), so they become calls of the functions that
 * do ({@code regclass('pg_class')}). A type qualified with {@code pg_catalog}
 * ({@code x::pg_catalog.text}) names the built-in type.
 */
final class CatalogTypeCasts
        extends SqlShuttle
{
    private static final Set<String> LOOKUP_TYPES = Set.of("regclass", "regtype", "regnamespace", "regproc", "regprocedure");

    @Override
    public SqlNode visit(SqlCall call)
    {
        SqlNode visited = super.visit(call);
        if (visited instanceof SqlCall quantified && (quantified.getKind() == SqlKind.SOME || quantified.getKind() == SqlKind.ALL)
                && quantified.operandCount() == 2 && quantified.operand(0) instanceof SqlCharStringLiteral literal
                && quantified.operand(1).getKind() != SqlKind.SELECT) {
            // 'd' = ANY(array of text): Calcite compares a char literal with text elements only as text
            SqlParserPos position = literal.getParserPosition();
            quantified.setOperand(0, SqlStdOperatorTable.CAST.createCall(position, literal,
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(org.apache.calcite.sql.type.SqlTypeName.VARCHAR, position), position)));
            return quantified;
        }
        if (!(visited instanceof SqlCall result)
                || !(result.getKind() == SqlKind.CAST || result.getOperator() == SqlLibraryOperators.INFIX_CAST)
                || result.operandCount() != 2
                || !(result.operand(1) instanceof SqlDataTypeSpec spec)) {
            return visited;
        }
        SqlTypeNameSpec typeName = spec.getTypeNameSpec();
        if (typeName instanceof SqlCollectionTypeNameSpec collection) {
            SqlTypeNameSpec element = unqualified(collection.getElementTypeName()) instanceof SqlTypeNameSpec simple ? simple : collection.getElementTypeName();
            SqlParserPos position = spec.getParserPosition();
            if (result.operand(0) instanceof SqlCharStringLiteral literal) {
                // '{a,b}'::text[] is ARRAY['a', 'b']: the array's text is read when parsing (Calcite
                // would evaluate a cast of text to an array with its own code)
                List<String> elements = ArrayLiteral.parse(literal.getValueAs(String.class));
                if (!elements.isEmpty()) {
                    List<SqlNode> values = new java.util.ArrayList<>();
                    for (String value : elements) {
                        SqlNode text = value == null ? SqlLiteral.createNull(position) : SqlLiteral.createCharString(value, position);
                        values.add(SqlStdOperatorTable.CAST.createCall(position, text, new SqlDataTypeSpec(element, position)));
                    }
                    return SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(position, values);
                }
            }
            // pg_catalog.int2[] (PostgresSyntax made [] into ARRAY)
            result.setOperand(1, new SqlDataTypeSpec(new SqlCollectionTypeNameSpec(element, org.apache.calcite.sql.type.SqlTypeName.ARRAY, position), spec.getTimeZone(), position));
            return result;
        }
        List<String> names = typeName.getTypeName().names;
        String last = names.getLast().toLowerCase(Locale.ROOT);
        boolean qualified = names.size() == 2 && names.getFirst().equalsIgnoreCase("pg_catalog");
        if (names.size() == 1 || qualified) {
            if (LOOKUP_TYPES.contains(last)) {
                String function = last.equals("regprocedure") ? "REGPROC" : last.toUpperCase(Locale.ROOT);
                SqlParserPos position = result.getParserPosition();
                SqlUnresolvedFunction operator = new SqlUnresolvedFunction(new SqlIdentifier(function, position), null, null, null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION);
                return operator.createCall(position, List.<SqlNode>of(result.operand(0)));
            }
            if (qualified && typeName instanceof SqlUserDefinedTypeNameSpec) {
                SqlParserPos position = spec.getParserPosition();
                SqlDataTypeSpec simple = new SqlDataTypeSpec(new SqlUserDefinedTypeNameSpec(new SqlIdentifier(names.getLast(), position), position), spec.getTimeZone(), position);
                result.setOperand(1, simple);
            }
        }
        return result;
    }

    /** The type without its pg_catalog qualification, or null when it is not qualified so. */
    private static SqlTypeNameSpec unqualified(SqlTypeNameSpec typeName)
    {
        List<String> names = typeName.getTypeName().names;
        if (names.size() == 2 && names.getFirst().equalsIgnoreCase("pg_catalog")) {
            SqlParserPos position = typeName.getParserPos();
            return new SqlUserDefinedTypeNameSpec(new SqlIdentifier(names.getLast(), position), position);
        }
        return null;
    }
}
