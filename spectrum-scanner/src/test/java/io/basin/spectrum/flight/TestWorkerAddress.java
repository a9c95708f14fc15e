package io.basin.spectrum.flight;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestWorkerAddress
{
    @Test
    void testParseList()
    {
        assertThat(WorkerAddress.parseList(" 10.0.0.5:7001, worker-2.example:7002,,[::1]:7003 ")).containsExactly(
                new WorkerAddress("10.0.0.5", 7001),
                new WorkerAddress("worker-2.example", 7002),
                new WorkerAddress("::1", 7003));
        assertThat(WorkerAddress.parseList("")).isEmpty();
        assertThat(WorkerAddress.parseList("local, a:1")).containsExactly(new WorkerAddress("a", 1));
        assertThat(WorkerAddress.listsLocal("a:1, LOCAL")).isTrue();
        assertThat(WorkerAddress.listsLocal("a:1, localhost:2")).isFalse();
        assertThat(new WorkerAddress("::1", 7003).toString()).isEqualTo("[::1]:7003");
        assertThat(WorkerAddress.parseList("a:1").stream().map(WorkerAddress::toString).toList()).isEqualTo(List.of("a:1"));
    }

    @Test
    void testBadEntriesAreNamed()
    {
        assertThatThrownBy(() -> WorkerAddress.parseList("a:1,b")).hasMessage("'b' is not host:port");
        assertThatThrownBy(() -> WorkerAddress.parseList("a:x")).hasMessage("'a:x' is not host:port");
        assertThatThrownBy(() -> WorkerAddress.parseList(":7001")).hasMessage("':7001' is not host:port");
        assertThatThrownBy(() -> WorkerAddress.parseList("a:70000")).hasMessageContaining("not between 1 and 65535");
    }
}
