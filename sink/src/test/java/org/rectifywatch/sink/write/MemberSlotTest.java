package org.rectifywatch.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberSlotTest {

    @Test
    void twoSinksOfAGroupOnOneHostGetDifferentIdsAndARestartedOneGetsItsIdBack(@TempDir Path dir) {
        MemberSlot first = MemberSlot.claim("rectify-sink", "host1", dir);
        MemberSlot second = MemberSlot.claim("rectify-sink", "host1", dir);
        MemberSlot otherGroup = MemberSlot.claim("other-sink", "host1", dir);
        assertThat(first.instanceId()).isEqualTo("sink-host1-0");
        assertThat(second.instanceId()).isEqualTo("sink-host1-1");
        assertThat(otherGroup.instanceId()).isEqualTo("sink-host1-0");
        first.close(); // as the operating system does when the process dies
        MemberSlot restarted = MemberSlot.claim("rectify-sink", "host1", dir);
        assertThat(restarted.instanceId()).isEqualTo("sink-host1-0");
        restarted.close();
        second.close();
        otherGroup.close();
    }
}
