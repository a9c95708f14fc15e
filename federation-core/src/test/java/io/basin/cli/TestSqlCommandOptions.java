package io.basin.cli;

import io.basin.cli.SqlCommandOptions.ScriptSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.basin.cli.SqlCommandOptions.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSqlCommandOptions
{
    @Test
    void testDefaults()
    {
        SqlCommandOptions options = parse(List.of());
        assertThat(options.scripts()).isEmpty();
        assertThat(options.dataDirectory()).isEmpty();
        assertThat(options.pluginDirectory()).isEmpty();
        assertThat(options.format()).isEqualTo(OutputFormat.ALIGNED);
        assertThat(options.help()).isFalse();
    }

    @Test
    void testOptions()
    {
        SqlCommandOptions options = parse(List.of(
                "-e", "SELECT 1", "--file", "a.sql", "--execute=SELECT 2", "-f", "-",
                "--data-dir", "/tmp/data", "--plugin-dir=/tmp/plugins", "--format", "tsv", "-h"));
        // -e and -f keep their order
        assertThat(options.scripts()).containsExactly(
                new ScriptSource.Inline("SELECT 1"),
                new ScriptSource.File("a.sql"),
                new ScriptSource.Inline("SELECT 2"),
                new ScriptSource.File("-"));
        assertThat(options.dataDirectory()).isEqualTo(Optional.of(Path.of("/tmp/data")));
        assertThat(options.pluginDirectory()).isEqualTo(Optional.of(Path.of("/tmp/plugins")));
        assertThat(options.format()).isEqualTo(OutputFormat.TSV);
        assertThat(options.help()).isTrue();
    }

    @Test
    void testValuesThatLookLikeOptions()
    {
        // the value of -e is taken as is, even when it starts with a dash
        assertThat(parse(List.of("-e", "-- comment\nSELECT 1")).scripts()).containsExactly(new ScriptSource.Inline("-- comment\nSELECT 1"));
        assertThat(parse(List.of("--execute=a=b")).scripts()).containsExactly(new ScriptSource.Inline("a=b"));
    }

    @Test
    void testErrors()
    {
        assertThatThrownBy(() -> parse(List.of("--data-dir"))).isInstanceOf(UsageException.class).hasMessage("option '--data-dir' needs a value");
        assertThatThrownBy(() -> parse(List.of("--help=1"))).isInstanceOf(UsageException.class).hasMessage("option '--help' takes no value");
        assertThatThrownBy(() -> parse(List.of("-x"))).isInstanceOf(UsageException.class).hasMessage("unknown option '-x' for 'basin sql'");
        assertThatThrownBy(() -> parse(List.of("--format", "json"))).isInstanceOf(UsageException.class);
    }
}
