package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.airlift.slice.SliceUtf8;
import io.airlift.slice.Slices;
import io.basin.error.BasinException;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static io.basin.error.BasinErrorCode.INVALID_ESCAPE_SEQUENCE;
import static java.util.Objects.requireNonNull;

/**
 * A compiled LIKE / ILIKE pattern. {@code %} matches any run of characters, {@code _} exactly one
 * character (code point), and the escape character (backslash unless given, as in PostgreSQL)
 * makes the next character literal. Matching works on UTF-8 bytes without building a regular
 * expression: the pattern is cut at each {@code %} into segments, the first anchored at the
 * start, the last at the end, and each middle one matched at its leftmost position (which is
 * always safe, since a later match would leave less room for the rest). Immutable and shareable.
 */
public final class LikeMatcher
{
    private static final int ANY_CHARACTER = -1;
    private static final Slice DEFAULT_ESCAPE = Slices.utf8Slice("\\");

    private final boolean caseInsensitive;
    private final boolean startsWithWildcard;
    private final boolean endsWithWildcard;
    private final Segment[] segments;

    private LikeMatcher(boolean caseInsensitive, boolean startsWithWildcard, boolean endsWithWildcard, List<Segment> segments)
    {
        this.caseInsensitive = caseInsensitive;
        this.startsWithWildcard = startsWithWildcard;
        this.endsWithWildcard = endsWithWildcard;
        this.segments = segments.toArray(new Segment[0]);
    }

    /** Compiles {@code pattern} with the default escape character, backslash. */
    public static LikeMatcher compile(Slice pattern, boolean caseInsensitive)
    {
        return compile(pattern, DEFAULT_ESCAPE, caseInsensitive);
    }

    /** Compiles {@code pattern}; an empty {@code escape} disables escaping. */
    public static LikeMatcher compile(Slice pattern, Slice escape, boolean caseInsensitive)
    {
        requireNonNull(pattern, "pattern is null");
        requireNonNull(escape, "escape is null");
        int escapeCodePoint = -1;
        if (escape.length() > 0) {
            if (SliceUtf8.countCodePoints(escape) != 1) {
                throw new BasinException(INVALID_ESCAPE_SEQUENCE, "invalid escape string");
            }
            escapeCodePoint = SliceUtf8.getCodePointAt(escape, 0);
        }
        Slice source = caseInsensitive ? SliceUtf8.toLowerCase(pattern) : pattern;

        List<Segment> segments = new ArrayList<>();
        SegmentBuilder current = new SegmentBuilder();
        boolean startsWithWildcard = false;
        boolean endsWithWildcard = false;
        boolean first = true;
        int offset = 0;
        while (offset < source.length()) {
            int codePoint = SliceUtf8.getCodePointAt(source, offset);
            int codePointLength = SliceUtf8.lengthOfCodePoint(codePoint);
            if (codePoint == escapeCodePoint) {
                offset += codePointLength;
                if (offset >= source.length()) {
                    throw new BasinException(INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
                }
                int escaped = SliceUtf8.getCodePointAt(source, offset);
                int escapedLength = SliceUtf8.lengthOfCodePoint(escaped);
                current.appendLiteral(source, offset, escapedLength);
                offset += escapedLength;
                endsWithWildcard = false;
                first = false;
                continue;
            }
            if (codePoint == '%') {
                if (first) {
                    startsWithWildcard = true;
                }
                else if (!current.isEmpty()) {
                    segments.add(current.build());
                    current = new SegmentBuilder();
                }
                endsWithWildcard = true;
            }
            else {
                if (codePoint == '_') {
                    current.appendAnyCharacter();
                }
                else {
                    current.appendLiteral(source, offset, codePointLength);
                }
                endsWithWildcard = false;
            }
            first = false;
            offset += codePointLength;
        }
        if (!current.isEmpty() || segments.isEmpty()) {
            segments.add(current.build());
        }
        return new LikeMatcher(caseInsensitive, startsWithWildcard, endsWithWildcard, segments);
    }

    public boolean matches(Slice value)
    {
        if (caseInsensitive) {
            value = SliceUtf8.toLowerCase(value);
        }
        int length = value.length();
        if (!startsWithWildcard && !endsWithWildcard && segments.length == 1) {
            return segments[0].matchAt(value, 0) == length;
        }
        int position = 0;
        int first = 0;
        int last = segments.length - 1;
        if (!startsWithWildcard) {
            position = segments[0].matchAt(value, 0);
            if (position < 0) {
                return false;
            }
            first = 1;
        }
        if (!endsWithWildcard) {
            // the last segment is anchored at the end
            if (last < first) {
                return position == length;
            }
            Segment tail = segments[last];
            for (int i = first; i < last; i++) {
                position = segments[i].findFrom(value, position);
                if (position < 0) {
                    return false;
                }
            }
            return tail.matchesSuffix(value, position);
        }
        for (int i = first; i <= last; i++) {
            position = segments[i].findFrom(value, position);
            if (position < 0) {
                return false;
            }
        }
        return true;
    }

    /** A run of literal bytes and single-character wildcards between two {@code %}. */
    private static final class Segment
    {
        private final int[] tokens;
        // the bytes when the segment has no wildcard, and their search
        private final Slice literal;
        private final ByteSubstringSearch search;

        Segment(int[] tokens, Slice literal)
        {
            this.tokens = tokens;
            this.literal = literal;
            this.search = literal == null ? null : new ByteSubstringSearch(literal.getBytes());
        }

        /** The end offset of a match starting at {@code offset}, or -1. */
        int matchAt(Slice value, int offset)
        {
            if (literal != null) {
                int end = offset + literal.length();
                return end <= value.length() && value.equals(offset, literal.length(), literal, 0, literal.length()) ? end : -1;
            }
            int position = offset;
            int length = value.length();
            for (int token : tokens) {
                if (position >= length) {
                    return -1;
                }
                if (token == ANY_CHARACTER) {
                    position += SliceUtf8.lengthOfCodePointFromStartByte(value.getByte(position));
                }
                else if ((value.getByte(position++) & 0xFF) != token) {
                    return -1;
                }
            }
            return position <= length ? position : -1;
        }

        /** The end offset of the leftmost match at or after {@code offset}, or -1. */
        int findFrom(Slice value, int offset)
        {
            if (literal != null) {
                if (literal.length() == 0) {
                    return offset;
                }
                int base = value.byteArrayOffset();
                int index = search.indexOf(value.byteArray(), base + offset, base + value.length());
                return index < 0 ? -1 : index - base + literal.length();
            }
            int position = offset;
            while (position < value.length()) {
                int end = matchAt(value, position);
                if (end >= 0) {
                    return end;
                }
                position += SliceUtf8.lengthOfCodePointFromStartByte(value.getByte(position));
            }
            return tokens.length == 0 ? position : -1;
        }

        /** Whether some match starts at or after {@code offset} and ends exactly at the end of the value. */
        boolean matchesSuffix(Slice value, int offset)
        {
            if (literal != null) {
                int start = value.length() - literal.length();
                return start >= offset && matchAt(value, start) == value.length();
            }
            int position = offset;
            while (position <= value.length()) {
                if (matchAt(value, position) == value.length()) {
                    return true;
                }
                if (position == value.length()) {
                    return false;
                }
                position += SliceUtf8.lengthOfCodePointFromStartByte(value.getByte(position));
            }
            return false;
        }
    }

    private static final class SegmentBuilder
    {
        private final List<Integer> tokens = new ArrayList<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean hasWildcard;

        boolean isEmpty()
        {
            return tokens.isEmpty();
        }

        void appendLiteral(Slice source, int offset, int length)
        {
            for (int i = 0; i < length; i++) {
                int value = source.getByte(offset + i) & 0xFF;
                tokens.add(value);
                bytes.write(value);
            }
        }

        void appendAnyCharacter()
        {
            tokens.add(ANY_CHARACTER);
            hasWildcard = true;
        }

        Segment build()
        {
            int[] array = tokens.stream().mapToInt(Integer::intValue).toArray();
            return new Segment(array, hasWildcard ? null : Slices.wrappedBuffer(bytes.toByteArray()));
        }
    }
}
