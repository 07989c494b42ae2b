package org.rectifywatch.app.reliability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/** Watches every log event of this JVM for lines containing given words (secrets that must not leak, or refusals). */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> watched;
    private final List<String> hits = new CopyOnWriteArrayList<>();
    private final AtomicLong events = new AtomicLong();

    private LogCapture(List<String> watched) {
        this.watched = watched;
    }

    static LogCapture watching(String... words) {
        LogCapture c = new LogCapture(List.of(words));
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        c.setContext(root.getLoggerContext());
        c.start();
        root.addAppender(c);
        return c;
    }

    @Override
    protected void append(ILoggingEvent e) {
        events.incrementAndGet();
        String line = e.getLoggerName() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + ThrowableProxyUtil.asString(e.getThrowableProxy()));
        for (String w : watched) {
            if (line.contains(w)) {
                hits.add(line);
            }
        }
    }

    List<String> linesContaining(String word) {
        return hits.stream().filter(l -> l.contains(word)).toList();
    }

    long events() {
        return events.get();
    }

    @Override
    public void close() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(this);
        stop();
    }
}
