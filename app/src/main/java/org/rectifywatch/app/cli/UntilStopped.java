package org.rectifywatch.app.cli;

import java.util.concurrent.CountDownLatch;

/** A long-running command's end: on Ctrl-C or SIGTERM the stop action runs, then {@link #await()} returns. */
final class UntilStopped {
    private final CountDownLatch stopped = new CountDownLatch(1);

    private UntilStopped() {
    }

    static UntilStopped onShutdown(String threadName, Runnable stop) {
        UntilStopped u = new UntilStopped();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } finally {
                u.stopped.countDown();
            }
        }, threadName));
        return u;
    }

    void await() throws InterruptedException {
        stopped.await();
    }
}
