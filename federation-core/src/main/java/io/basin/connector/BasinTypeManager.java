package io.basin.connector;

import io.trino.spi.TrinoException;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.MapType;
import io.trino.spi.type.NamedTypeSignature;
import io.trino.spi.type.RowType;
import io.trino.spi.type.TimeType;
import io.trino.spi.type.TimeWithTimeZoneType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;
import io.trino.spi.type.TypeManager;
import io.trino.spi.type.TypeNotFoundException;
import io.trino.spi.type.TypeOperators;
import io.trino.spi.type.TypeSignature;
import io.trino.spi.type.TypeSignatureParameter;
import io.trino.spi.type.VarcharType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.basin.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.basin.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.UuidType.UUID;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static java.util.Objects.requireNonNull;

/**
 * Resolves type signatures for connectors: the standard SQL types of the SPI (with their
 * parameters), arrays, maps and rows, Basin's interval types, and plain types contributed by
 * plugins. Thread-safe.
 */
public final class BasinTypeManager
        implements TypeManager
{
    private final TypeOperators typeOperators = new TypeOperators();
    private final Map<String, Type> simpleTypes = new ConcurrentHashMap<>();

    public BasinTypeManager()
    {
        for (Type type : List.of(BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DATE, VARBINARY, UUID, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH)) {
            addType(type);
        }
    }

    /**
     * Registers a type without parameters, e.g. one a plugin contributes through
     * {@code Plugin.getTypes()}. A different type under a known name is rejected.
     */
    public void addType(Type type)
    {
        requireNonNull(type, "type is null");
        if (!type.getTypeSignature().getParameters().isEmpty()) {
            throw new IllegalArgumentException("Only types without parameters can be added: " + type);
        }
        String name = type.getTypeSignature().getBase().toLowerCase(Locale.ROOT);
        Type existing = simpleTypes.putIfAbsent(name, type);
        if (existing != null && !existing.equals(type)) {
            throw new IllegalArgumentException("Type %s is already registered as %s".formatted(name, existing.getClass().getName()));
        }
    }

    @Override
    public Type getType(TypeSignature signature)
    {
        String base = signature.getBase().toLowerCase(Locale.ROOT);
        List<TypeSignatureParameter> parameters = signature.getParameters();
        try {
            return switch (base) {
                case "varchar" -> parameters.isEmpty() || numeric(parameters, 0) == VarcharType.UNBOUNDED_LENGTH
                        ? VarcharType.VARCHAR
                        : VarcharType.createVarcharType(only(parameters, signature));
                case "char" -> CharType.createCharType(parameters.isEmpty() ? 1 : only(parameters, signature));
                case "decimal" -> switch (parameters.size()) {
                    case 0 -> DecimalType.createDecimalType();
                    case 1 -> DecimalType.createDecimalType(numeric(parameters, 0));
                    case 2 -> DecimalType.createDecimalType(numeric(parameters, 0), numeric(parameters, 1));
                    default -> throw new TypeNotFoundException(signature);
                };
                case "timestamp" -> TimestampType.createTimestampType(precision(parameters, TimestampType.DEFAULT_PRECISION, signature));
                case "timestamp with time zone" -> TimestampWithTimeZoneType.createTimestampWithTimeZoneType(precision(parameters, TimestampWithTimeZoneType.DEFAULT_PRECISION, signature));
                case "time" -> TimeType.createTimeType(precision(parameters, TimeType.DEFAULT_PRECISION, signature));
                case "time with time zone" -> TimeWithTimeZoneType.createTimeWithTimeZoneType(precision(parameters, TimeWithTimeZoneType.DEFAULT_PRECISION, signature));
                case "array" -> new ArrayType(typeParameter(parameters, 0, 1, signature));
                case "map" -> new MapType(typeParameter(parameters, 0, 2, signature), typeParameter(parameters, 1, 2, signature), typeOperators);
                case "row" -> rowType(parameters, signature);
                default -> {
                    Type type = simpleTypes.get(base);
                    if (type == null || !parameters.isEmpty()) {
                        throw new TypeNotFoundException(signature);
                    }
                    yield type;
                }
            };
        }
        catch (TypeNotFoundException e) {
            throw e;
        }
        catch (TrinoException | IllegalArgumentException | ArithmeticException e) {
            // The SPI's factories reject out-of-range parameters such as varchar(-1) or decimal(40,2).
            throw new TypeNotFoundException(signature, e);
        }
    }

    /** Parses the text form of a type, e.g. {@code decimal(12,2)} or {@code array(varchar)}. */
    @Override
    public Type fromSqlType(String type)
    {
        TypeSignature signature;
        try {
            signature = TypeSignatureParser.parse(type);
        }
        catch (IllegalArgumentException e) {
            throw new TypeNotFoundException(e.getMessage(), e);
        }
        return getType(signature);
    }

    @Override
    public Type getType(TypeId id)
    {
        return fromSqlType(id.getId());
    }

    @Override
    public TypeOperators getTypeOperators()
    {
        return typeOperators;
    }

    private Type rowType(List<TypeSignatureParameter> parameters, TypeSignature signature)
    {
        if (parameters.isEmpty()) {
            throw new TypeNotFoundException(signature);
        }
        List<RowType.Field> fields = parameters.stream()
                .map(parameter -> {
                    if (!parameter.isNamedTypeSignature()) {
                        throw new TypeNotFoundException(signature);
                    }
                    NamedTypeSignature field = parameter.getNamedTypeSignature();
                    Type type = getType(field.getTypeSignature());
                    return field.getName().map(name -> RowType.field(name, type)).orElseGet(() -> RowType.field(type));
                })
                .toList();
        return RowType.from(fields);
    }

    private Type typeParameter(List<TypeSignatureParameter> parameters, int index, int expectedCount, TypeSignature signature)
    {
        if (parameters.size() != expectedCount || !parameters.get(index).isTypeSignature()) {
            throw new TypeNotFoundException(signature);
        }
        return getType(parameters.get(index).getTypeSignature());
    }

    private static int precision(List<TypeSignatureParameter> parameters, int defaultPrecision, TypeSignature signature)
    {
        return parameters.isEmpty() ? defaultPrecision : only(parameters, signature);
    }

    private static int only(List<TypeSignatureParameter> parameters, TypeSignature signature)
    {
        if (parameters.size() != 1) {
            throw new TypeNotFoundException(signature);
        }
        return numeric(parameters, 0);
    }

    private static int numeric(List<TypeSignatureParameter> parameters, int index)
    {
        TypeSignatureParameter parameter = parameters.get(index);
        if (!parameter.isLongLiteral()) {
            throw new IllegalArgumentException("Expected a number, found " + parameter);
        }
        return Math.toIntExact(parameter.getLongLiteral());
    }
}
