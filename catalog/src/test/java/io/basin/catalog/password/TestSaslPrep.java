package io.basin.catalog.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSaslPrep
{
    @Test
    void testRfc4013Examples()
    {
        // RFC 4013 section 3; where the RFC says "error", PostgreSQL (and so Basin) uses the password unchanged
        assertThat(SaslPrep.prepare("I\u00ADX")).isEqualTo("IX");
        assertThat(SaslPrep.prepare("user")).isEqualTo("user");
        assertThat(SaslPrep.prepare("USER")).isEqualTo("USER");
        assertThat(SaslPrep.prepare("\u00AA")).isEqualTo("a");
        assertThat(SaslPrep.prepare("\u2168")).isEqualTo("IX");
        assertThat(SaslPrep.prepare("\u0007")).isEqualTo("\u0007");
        assertThat(SaslPrep.prepare("\u0627\u0031")).isEqualTo("\u0627\u0031");
    }

    @Test
    void testAsciiIsUnchanged()
    {
        // pure ASCII skips SASLprep altogether, control characters and all, as in PostgreSQL
        assertThat(SaslPrep.prepare("p\u0001ss word\t")).isEqualTo("p\u0001ss word\t");
    }

    @Test
    void testMappingAndNormalization()
    {
        assertThat(SaslPrep.prepare("a\u00A0b\u3000c")).isEqualTo("a b c");
        // U+200B is both a non-ASCII space and "mapped to nothing"; PostgreSQL maps it to a space
        assertThat(SaslPrep.prepare("a\u200Bb")).isEqualTo("a b");
        assertThat(SaslPrep.prepare("a\uFEFFb\u200Dc")).isEqualTo("abc");
        assertThat(SaslPrep.prepare("\uFB01x")).isEqualTo("fix");
        assertThat(SaslPrep.prepare("caf\u0065\u0301")).isEqualTo("caf\u00E9");
        assertThat(SaslPrep.prepare("ｐａｓｓ")).isEqualTo("pass");
        assertThat(SaslPrep.prepare("пароль")).isEqualTo("пароль");
    }

    @Test
    void testProhibitedInputIsUsedUnchanged()
    {
        // private use, a non-ASCII control character, a tagging character, an unpaired surrogate
        assertThat(SaslPrep.prepare("\uE000\u00E9")).isEqualTo("\uE000\u00E9");
        assertThat(SaslPrep.prepare("\u0085\uFB01")).isEqualTo("\u0085\uFB01");
        assertThat(SaslPrep.prepare("\uDB40\uDC01\uFB01")).isEqualTo("\uDB40\uDC01\uFB01");
        assertThat(SaslPrep.prepare("\uD800\uFB01")).isEqualTo("\uD800\uFB01");
        // only characters mapped to nothing: empty after mapping, which is prohibited
        assertThat(SaslPrep.prepare("\u00AD\u00AD")).isEqualTo("\u00AD\u00AD");
    }

    @Test
    void testBidiRule()
    {
        // right-to-left only, first and last right-to-left: prepared; mixed with left-to-right: unchanged
        assertThat(SaslPrep.prepare("\u05D0\u05D1\uFB01\u05D2")).isEqualTo("\u05D0\u05D1\uFB01\u05D2");
        assertThat(SaslPrep.prepare("\u05D0\u00A0\u05D1")).isEqualTo("\u05D0 \u05D1");
        assertThat(SaslPrep.prepare("\u05D0x\u00A0\u05D1")).isEqualTo("\u05D0x\u00A0\u05D1");
    }
}
