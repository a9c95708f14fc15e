package io.basin.sql.planner;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.Optional;

/**
 * Calcite's validator with Redshift's lateral column aliases in WHERE: a name that is no column of
 * the FROM clause but the alias of a select-list expression stands for that expression
 * ({@code SELECT n.nspname AS schem FROM pg_namespace n WHERE schem LIKE 'p%'}, which Redshift's
 * JDBC driver sends). A column of that name wins, as in Redshift; subqueries keep their own scopes.
 */
final class BasinSqlValidator
        extends SqlValidatorImpl
{
    BasinSqlValidator(SqlOperatorTable operatorTable, SqlValidatorCatalogReader catalogReader, RelDataTypeFactory typeFactory, Config config)
    {
        super(operatorTable, catalogReader, typeFactory, config);
    }

    @Override
    protected void validateWhereClause(SqlSelect select)
    {
        SqlNode where = select.getWhere();
        if (where != null) {
            SqlNode rewritten = where.accept(new SelectAliasReferences(select, getWhereScope(select)));
            if (rewritten != where) {
                select.setWhere(rewritten);
            }
        }
        super.validateWhereClause(select);
    }

    private static final class SelectAliasReferences
            extends SqlShuttle
    {
        private final SqlSelect select;
        private final SqlValidatorScope scope;

        SelectAliasReferences(SqlSelect select, SqlValidatorScope scope)
        {
            this.select = select;
            this.scope = scope;
        }

        @Override
        public SqlNode visit(SqlIdentifier identifier)
        {
            if (!identifier.isSimple() || isColumn(identifier)) {
                return identifier;
            }
            return aliasedExpression(identifier.getSimple()).map(SqlTreeCopy::copy).orElse(identifier);
        }

        @Override
        public SqlNode visit(SqlCall call)
        {
            if (call instanceof SqlSelect || call.getKind() == SqlKind.WITH || call.getKind() == SqlKind.UNION
                    || call.getKind() == SqlKind.INTERSECT || call.getKind() == SqlKind.EXCEPT) {
                // a subquery resolves names in its own scope
                return call;
            }
            return super.visit(call);
        }

        private boolean isColumn(SqlIdentifier identifier)
        {
            try {
                scope.fullyQualify(identifier);
                return true;
            }
            catch (CalciteContextException e) {
                // not a column of the FROM clause (or an outer query): perhaps an alias
                return false;
            }
        }

        private Optional<SqlNode> aliasedExpression(String name)
        {
            SqlNode found = null;
            for (SqlNode item : select.getSelectList()) {
                if (item.getKind() == SqlKind.AS && item instanceof SqlCall as
                        && as.operand(1) instanceof SqlIdentifier alias && alias.getSimple().equals(name)) {
                    if (found != null) {
                        // two expressions of that name: leave it to the validator's "not found" error
                        return Optional.empty();
                    }
                    found = as.operand(0);
                }
            }
            return Optional.ofNullable(found);
        }
    }
}
