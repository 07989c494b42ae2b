package org.rectifywatch.sink.write;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@code group.instance.id} of a sink: {@code sink-<host>-<n>}, where n is the lowest slot that no
 * other sink of the same group on this host holds (a lock on a file in the temporary directory, released by the
 * operating system when the process dies). A sink restarted after a crash gets its old slot back, so the broker
 * hands it its old partitions at once; two sinks on one host get different ids and never fence each other.
 */
public final class MemberSlot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MemberSlot.class);
    private final String instanceId;
    private final FileChannel channel;

    private MemberSlot(String instanceId, FileChannel channel) {
        this.instanceId = instanceId;
        this.channel = channel;
    }

    public String instanceId() {
        return instanceId;
    }

    public static MemberSlot claim(String groupId) {
        return claim(groupId, hostName(), Path.of(System.getProperty("java.io.tmpdir"), "rectify-sink-members"));
    }

    static MemberSlot claim(String groupId, String host, Path dir) {
        try {
            Files.createDirectories(dir);
            for (int n = 0; n < 1000; n++) {
                FileChannel ch = FileChannel.open(dir.resolve(groupId + "-" + n + ".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                try {
                    FileLock lock = ch.tryLock();
                    if (lock != null) {
                        return new MemberSlot("sink-" + host + "-" + n, ch);
                    }
                } catch (OverlappingFileLockException e) {
                    // held by another sink in this JVM
                }
                ch.close();
            }
        } catch (IOException e) {
            log.warn("cannot claim a member slot in {} ({}): running without static membership; set sink.instance.id "
                    + "for fast restarts", dir, e.toString());
            return new MemberSlot(null, null);
        }
        throw new IllegalStateException("1000 sinks of group " + groupId + " already run on this host");
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("releasing member slot {}: {}", instanceId, e.toString());
            }
        }
    }
}
