package org.rectifywatch.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.report.Contact;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.model.report.ParseWarning;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.report.ReportMeta;
import org.rectifywatch.model.report.WarningCode;
import org.rectifywatch.processor.deadline.CommitmentExtractor;
import org.rectifywatch.processor.segment.IssueSegmenter;
import org.rectifywatch.processor.segment.SegmentedIssue;
import org.rectifywatch.processor.segment.Segmentation;

/**
 * Turns the text of one published rectification report into a {@link ParsedReport}: metadata, report-wide
 * figures and the issues with status and commitments (topics are left to the classifier).
 *
 * <p>Stateless and thread-safe; one shared instance is fine. It never throws on bad input: empty text, junk,
 * a news article or a cut-off report come back with typed warnings. Texts longer than {@link #MAX_CHARS}
 * characters (about 4 MB of UTF-8 Chinese; real reports are under 100,000) are parsed on their first
 * {@code MAX_CHARS} characters only and flagged {@link WarningCode#TOO_LARGE}.
 */
public final class ReportParser {
    /** Changes whenever the same text can parse differently; carried on every report record and document. */
    public static final String VERSION = "parser-3";
    /** Size cap: characters beyond it are not looked at. */
    public static final int MAX_CHARS = 2_000_000;

    private static final Pattern REPORT_WORDS = Pattern.compile("巡视|巡察");
    private static final Pattern PUBLISH_SENTENCE = Pattern.compile("予以公布|公布如下|予以公开|现将.{0,20}(?:公布|通报)");
    private static final String TERMINAL = "。！？!?”」』)）…;；";

    private final IssueSegmenter segmenter = new IssueSegmenter();

    public ParsedReport parse(ReportInput in) {
        List<ParseWarning> warnings = new ArrayList<>();
        String file = in == null ? null : in.file();
        try {
            return parseChecked(in, warnings);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug must not take the pipeline down: report it as a typed verdict instead.
            warnings.add(new ParseWarning(WarningCode.NOT_A_REPORT, "parser failed on this input: " + e));
            return new ParsedReport(file, emptyMeta(in), Map.of(), 0, List.of(), List.copyOf(warnings), VERSION);
        }
    }

    private ParsedReport parseChecked(ReportInput in, List<ParseWarning> warnings) {
        String raw = in == null || in.text() == null ? "" : in.text();
        String file = in == null ? null : in.file();
        if (raw.length() > MAX_CHARS) {
            warnings.add(new ParseWarning(WarningCode.TOO_LARGE, "text has " + raw.length()
                    + " characters; only the first " + MAX_CHARS + " were parsed"));
            raw = raw.substring(0, MAX_CHARS);
        }
        if (raw.isBlank()) {
            warnings.add(new ParseWarning(WarningCode.NOT_A_REPORT, "empty text"));
            return new ParsedReport(file, emptyMeta(in), Map.of(), 0, List.of(), List.copyOf(warnings), VERSION);
        }
        if (isJunk(raw)) {
            warnings.add(new ParseWarning(WarningCode.NOT_A_REPORT, "text is mostly control or undecodable characters"));
            return new ParsedReport(file, emptyMeta(in), Map.of(), 0, List.of(), List.copyOf(warnings), VERSION);
        }
        ReportText text = ReportText.of(raw);
        int opening = MetadataExtractor.openingLine(text);
        String title = MetadataExtractor.title(text, in.title(), opening);
        boolean reportLike = (opening >= 0 && MetadataExtractor.namesInspectedUnit(text.line(opening)))
                || (title != null && title.contains("整改"))
                || (REPORT_WORDS.matcher(raw).find() && raw.contains("整改") && PUBLISH_SENTENCE.matcher(raw).find());
        if (!reportLike) {
            warnings.add(new ParseWarning(WarningCode.NOT_A_REPORT,
                    "no opening sentence naming an inspection team, no rectification-report title"));
            ReportMeta meta = MetadataExtractor.extract(text, title, opening, text.size(), in.pageDate());
            return new ParsedReport(file, meta, Map.of(), 0, List.of(), List.copyOf(warnings), VERSION);
        }

        int from = opening >= 0 ? opening + 1 : 0;
        Segmentation segmentation = segmenter.segment(text, from, text.size());
        List<SegmentedIssue> segments = segmentation.issues();
        int closingFrom = segments.isEmpty() ? from : segments.get(segments.size() - 1).lastLine() + 1;
        ReportMeta meta = MetadataExtractor.extract(text, title, opening, closingFrom, in.pageDate());

        Integer contextYear = contextYear(meta);
        String anchor = meta.publishedDate() != null ? meta.publishedDate() : meta.feedbackDate();
        List<Issue> issues = new ArrayList<>(segments.size());
        int seq = 0;
        for (SegmentedIssue s : segments) {
            StatusClassifier.Verdict v = StatusClassifier.classify(s.rectification(), s.path());
            List<Commitment> commitments = CommitmentExtractor.extract(s.rectification(), contextYear, anchor);
            issues.add(Issue.parsed(++seq, s.label(), s.path(), s.problem(), s.firstLine() + 1, v.status(),
                    v.evidence(), commitments, s.rectification()));
        }
        // report-wide figures only from report-level text: never from an issue's rectification text
        boolean[] reportLevel = segmentation.reportLevel();
        StringBuilder reportText = new StringBuilder();
        for (int i = 0; i < text.size(); i++) {
            if (reportLevel[i] && text.isContent(i)) {
                reportText.append(text.line(i)).append('\n');
            }
        }
        Map<String, Number> figures = FigureExtractor.extract(reportText.toString());
        warnings.addAll(segmentation.warnings());

        if (issues.isEmpty()) {
            warnings.add(new ParseWarning(WarningCode.NO_ISSUES_FOUND,
                    "the text reads as a rectification report but no problem headings were recognised"));
        }
        String truncation = truncation(text, opening);
        if (truncation != null) {
            warnings.add(new ParseWarning(WarningCode.TRUNCATED, truncation));
        }
        return new ParsedReport(file, meta, figures, issues.size(), List.copyOf(issues), List.copyOf(warnings),
                VERSION);
    }

    /** The year that dates without a year refer to: publication, else feedback, else inspection end. */
    private static Integer contextYear(ReportMeta meta) {
        for (String d : new String[] {meta.publishedDate(), meta.feedbackDate(), meta.inspectionEnd(),
                meta.inspectionStart()}) {
            Integer y = DateText.yearOf(d);
            if (y != null) {
                return y;
            }
        }
        return null;
    }

    /** Why the text looks cut off, or null: an unfinished opening sentence or last paragraph. */
    private static String truncation(ReportText text, int opening) {
        if (opening >= 0) {
            String open = text.line(opening);
            // the opening may end by announcing what follows (现将整改情况公布如下:)
            if (TERMINAL.indexOf(open.charAt(open.length() - 1)) < 0 && !open.endsWith(":") && !open.endsWith("：")) {
                return "the opening sentence stops mid-sentence (line " + (opening + 1) + ")";
            }
        }
        for (int i = text.size() - 1; i >= 0; i--) {
            if (!text.isContent(i)) {
                continue;
            }
            String l = text.line(i);
            boolean shortNoPunctuation = l.length() <= 40 && l.chars().noneMatch(c -> ",，:：;；、".indexOf(c) >= 0);
            boolean closing = DateText.DATE_LINE.matcher(l).find() || shortNoPunctuation
                    || l.contains("电话") || l.contains("邮箱") || l.contains("信箱");
            if (!closing && TERMINAL.indexOf(l.charAt(l.length() - 1)) < 0) {
                return "the last paragraph stops mid-sentence (line " + (i + 1) + ")";
            }
            return null;
        }
        return null;
    }

    /** Control characters, U+FFFD and private-use characters beyond 5 % mean the bytes were not text. */
    private static boolean isJunk(String s) {
        int n = Math.min(s.length(), 20_000);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == '\ufffd' || (c >= 0xE000 && c <= 0xF8FF)
                    || (c >= 0x7f && c < 0xa0)) {
                bad++;
            }
        }
        return bad > n / 20;
    }

    private static ReportMeta emptyMeta(ReportInput in) {
        String title = in == null ? null : in.title();
        String published = in == null ? null : DateText.normalisePageDate(in.pageDate());
        return new ReportMeta(null, null, null, null, null, null, null, null, null, published, null, title,
                Contact.NONE);
    }
}
