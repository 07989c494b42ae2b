package org.rectifywatch.processor.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable identifiers. The report id derives from the canonical URL of the page that first published the report
 * (files: their {@code file:} key); issue ids are {@link IssueIdentity}'s.
 */
public final class ReportIds {
    private ReportIds() {
    }

    public static String reportId(String canonicalUrl) {
        return "r" + sha256Hex(canonicalUrl).substring(0, 16);
    }

    public static String sha256Hex(String s) {
        return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
