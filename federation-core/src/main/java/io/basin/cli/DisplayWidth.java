package io.basin.cli;

import org.jline.utils.WCWidth;

/**
 * The number of terminal columns a string occupies: East Asian wide characters take two, combining
 * marks none. Aligned output pads by this rather than by {@code String.length()} so that columns
 * holding non-Latin text still line up.
 */
final class DisplayWidth
{
    private DisplayWidth() {}

    static int of(String text)
    {
        int width = 0;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            // control characters have no width of their own (wcwidth says -1); count them as one
            width += Math.max(WCWidth.wcwidth(codePoint), codePoint < 0x20 ? 1 : 0);
            offset += Character.charCount(codePoint);
        }
        return width;
    }
}
