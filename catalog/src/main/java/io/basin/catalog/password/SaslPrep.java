package io.basin.catalog.password;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013, a profile of stringprep, RFC 3454) of a password before it is hashed for
 * SCRAM, with PostgreSQL's rules for when it does not apply: the password is used as given when it
 * is pure ASCII, when it is not valid Unicode, or when SASLprep would prohibit it. Clients
 * (libpq, pgjdbc) do the same, so both sides derive the same key.
 * <p>
 * Steps, as PostgreSQL runs them: map non-ASCII spaces (table C.1.2) to U+0020 and delete the
 * characters "commonly mapped to nothing" (B.1); an empty result is prohibited; normalize with
 * NFKC; prohibit the tables C.1.2 to C.9 and unassigned code points (A.1); apply the bidi rule
 * (section 6). Like PostgreSQL, the prohibition and bidi checks look at the mapped input, not the
 * normalized output.
 * <p>
 * Limits: stringprep fixes Unicode 3.2 for NFKC, for "unassigned" and for bidi categories; this
 * uses the JDK's newer Unicode tables for all three. The results differ only for passwords with
 * characters assigned after Unicode 3.2 (for which PostgreSQL falls back to the raw password) that
 * also contain characters NFKC changes, and for the handful of characters whose decomposition or
 * direction changed since.
 */
public final class SaslPrep
{
    private SaslPrep() {}

    /** The string whose UTF-8 bytes SCRAM hashes for {@code password}. */
    public static String prepare(String password)
    {
        if (password.chars().allMatch(c -> c < 0x80)) {
            return password;
        }
        if (!isWellFormed(password)) {
            return password;
        }
        // U+200B is in both tables; spaces are mapped first, as PostgreSQL does
        int[] mapped = password.codePoints()
                .map(code -> isNonAsciiSpace(code) ? ' ' : code)
                .filter(code -> !isMappedToNothing(code))
                .toArray();
        if (mapped.length == 0) {
            return password;
        }
        boolean hasRandAL = false;
        boolean hasL = false;
        for (int code : mapped) {
            if (isProhibited(code) || Character.getType(code) == Character.UNASSIGNED) {
                return password;
            }
            byte direction = Character.getDirectionality(code);
            hasRandAL |= direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
            hasL |= direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
        }
        if (hasRandAL && (hasL || !isRandAL(mapped[0]) || !isRandAL(mapped[mapped.length - 1]))) {
            return password;
        }
        return Normalizer.normalize(new String(mapped, 0, mapped.length), Normalizer.Form.NFKC);
    }

    private static boolean isWellFormed(String text)
    {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
            else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRandAL(int code)
    {
        byte direction = Character.getDirectionality(code);
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /** RFC 3454 table C.1.2. */
    static boolean isNonAsciiSpace(int code)
    {
        return code == 0x00A0 || code == 0x1680 || (code >= 0x2000 && code <= 0x200B)
                || code == 0x202F || code == 0x205F || code == 0x3000;
    }

    /** RFC 3454 table B.1. */
    static boolean isMappedToNothing(int code)
    {
        return code == 0x00AD || code == 0x034F || code == 0x1806 || (code >= 0x180B && code <= 0x180D)
                || (code >= 0x200B && code <= 0x200D) || code == 0x2060
                || (code >= 0xFE00 && code <= 0xFE0F) || code == 0xFEFF;
    }

    /** RFC 3454 tables C.1.2 and C.2.1 to C.9, SASLprep's prohibited output. */
    static boolean isProhibited(int code)
    {
        return isNonAsciiSpace(code)
                // C.2.1 ASCII control characters
                || code <= 0x001F || code == 0x007F
                // C.2.2 non-ASCII control characters
                || (code >= 0x0080 && code <= 0x009F) || code == 0x06DD || code == 0x070F || code == 0x180E
                || code == 0x200C || code == 0x200D || code == 0x2028 || code == 0x2029
                || (code >= 0x2060 && code <= 0x2063) || (code >= 0x206A && code <= 0x206F)
                || code == 0xFEFF || (code >= 0xFFF9 && code <= 0xFFFC) || (code >= 0x1D173 && code <= 0x1D17A)
                // C.3 private use
                || (code >= 0xE000 && code <= 0xF8FF) || (code >= 0xF0000 && code <= 0xFFFFD) || (code >= 0x100000 && code <= 0x10FFFD)
                // C.4 non-character code points: U+FDD0..U+FDEF and the last two of every plane
                || (code >= 0xFDD0 && code <= 0xFDEF) || (code & 0xFFFE) == 0xFFFE
                // C.5 surrogate codes
                || (code >= 0xD800 && code <= 0xDFFF)
                // C.6 inappropriate for plain text
                || (code >= 0xFFF9 && code <= 0xFFFD)
                // C.7 inappropriate for canonical representation
                || (code >= 0x2FF0 && code <= 0x2FFB)
                // C.8 change display properties or deprecated
                || code == 0x0340 || code == 0x0341 || code == 0x200E || code == 0x200F
                || (code >= 0x202A && code <= 0x202E) || (code >= 0x206A && code <= 0x206F)
                // C.9 tagging characters
                || code == 0xE0001 || (code >= 0xE0020 && code <= 0xE007F);
    }
}
