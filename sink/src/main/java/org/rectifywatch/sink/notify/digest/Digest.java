package org.rectifywatch.sink.notify.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One message to one channel holding {@code items}. {@code compact}: one line per item (a backfill, where
 * {@code summary} describes everything that was waiting for the channel when it was cut). The id — the payload's
 * idempotency key — follows from the channel and the item keys only, so the same items always make the same key.
 */
public record Digest(String id, String channel, List<Notice> items, boolean compact, String summary) {

    public static Digest of(String channel, List<Notice> items, boolean compact, String summary) {
        return new Digest(id(channel, items.stream().map(Notice::key).toList()), channel, List.copyOf(items), compact, summary);
    }

    public static String id(String channel, List<String> keys) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(channel.getBytes(StandardCharsets.UTF_8));
            keys.stream().sorted().forEach(k -> {
                md.update((byte) '\n');
                md.update(k.getBytes(StandardCharsets.UTF_8));
            });
            return "digest-" + HexFormat.of().formatHex(md.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> keys() {
        return items.stream().map(Notice::key).toList();
    }
}
