package org.rectifywatch.ingest.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rectifywatch.ingest.profile.TitleFilter;

/**
 * The version of the judgement "report, feedback notice or neither" ({@link PageClass}) for one profile: a
 * fingerprint of the profile's title filter patterns and of {@link #RULES}. The crawler records it with every page
 * it judged not a report; when it differs on a later pass (the filter was edited, or the rules changed) the page is
 * fetched and judged again, and only then.
 */
public final class Judgement {
    /**
     * Bump when {@link PageClass} or {@link FeedbackNotice} change what they keep, so that pages judged not a report
     * under the old rules are judged again.
     */
    public static final int RULES = 1;

    private Judgement() {
    }

    /** The judgement version under this title filter (16 hex digits). */
    public static String of(TitleFilter filter) {
        StringBuilder b = new StringBuilder("rules ").append(RULES);
        filter.include().forEach(p -> b.append("\ninclude ").append(p));
        filter.exclude().forEach(p -> b.append("\nexclude ").append(p));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
