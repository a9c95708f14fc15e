package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.metadata.pgcatalog.FormatType;

import java.util.Set;

/** The catalog functions that run per row: {@code format_type} and {@code quote_ident}. */
public final class PgCatalogFunctions
{
    /** PostgreSQL's keywords that are not unreserved: an identifier spelled like one needs quotes. */
    private static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
            "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce",
            "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog",
            "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "dec",
            "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists", "extract",
            "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group",
            "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect",
            "interval", "into", "is", "isnull", "join", "lateral", "leading", "least", "left", "like", "limit",
            "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null",
            "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing",
            "position", "precision", "primary", "real", "references", "returning", "right", "row", "select",
            "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample",
            "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using",
            "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat",
            "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize",
            "xmltable");

    private PgCatalogFunctions() {}

    public static Slice formatType(long oid)
    {
        return Slices.utf8Slice(FormatType.format(oid, null));
    }

    public static Slice formatType(long oid, long typmod)
    {
        return Slices.utf8Slice(FormatType.format(oid, typmod));
    }

    public static Slice quoteIdent(Slice identifier)
    {
        String text = identifier.toStringUtf8();
        return needsQuotes(text) ? Slices.utf8Slice("\"" + text.replace("\"", "\"\"") + "\"") : identifier;
    }

    /** Whether PostgreSQL would quote the identifier: anything but a lower-case name that is not a keyword. */
    public static boolean needsQuotes(String text)
    {
        if (text.isEmpty()) {
            return true;
        }
        char first = text.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return true;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
                return true;
            }
        }
        return KEYWORDS.contains(text);
    }
}
