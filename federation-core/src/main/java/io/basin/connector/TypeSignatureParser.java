package io.basin.connector;

import io.trino.spi.type.NamedTypeSignature;
import io.trino.spi.type.RowFieldName;
import io.trino.spi.type.TypeSignature;
import io.trino.spi.type.TypeSignatureParameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Parses the text form of a Trino type (what {@code TypeSignature.toString()} and type ids
 * produce) into a {@link TypeSignature}: {@code bigint}, {@code varchar(25)},
 * {@code decimal(12,2)}, {@code timestamp(3) with time zone}, {@code interval day to second},
 * {@code array(bigint)}, {@code map(varchar,double)}, {@code row("a" bigint, b varchar)}.
 * Base names are case-insensitive; row field names keep their case. SQL's own type syntax
 * (aliases such as {@code int8}) is the SQL front end's business, not this parser's.
 */
final class TypeSignatureParser
{
    private final String text;
    private int position;

    private TypeSignatureParser(String text)
    {
        this.text = requireNonNull(text, "text is null");
    }

    static TypeSignature parse(String text)
    {
        TypeSignatureParser parser = new TypeSignatureParser(text);
        TypeSignature signature = parser.parseType();
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw parser.error("unexpected '" + text.substring(parser.position) + "'");
        }
        return signature;
    }

    private TypeSignature parseType()
    {
        List<String> words = new ArrayList<>();
        words.add(readWord().toLowerCase(Locale.ROOT));
        List<TypeSignatureParameter> parameters = List.of();
        if (peek('(')) {
            parameters = words.getFirst().equals("row") ? parseRowFields() : parseParameters();
        }
        // Multi-word names: "double precision", "timestamp(3) with time zone", "interval day to second".
        while (peekWord()) {
            words.add(readWord().toLowerCase(Locale.ROOT));
        }
        return new TypeSignature(String.join(" ", words), parameters);
    }

    private List<TypeSignatureParameter> parseParameters()
    {
        expect('(');
        List<TypeSignatureParameter> parameters = new ArrayList<>();
        do {
            skipWhitespace();
            if (position < text.length() && Character.isDigit(text.charAt(position))) {
                parameters.add(TypeSignatureParameter.numericParameter(readNumber()));
            }
            else {
                parameters.add(TypeSignatureParameter.typeParameter(parseType()));
            }
        }
        while (accept(','));
        expect(')');
        return parameters;
    }

    private List<TypeSignatureParameter> parseRowFields()
    {
        expect('(');
        List<TypeSignatureParameter> fields = new ArrayList<>();
        do {
            skipWhitespace();
            Optional<String> name = Optional.empty();
            if (peek('"')) {
                name = Optional.of(readQuotedIdentifier());
            }
            else if (startsNamedField()) {
                name = Optional.of(readWord());
            }
            TypeSignature type = parseType();
            fields.add(TypeSignatureParameter.namedTypeParameter(new NamedTypeSignature(name.map(RowFieldName::new), type)));
        }
        while (accept(','));
        expect(')');
        return fields;
    }

    /** Whether the next word is a field name, i.e. another word (the type) follows it. */
    private boolean startsNamedField()
    {
        int saved = position;
        try {
            readWord();
            skipWhitespace();
            return position < text.length() && (isWordCharacter(text.charAt(position)) || text.charAt(position) == '"');
        }
        finally {
            position = saved;
        }
    }

    private String readWord()
    {
        skipWhitespace();
        int start = position;
        while (position < text.length() && isWordCharacter(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw error(position < text.length() ? "expected a type name at '" + text.substring(position) + "'" : "expected a type name");
        }
        return text.substring(start, position);
    }

    private String readQuotedIdentifier()
    {
        expect('"');
        StringBuilder name = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated quoted field name");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                // A doubled quote stands for one quote character.
                if (position < text.length() && text.charAt(position) == '"') {
                    name.append('"');
                    position++;
                    continue;
                }
                return name.toString();
            }
            name.append(c);
        }
    }

    private long readNumber()
    {
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        try {
            return Long.parseLong(text.substring(start, position));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("Cannot parse type '%s': number %s is too large".formatted(text, text.substring(start, position)), e);
        }
    }

    private boolean peekWord()
    {
        skipWhitespace();
        return position < text.length() && Character.isLetter(text.charAt(position));
    }

    private boolean peek(char expected)
    {
        skipWhitespace();
        return position < text.length() && text.charAt(position) == expected;
    }

    private boolean accept(char expected)
    {
        if (peek(expected)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char expected)
    {
        if (!accept(expected)) {
            throw error("expected '" + expected + "'" + (position < text.length() ? " at '" + text.substring(position) + "'" : ""));
        }
    }

    private void skipWhitespace()
    {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private static boolean isWordCharacter(char c)
    {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private IllegalArgumentException error(String reason)
    {
        return new IllegalArgumentException("Cannot parse type '%s': %s".formatted(text, reason));
    }
}
