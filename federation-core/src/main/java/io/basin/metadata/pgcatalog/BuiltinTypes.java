package io.basin.metadata.pgcatalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/** The built-in types {@code pg_type} lists, read from {@code types.txt}. */
public final class BuiltinTypes
{
    private static final Map<Long, BuiltinType> BY_OID = load();

    private BuiltinTypes() {}

    public static List<BuiltinType> all()
    {
        return List.copyOf(BY_OID.values());
    }

    public static Optional<BuiltinType> byOid(long oid)
    {
        return Optional.ofNullable(BY_OID.get(oid));
    }

    /** A type by its {@code typname} or SQL name ({@code integer}, {@code character varying}), for {@code ::regtype}. */
    public static Optional<BuiltinType> byName(String name)
    {
        String lower = name.toLowerCase(Locale.ROOT).trim();
        if (lower.startsWith("pg_catalog.")) {
            lower = lower.substring("pg_catalog.".length());
        }
        String typname = switch (lower) {
            case "boolean" -> "bool";
            case "smallint" -> "int2";
            case "integer", "int" -> "int4";
            case "bigint" -> "int8";
            case "real" -> "float4";
            case "double precision", "float" -> "float8";
            case "character varying" -> "varchar";
            case "character", "char" -> "bpchar";
            case "\"char\"" -> "char";
            case "decimal" -> "numeric";
            case "timestamp", "timestamp without time zone" -> "timestamp";
            case "timestamp with time zone" -> "timestamptz";
            case "time", "time without time zone" -> "time";
            case "time with time zone" -> "timetz";
            default -> lower;
        };
        return BY_OID.values().stream().filter(type -> type.name().equals(typname)).findFirst();
    }

    private static Map<Long, BuiltinType> load()
    {
        Map<Long, BuiltinType> types = new LinkedHashMap<>();
        try (InputStream input = BuiltinTypes.class.getResourceAsStream("types.txt")) {
            if (input == null) {
                throw new IllegalStateException("types.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(input, UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                BuiltinType type = new BuiltinType(Long.parseLong(f[0]), f[1], Integer.parseInt(f[2]), Boolean.parseBoolean(f[3]), f[4].charAt(0), f[5].charAt(0),
                        Boolean.parseBoolean(f[6]), f[7].charAt(0), Long.parseLong(f[8]), Long.parseLong(f[9]), f[10], f[11], f[12], f[13], f[14].charAt(0), f[15].charAt(0),
                        Long.parseLong(f[16]));
                types.put(type.oid(), type);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }
}
