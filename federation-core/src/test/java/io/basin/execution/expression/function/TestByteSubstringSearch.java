package io.basin.execution.expression.function;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word-at-a-time search must find exactly what a byte-by-byte search finds: the first start
 * of the needle wholly inside the range, never a match that runs past the range's end, over
 * haystacks from small alphabets (many partial matches and first/last-byte coincidences), needles
 * of one to a dozen bytes (including bytes above 0x7F) and ranges anywhere in larger arrays.
 */
class TestByteSubstringSearch
{
    @Test
    void findsWhatAByteByByteSearchFinds()
    {
        Random random = new Random(17);
        for (int trial = 0; trial < 200_000; trial++) {
            int alphabet = 2 + random.nextInt(4);
            byte[] haystack = new byte[random.nextInt(80)];
            for (int i = 0; i < haystack.length; i++) {
                haystack[i] = letter(random, alphabet);
            }
            byte[] needle = new byte[1 + random.nextInt(random.nextBoolean() ? 3 : 12)];
            for (int i = 0; i < needle.length; i++) {
                needle[i] = letter(random, alphabet);
            }
            if (haystack.length > needle.length && random.nextInt(3) == 0) {
                // plant the needle so long needles are found too
                System.arraycopy(needle, 0, haystack, random.nextInt(haystack.length - needle.length + 1), needle.length);
            }
            int from = haystack.length == 0 ? 0 : random.nextInt(haystack.length + 1);
            int to = from + random.nextInt(haystack.length - from + 1);
            assertThat(new ByteSubstringSearch(needle).indexOf(haystack, from, to))
                    .as("needle %s in %s [%s, %s)", java.util.Arrays.toString(needle), java.util.Arrays.toString(haystack), from, to)
                    .isEqualTo(byteByByte(haystack, from, to, needle));
        }
    }

    @Test
    void emptyNeedleMatchesAtTheStart()
    {
        assertThat(new ByteSubstringSearch(new byte[0]).indexOf(new byte[] {1, 2}, 1, 2)).isEqualTo(1);
    }

    private static byte letter(Random random, int alphabet)
    {
        // 'a', 'b', ... and one byte above 0x7F, as UTF-8 continuation bytes are
        int letter = random.nextInt(alphabet);
        return letter == alphabet - 1 && alphabet > 2 ? (byte) 0xC3 : (byte) ('a' + letter);
    }

    private static int byteByByte(byte[] haystack, int from, int to, byte[] needle)
    {
        for (int start = from; start + needle.length <= to; start++) {
            boolean match = true;
            for (int i = 0; i < needle.length && match; i++) {
                match = haystack[start + i] == needle[i];
            }
            if (match) {
                return start;
            }
        }
        return -1;
    }
}
