package org.rectifywatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBudgetTest {
    private final List<Long> leftOut = new ArrayList<>();
    private final LogBudget budget = new LogBudget(3, 60_000);

    @Test
    void aFewLinesAWindowTheRestCountedOnceItCloses() {
        int logged = 0;
        for (int i = 0; i < 10; i++) {
            if (budget.take(1_000 + i, leftOut::add)) {
                logged++;
            }
        }
        assertThat(logged).isEqualTo(3);
        budget.close(60_999, leftOut::add);
        assertThat(leftOut).as("the window is still open").isEmpty();
        budget.close(61_000, leftOut::add);
        assertThat(leftOut).containsExactly(7L);
        assertThat(budget.take(61_001, leftOut::add)).as("a new window").isTrue();
    }

    @Test
    void aWindowWithNothingLeftOutSaysNothing() {
        assertThat(budget.take(0, leftOut::add)).isTrue();
        assertThat(budget.take(70_000, leftOut::add)).isTrue();
        budget.close(200_000, leftOut::add);
        assertThat(leftOut).isEmpty();
    }

    @Test
    void theCountComesBeforeTheFirstLineOfTheNextWindow() {
        for (int i = 0; i < 5; i++) {
            budget.take(i, leftOut::add);
        }
        assertThat(budget.take(60_000, leftOut::add)).isTrue();
        assertThat(leftOut).containsExactly(2L);
    }
}
