package io.basin.sql.planner;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.error.BasinException;
import io.basin.metadata.SessionContext;
import io.basin.metadata.pgcatalog.BuiltinTypes;
import io.basin.metadata.pgcatalog.PgCatalog;
import io.basin.metadata.pgcatalog.PgCatalogSnapshot;
import io.basin.metadata.pgcatalog.PgCatalogSnapshot.Namespace;
import io.basin.metadata.RoleDescription;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.SpecialForm;
import io.basin.plan.expr.SpecialForm.Form;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static io.basin.error.BasinErrorCode.UNDEFINED_FUNCTION;
import static io.basin.error.BasinErrorCode.UNDEFINED_SCHEMA;
import static io.basin.error.BasinErrorCode.UNDEFINED_TABLE;
import static java.util.Objects.requireNonNull;

/**
 * The functions whose value depends on the session or on the catalogs: {@code current_user},
 * {@code current_schema()}, {@code version()}, {@code current_setting('x')} fold to constants;
 * {@code pg_table_is_visible(oid)}, {@code pg_get_userbyid(oid)} and {@code obj_description(oid)}
 * become expressions over the statement's catalog snapshot (a set membership, a CASE); the
 * privilege functions are true (Basin has no privileges yet); the {@code pg_get_*def} functions
 * are NULL (Basin has no indexes, constraints or view definitions to show).
 */
final class CatalogFunctions
{
    static final CatalogFunctions NONE = new CatalogFunctions(null);

    private static final Set<String> PRIVILEGE_FUNCTIONS = Set.of(
            "HAS_SCHEMA_PRIVILEGE", "HAS_TABLE_PRIVILEGE", "HAS_DATABASE_PRIVILEGE", "HAS_COLUMN_PRIVILEGE", "HAS_ANY_COLUMN_PRIVILEGE",
            "HAS_FUNCTION_PRIVILEGE", "HAS_SEQUENCE_PRIVILEGE", "HAS_TABLESPACE_PRIVILEGE", "PG_HAS_ROLE");
    private static final Set<String> DEFINITION_FUNCTIONS = Set.of(
            "PG_GET_INDEXDEF", "PG_GET_CONSTRAINTDEF", "PG_GET_VIEWDEF", "PG_GET_STATISTICSOBJDEF_COLUMNS", "PG_GET_TRIGGERDEF",
            "PG_GET_FUNCTIONDEF", "PG_GET_RULEDEF", "PG_GET_PARTKEYDEF");
    private static final Set<String> SESSION_FUNCTIONS = Set.of(
            "VERSION", "CURRENT_DATABASE", "CURRENT_CATALOG", "CURRENT_USER", "SESSION_USER", "USER", "CURRENT_ROLE", "CURRENT_SCHEMA",
            "PG_BACKEND_PID", "CURRENT_SETTING", "SET_CONFIG", "TXID_CURRENT", "PG_TABLE_IS_VISIBLE", "PG_GET_USERBYID",
            "OBJ_DESCRIPTION", "COL_DESCRIPTION", "SHOBJ_DESCRIPTION", "TO_REGCLASS", "REGCLASS", "REGNAMESPACE", "REGTYPE", "REGPROC");
    private static final int UTF8_ENCODING = 6;

    // null for planners without a session (tests of the translator alone)
    private final PgCatalog catalog;

    CatalogFunctions(PgCatalog catalog)
    {
        this.catalog = catalog;
    }

    /** The expression for a call of {@code name} (upper case), or empty if it is not a catalog function. */
    Optional<Expression> translate(String name, List<Expression> arguments, Type type)
    {
        if (PRIVILEGE_FUNCTIONS.contains(name)) {
            return Optional.of(new Constant(true, BooleanType.BOOLEAN));
        }
        if (DEFINITION_FUNCTIONS.contains(name)) {
            return Optional.of(new Constant(null, type));
        }
        return switch (name) {
            case "PG_TYPE_IS_VISIBLE", "PG_FUNCTION_IS_VISIBLE" -> Optional.of(new Constant(true, BooleanType.BOOLEAN));
            // Basin has no tablespace directories; sizes are not known yet
            case "PG_TABLESPACE_LOCATION" -> Optional.of(text(""));
            case "PG_TABLE_SIZE", "PG_TOTAL_RELATION_SIZE", "PG_RELATION_SIZE", "PG_INDEXES_SIZE", "PG_DATABASE_SIZE" -> Optional.of(new Constant(null, BigintType.BIGINT));
            case "PG_SIZE_PRETTY" -> Optional.of(sizePretty(arguments.getFirst()));
            case "PG_IS_IN_RECOVERY", "PG_RELATION_IS_PUBLISHABLE" -> Optional.of(new Constant(false, BooleanType.BOOLEAN));
            // the expression node tree column of a catalog holds the expression's text already
            case "PG_GET_EXPR" -> Optional.of(RexTranslator.castIfNeeded(arguments.getFirst(), type));
            case "PG_ENCODING_TO_CHAR" -> Optional.of(caseOf(RexTranslator.castIfNeeded(arguments.getFirst(), BigintType.BIGINT),
                    Map.of((long) UTF8_ENCODING, text("UTF8")), text("")));
            case "FORMAT_TYPE" -> Optional.of(formatType(arguments));
            // the signatures of the functions pg_proc lists, as PostgreSQL spells them
            case "PG_GET_FUNCTION_RESULT" -> Optional.of(functionText(arguments.getFirst(), io.basin.metadata.pgcatalog.BuiltinFunction::resultText));
            case "PG_GET_FUNCTION_ARGUMENTS", "PG_GET_FUNCTION_IDENTITY_ARGUMENTS" -> Optional.of(functionText(arguments.getFirst(), io.basin.metadata.pgcatalog.BuiltinFunction::argumentsText));
            case "QUOTE_IDENT" -> Optional.of(new Call(FunctionNames.QUOTE_IDENT, VarcharType.VARCHAR, RexTranslator.castIfNeeded(arguments.getFirst(), VarcharType.VARCHAR)));
            default -> sessionFunction(name, arguments, type);
        };
    }

    private Optional<Expression> sessionFunction(String name, List<Expression> arguments, Type type)
    {
        if (!SESSION_FUNCTIONS.contains(name)) {
            return Optional.empty();
        }
        if (catalog == null) {
            throw new BasinException(UNDEFINED_FUNCTION, "function " + name.toLowerCase(Locale.ROOT) + " needs a session");
        }
        SessionContext session = catalog.session();
        PgCatalogSnapshot snapshot = catalog.snapshot();
        return Optional.of(switch (name) {
            case "VERSION" -> text("PostgreSQL " + session.serverVersion() + " on Basin");
            case "CURRENT_DATABASE", "CURRENT_CATALOG" -> text(session.database());
            case "CURRENT_USER", "SESSION_USER", "USER", "CURRENT_ROLE" -> text(session.user());
            case "CURRENT_SCHEMA" -> snapshot.effectiveSearchPath(false).stream().findFirst()
                    .<Expression>map(namespace -> text(namespace.name()))
                    .orElse(new Constant(null, VarcharType.VARCHAR));
            case "PG_BACKEND_PID" -> new Constant((long) session.backendPid(), IntegerType.INTEGER);
            case "TXID_CURRENT" -> new Constant(txid(), BigintType.BIGINT);
            case "CURRENT_SETTING" -> currentSetting(session, arguments);
            case "SET_CONFIG" -> setConfig(session, arguments);
            case "PG_TABLE_IS_VISIBLE" -> membership(arguments.getFirst(), snapshot.visibleRelationOids());
            case "PG_GET_USERBYID" -> userById(snapshot, arguments.getFirst());
            case "OBJ_DESCRIPTION" -> description(snapshot, arguments.getFirst(), new Constant(0L, BigintType.BIGINT));
            case "COL_DESCRIPTION" -> description(snapshot, arguments.get(0), arguments.get(1));
            case "SHOBJ_DESCRIPTION" -> new Constant(null, VarcharType.VARCHAR);
            case "TO_REGCLASS" -> regclass(snapshot, arguments.getFirst(), false);
            case "REGCLASS" -> regclass(snapshot, arguments.getFirst(), true);
            case "REGNAMESPACE" -> regnamespace(snapshot, arguments.getFirst());
            case "REGTYPE" -> regtype(arguments.getFirst());
            case "REGPROC" -> regproc(arguments.getFirst());
            default -> throw new IllegalStateException(name);
        });
    }

    /**
     * format_type(oid, typmod): a NULL type modifier means "not given" (format_type(1042, NULL) is
     * character, not bpchar), which the one-argument form expresses; the function is not strict
     * in it, so a NULL modifier falls back to that form.
     */
    private static Expression formatType(List<Expression> arguments)
    {
        Expression oid = RexTranslator.castIfNeeded(arguments.get(0), BigintType.BIGINT);
        Expression withoutModifier = new Call(FunctionNames.FORMAT_TYPE, VarcharType.VARCHAR, oid);
        if (arguments.get(1) instanceof Constant typmod && typmod.isNull()) {
            return withoutModifier;
        }
        Expression withModifier = new Call(FunctionNames.FORMAT_TYPE, VarcharType.VARCHAR, oid, RexTranslator.castIfNeeded(arguments.get(1), BigintType.BIGINT));
        if (arguments.get(1) instanceof Constant) {
            return withModifier;
        }
        return new SpecialForm(Form.COALESCE, VarcharType.VARCHAR, withModifier, withoutModifier);
    }

    /** current_schemas(include_implicit): the effective search path. */
    List<String> currentSchemas(boolean includeImplicit)
    {
        requireNonNull(catalog, "catalog is null");
        return catalog.snapshot().effectiveSearchPath(includeImplicit).stream().map(Namespace::name).toList();
    }

    /** pg_size_pretty of a size known at planning time: bytes, kB, MB, GB, TB, rounded half up past 10240 of a unit. */
    private static Expression sizePretty(Expression size)
    {
        if (!(size instanceof Constant constant)) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "pg_size_pretty is supported only for sizes known when the statement is planned");
        }
        if (constant.isNull()) {
            return new Constant(null, VarcharType.VARCHAR);
        }
        long value = ((Number) constant.value()).longValue();
        if (Math.abs(value) < 10 * 1024) {
            return text(value + " bytes");
        }
        for (String unit : List.of("kB", "MB", "GB", "TB")) {
            // PostgreSQL halves with rounding away from zero at each step until the value is small
            value = value >= 0 ? (value + 512) / 1024 : (value - 512) / 1024;
            if (Math.abs(value) < 10 * 1024 || unit.equals("TB")) {
                return text(value + " " + unit);
            }
        }
        throw new IllegalStateException();
    }

    private long txid()
    {
        // Basin has no transaction ids; the backend pid keeps values distinct between sessions
        return catalog.session().backendPid();
    }

    private static Expression currentSetting(SessionContext session, List<Expression> arguments)
    {
        String name = constantText(arguments.getFirst(), "current_setting");
        boolean missingOk = arguments.size() > 1 && arguments.get(1) instanceof Constant constant && Boolean.TRUE.equals(constant.value());
        Optional<String> value = session.setting(name);
        if (value.isEmpty() && !missingOk) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "unrecognized configuration parameter \"" + name + "\"");
        }
        return value.<Expression>map(CatalogFunctions::text).orElse(new Constant(null, VarcharType.VARCHAR));
    }

    /**
     * set_config(name, value, is_local): sets the setting once, when the statement is planned
     * (PostgreSQL sets it for every row that evaluates the call; clients call it in a statement
     * of one row), and returns the new value.
     */
    private static Expression setConfig(SessionContext session, List<Expression> arguments)
    {
        String name = constantText(arguments.get(0), "set_config");
        String value = constantText(arguments.get(1), "set_config");
        if (!(arguments.get(2) instanceof Constant local) || local.isNull()) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "set_config is supported only with a constant is_local");
        }
        return text(session.settingsWriter().set(name, value, (Boolean) local.value()));
    }

    private static Expression membership(Expression oid, Set<Long> oids)
    {
        List<Expression> arguments = new ArrayList<>();
        arguments.add(RexTranslator.castIfNeeded(oid, BigintType.BIGINT));
        oids.stream().sorted().forEach(value -> arguments.add(new Constant(value, BigintType.BIGINT)));
        if (arguments.size() == 1) {
            return new SpecialForm(Form.AND, BooleanType.BOOLEAN, new SpecialForm(Form.IS_NULL, BooleanType.BOOLEAN, arguments.getFirst()), new Constant(false, BooleanType.BOOLEAN));
        }
        return new SpecialForm(Form.IN, arguments, BooleanType.BOOLEAN);
    }

    private static Expression userById(PgCatalogSnapshot snapshot, Expression oid)
    {
        Expression value = RexTranslator.castIfNeeded(oid, BigintType.BIGINT);
        Map<Long, Expression> names = new java.util.LinkedHashMap<>();
        for (RoleDescription role : snapshot.roles()) {
            names.put(role.oid(), text(role.name()));
        }
        // PostgreSQL shows an oid that names no role as "unknown (OID=n)"
        Expression unknown = new Call(FunctionNames.CONCAT, VarcharType.VARCHAR,
                new Call(FunctionNames.CONCAT, VarcharType.VARCHAR, text("unknown (OID="), RexTranslator.castIfNeeded(value, VarcharType.VARCHAR)), text(")"));
        return caseOf(value, names, unknown);
    }

    private static Expression description(PgCatalogSnapshot snapshot, Expression oid, Expression subId)
    {
        Expression relation = RexTranslator.castIfNeeded(oid, BigintType.BIGINT);
        Expression column = RexTranslator.castIfNeeded(subId, BigintType.BIGINT);
        List<Expression> arguments = new ArrayList<>();
        for (Map.Entry<Long, Map<Integer, String>> entry : snapshot.descriptions().entrySet()) {
            for (Map.Entry<Integer, String> comment : entry.getValue().entrySet()) {
                arguments.add(new SpecialForm(Form.AND, BooleanType.BOOLEAN,
                        new Call(FunctionNames.EQUAL, BooleanType.BOOLEAN, relation, new Constant(entry.getKey(), BigintType.BIGINT)),
                        new Call(FunctionNames.EQUAL, BooleanType.BOOLEAN, column, new Constant((long) comment.getKey(), BigintType.BIGINT))));
                arguments.add(text(comment.getValue()));
            }
        }
        if (arguments.isEmpty()) {
            return new Constant(null, VarcharType.VARCHAR);
        }
        arguments.add(new Constant(null, VarcharType.VARCHAR));
        return new SpecialForm(Form.SWITCH, arguments, VarcharType.VARCHAR);
    }

    /** {@code 'name'::regclass}: the oid of a relation named in the text, looked up at planning time. */
    private static Expression regclass(PgCatalogSnapshot snapshot, Expression argument, boolean required)
    {
        if (!(argument.type() instanceof VarcharType)) {
            return RexTranslator.castIfNeeded(argument, BigintType.BIGINT);
        }
        String text = constantText(argument, "regclass");
        List<String> parts = QualifiedNames.split(text);
        Optional<PgCatalogSnapshot.Relation> relation = switch (parts.size()) {
            case 1 -> snapshot.relationByName(null, parts.getFirst());
            case 2 -> snapshot.relationByName(parts.get(0), parts.get(1));
            // database.schema.table, or catalog.schema.table for the namespace "catalog.schema"
            case 3 -> parts.get(0).equals(snapshot.session().database())
                    ? snapshot.relationByName(parts.get(1), parts.get(2))
                    : snapshot.relationByName(parts.get(0) + "." + parts.get(1), parts.get(2));
            default -> Optional.empty();
        };
        if (relation.isEmpty() && required) {
            throw new BasinException(UNDEFINED_TABLE, "relation \"" + text + "\" does not exist");
        }
        return new Constant(relation.map(PgCatalogSnapshot.Relation::oid).orElse(null), BigintType.BIGINT);
    }

    private static Expression regnamespace(PgCatalogSnapshot snapshot, Expression argument)
    {
        if (!(argument.type() instanceof VarcharType)) {
            return RexTranslator.castIfNeeded(argument, BigintType.BIGINT);
        }
        String text = constantText(argument, "regnamespace");
        String name = QualifiedNames.split(text).getFirst();
        return new Constant(snapshot.namespace(name).map(Namespace::oid)
                .orElseThrow(() -> new BasinException(UNDEFINED_SCHEMA, "schema \"" + text + "\" does not exist")), BigintType.BIGINT);
    }

    private static Expression regtype(Expression argument)
    {
        if (!(argument.type() instanceof VarcharType)) {
            return RexTranslator.castIfNeeded(argument, BigintType.BIGINT);
        }
        String text = constantText(argument, "regtype");
        return new Constant(BuiltinTypes.byName(text).orElseThrow(() -> new BasinException(io.basin.error.BasinErrorCode.UNDEFINED_OBJECT, "type \"" + text + "\" does not exist")).oid(),
                BigintType.BIGINT);
    }

    /** regproc values are function names: {@code 'pg_catalog.array_in'::regproc} is {@code array_in}. */
    private static Expression regproc(Expression argument)
    {
        if (argument instanceof Constant constant && constant.value() instanceof Slice slice) {
            List<String> parts = QualifiedNames.split(slice.toStringUtf8());
            return text(parts.getLast());
        }
        return RexTranslator.castIfNeeded(argument, VarcharType.VARCHAR);
    }

    private static String constantText(Expression argument, String function)
    {
        if (argument instanceof Constant constant && constant.value() instanceof Slice slice) {
            return slice.toStringUtf8();
        }
        throw new BasinException(FEATURE_NOT_SUPPORTED, function + " is supported only with a constant argument");
    }

    private static Expression functionText(Expression oid, java.util.function.Function<io.basin.metadata.pgcatalog.BuiltinFunction, String> text)
    {
        Map<Long, Expression> texts = new java.util.LinkedHashMap<>();
        for (io.basin.metadata.pgcatalog.BuiltinFunction function : io.basin.metadata.pgcatalog.BuiltinFunctions.all()) {
            texts.put(function.oid(), text(text.apply(function)));
        }
        return caseOf(RexTranslator.castIfNeeded(oid, BigintType.BIGINT), texts, new Constant(null, VarcharType.VARCHAR));
    }

    private static Expression caseOf(Expression value, Map<Long, Expression> cases, Expression otherwise)
    {
        List<Expression> arguments = new ArrayList<>();
        cases.forEach((key, result) -> {
            arguments.add(new Call(FunctionNames.EQUAL, BooleanType.BOOLEAN, value, new Constant(key, BigintType.BIGINT)));
            arguments.add(result);
        });
        arguments.add(otherwise);
        return new SpecialForm(Form.SWITCH, arguments, VarcharType.VARCHAR);
    }

    static Constant text(String value)
    {
        return new Constant(Slices.utf8Slice(value), VarcharType.VARCHAR);
    }
}
