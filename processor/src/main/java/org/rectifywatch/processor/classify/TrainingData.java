package org.rectifywatch.processor.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The labelled problem statements the topic model is trained on (resource {@code training.tsv}). */
public record TrainingData(List<TrainingExample> examples, String sha256) {
    static final String RESOURCE = "training.tsv";

    public TrainingData {
        examples = List.copyOf(examples);
    }

    /** The training file shipped with the processor. */
    public static TrainingData bundled() {
        return parse(Resources.read(RESOURCE), RESOURCE);
    }

    /** Parses TSV lines {@code topic, topic2, path, problem, source}; '#' lines and blank lines are skipped. */
    public static TrainingData parse(String tsv, String name) {
        List<TrainingExample> out = new ArrayList<>();
        String[] lines = tsv.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": expected 5 tab-separated fields "
                        + "(topic, topic2, path, problem, source), found " + f.length + "; fix the line");
            }
            Topic topic = Topic.ofCode(f[0]).orElseThrow(() -> new IllegalArgumentException(
                    name + ": unknown topic code '" + f[0] + "'; use one of the 18 codes of the taxonomy"));
            Topic topic2 = f[1].isBlank() ? null : Topic.ofCode(f[1]).orElseThrow(() -> new IllegalArgumentException(
                    name + ": unknown topic2 code '" + f[1] + "'; leave it empty or use a taxonomy code"));
            if (f[3].isBlank()) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": empty problem statement");
            }
            out.add(new TrainingExample(topic, topic2, f[2].strip(), f[3].strip(), f[4].strip()));
        }
        return new TrainingData(out, Resources.sha256(tsv));
    }

    public TrainingData without(Predicate<TrainingExample> excluded) {
        return new TrainingData(examples.stream().filter(excluded.negate()).toList(), sha256);
    }

    public int size() {
        return examples.size();
    }

    /** Small helpers for the classifier's resources. */
    static final class Resources {
        private Resources() {
        }

        static String read(String resource) {
            try (InputStream in = TrainingData.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("classpath resource org/rectifywatch/processor/classify/"
                            + resource + " is missing: the processor jar is incomplete, rebuild it");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classifier resource " + resource, e);
            }
        }

        static String sha256(String text) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8));
                StringBuilder hex = new StringBuilder();
                for (byte b : digest) {
                    hex.append(String.format("%02x", b));
                }
                return hex.toString();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JRE", e);
            }
        }
    }
}
