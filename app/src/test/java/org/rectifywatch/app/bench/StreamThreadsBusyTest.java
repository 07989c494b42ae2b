package org.rectifywatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StreamThreadsBusyTest {

    @Test
    void aThreadThatStopsWorkingIsSeenToHaveStopped() throws Exception {
        AtomicBoolean work = new AtomicBoolean(true);
        AtomicBoolean end = new AtomicBoolean(false);
        Thread t = new Thread(() -> {
            long x = 0;
            while (!end.get()) {
                if (work.get()) {
                    x += System.nanoTime() % 7; // on the CPU
                } else {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (x == 42) {
                System.out.print("");
            }
        }, "app-1b2c-StreamThread-1");
        t.setDaemon(true);
        t.start();
        try {
            StreamThreadsBusy busy = new StreamThreadsBusy();
            long start = System.nanoTime();
            double stoppedAt = Double.NaN;
            for (int i = 0; i < 12; i++) {
                double at = (System.nanoTime() - start) / 1e9;
                busy.sample(at, 100 + 10L * i);
                if (i == 6) {
                    work.set(false);
                    stoppedAt = at;
                }
                Thread.sleep(100);
            }
            // worked up to the sample at which it was told to stop (its last interval still busy), idle after
            assertThat(busy.firstRanOut()).isGreaterThan(0).isLessThanOrEqualTo(stoppedAt + 0.15);
            assertThat(busy.describe()).startsWith("StreamThread-1 last worked at ");
            double rate = busy.rateWhileAllWorked(100);
            assertThat(rate).isPositive().isLessThan(10 * 7 / busy.firstRanOut() + 1e-9);
        } finally {
            end.set(true);
        }
    }
}
