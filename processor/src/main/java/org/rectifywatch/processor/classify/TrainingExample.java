package org.rectifywatch.processor.classify;

/**
 * One labelled problem statement of {@code training.tsv}: topic, optional second topic, the enclosing group
 * heading(s) (" > "-joined, may be empty), the problem, and where it came from ({@code synthetic} or
 * {@code gold:<corpus file name>}).
 */
public record TrainingExample(Topic topic, Topic topic2, String path, String problem, String source) {

    /** True when this row is the gold annotation of that report (file name with or without extension). */
    public boolean fromReport(String reportFile) {
        return source.startsWith("gold:") && baseName(source.substring(5)).equals(baseName(reportFile));
    }

    static String baseName(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
