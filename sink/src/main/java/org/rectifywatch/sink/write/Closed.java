package org.rectifywatch.sink.write;

/** Thrown out of a retry loop when the sink closes: the batch's outcome stays unknown, so its offsets are not committed. */
public final class Closed extends RuntimeException {
    public Closed() {
        super("sink closing", null, false, false);
    }
}
