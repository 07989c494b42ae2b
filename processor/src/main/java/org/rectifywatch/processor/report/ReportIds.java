package org.rectifywatch.processor.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.model.report.Issue;

/**
 * Stable identifiers. The report id derives from the canonical URL (file input uses a {@code file:} URL
 * made of the content hash); the issue id from the report id and the issue's place in the heading structure
 * (ordinals of its enclosing headings and its own label), so re-processing a report gives the same ids and an
 * edit elsewhere in the report does not renumber an issue.
 */
public final class ReportIds {
    private static final Pattern ORDINAL = Pattern.compile(
            "^\\s*(第[一二三四五六七八九十百零〇\\d]+[方面个部分]*|[(（]?[一二三四五六七八九十百零〇\\d]+[)）]?)");

    private ReportIds() {
    }

    public static String reportId(String canonicalUrl) {
        return "r" + sha256Hex(canonicalUrl).substring(0, 16);
    }

    /** Issue ids for all issues of a report, in issue order; duplicates of one position get a #n suffix. */
    public static List<String> issueIds(String reportId, List<Issue> issues) {
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, String> ids = new LinkedHashMap<>();
        for (Issue i : issues) {
            String pos = position(i);
            int n = seen.merge(pos, 1, Integer::sum);
            ids.put(i.seq(), reportId + "-" + pos + (n > 1 ? "#" + n : ""));
        }
        return List.copyOf(ids.values());
    }

    static String position(Issue issue) {
        StringBuilder sb = new StringBuilder();
        for (String heading : issue.path()) {
            sb.append(ordinal(heading)).append('.');
        }
        String label = issue.label() == null || issue.label().isBlank() ? String.valueOf(issue.seq()) : issue.label();
        sb.append(label.replaceAll("[\\s()（）、.．,，]", ""));
        return sb.toString();
    }

    private static String ordinal(String heading) {
        Matcher m = ORDINAL.matcher(heading == null ? "" : heading);
        if (m.find() && !m.group(1).isBlank()) {
            return m.group(1).replaceAll("[()（）\\s]", "");
        }
        return sha256Hex(heading == null ? "" : heading).substring(0, 6);
    }

    public static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
