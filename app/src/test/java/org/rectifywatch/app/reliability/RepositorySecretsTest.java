package org.rectifywatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rectifywatch.app.reliability.ReliabilityRow.Builder;
import org.rectifywatch.sink.config.MaskedUrl;

/**
 * No credentials in the repository's code and configuration: every secret-looking setting is empty or an
 * environment reference. Also checks the rule against a planted secret, so it cannot pass by matching nothing.
 */
class RepositorySecretsTest {
    /** key = value / key: value where the key names a credential. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)([A-Za-z0-9_.\\-]*(password|passwd|secret|api[_.\\-]?key|access[_.\\-]?token|jaas[_.\\-]?config|credentials?)[A-Za-z0-9_.\\-]*)[\"']?\\s*[:=]\\s*([\"']?)([^\"'\\s,;]*)");
    private static final Pattern WELL_KNOWN = Pattern.compile("(AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|xox[bp]-[0-9A-Za-z-]{10,})");
    private static final List<String> CONFIG = List.of(".yml", ".yaml", ".properties", ".env", ".conf", ".xml", ".json", ".ndjson",
            "Dockerfile", ".java", ".sh", "run", ".md");

    @Test
    void noCredentialsInCodeOrConfiguration() throws IOException {
        Builder row = new Builder("s2-no-credentials-in-repo", "Security",
                "Credentials in code or config files of the repository (Kafka SASL/TLS, Elasticsearch API key/basic auth, webhook)");
        Path root = repositoryRoot();
        List<String> findings = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(RepositorySecretsTest::scanned).toList()) {
                scanned++;
                findings.addAll(findingsIn(root.relativize(f).toString(), read(f)));
            }
        }
        List<String> planted = findingsIn("planted.yml", "es:\n  api_key: VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==\n"
                + "  password: ${ES_PASSWORD}\nkafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required password=\"hunter2\";\n");
        String masked = MaskedUrl.of("https://oapi.dingtalk.com/robot/send?access_token=" + WebhookReceiver.URL_MARKER);
        row.outcome("Scanned " + scanned + " files (code, configuration, compose, Dockerfile, docs) for credential settings with a "
                        + "literal value and for well-known key formats; secrets are read only from RECTIFY_* environment variables "
                        + "(compose passes ${VAR:-}). The webhook URL is logged masked (" + masked + "); the processor-crash scenario "
                        + "also checks that no log line of the run contains it.")
                .count("credential settings with a literal value", 0, findings.size())
                .count("planted literals the rule finds (api_key, jaas password)", 2, planted.size())
                .count("webhook secret in its masked form", 0, masked.contains(WebhookReceiver.URL_MARKER) ? 1 : 0);
        ReliabilityRow r = row.build(getClass().getSimpleName() + "#noCredentialsInCodeOrConfiguration");
        r.write(ReliabilityRow.DEFAULT_DIR);
        assertThat(findings).as("credentials in the repository").isEmpty();
        assertThat(planted).hasSize(2);
        assertThat(masked).doesNotContain(WebhookReceiver.URL_MARKER);
    }

    static List<String> findingsIn(String name, String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = ASSIGNMENT.matcher(line);
            while (m.find()) {
                boolean quoted = !m.group(3).isEmpty();
                boolean code = name.endsWith(".java") || name.endsWith(".md");
                if ((quoted || !code) && isLiteralSecret(m.group(4), quoted)) {
                    out.add(name + ":" + (i + 1) + ": " + line.strip());
                }
            }
            if (WELL_KNOWN.matcher(line).find()) {
                out.add(name + ":" + (i + 1) + ": well-known key format");
            }
        }
        return out;
    }

    /** A value that is not empty, not an environment/config reference, not code, and looks like a credential. */
    private static boolean isLiteralSecret(String v, boolean quoted) {
        if (v.isEmpty() || v.startsWith("$") || v.startsWith("{") || v.startsWith("<") || v.startsWith("(") || v.startsWith("%")) {
            return false;
        }
        if (v.matches("(?i)(null|none|true|false|changeme|\\*+|\\.\\.\\.|xxx+)") || !v.matches(".*[0-9].*|.{12,}")) {
            return false;
        }
        // code and prose: identifiers, calls, keys of other settings
        return quoted ? !v.contains("(") : !v.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    }

    private static boolean scanned(Path f) {
        String s = f.toString();
        if (s.contains("/target/") || s.contains("/.git/") || s.contains("/node_modules/")) {
            return false;
        }
        String name = f.getFileName().toString();
        return CONFIG.stream().anyMatch(name::endsWith) && !name.equals("RepositorySecretsTest.java");
    }

    private static String read(Path f) throws IOException {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return "";
        }
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve(".ci/run")) && !Files.exists(p.resolve("docker-compose.yml"))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root (with docker-compose.yml) above " + Path.of("").toAbsolutePath()).isNotNull();
        return p;
    }
}
