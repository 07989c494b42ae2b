package org.rectifywatch.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that can run Elasticsearch 9 (Java 21 or newer) while the project itself runs on 17:
 * {@code ES_JAVA_HOME}, then {@code JAVA_HOME}, then the newest suitable JDK under {@code /usr/lib/jvm}.
 */
public final class JavaRuntimeFinder {
    public static final int MIN_VERSION = 21;
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JavaRuntimeFinder() {
    }

    public static Path findForElasticsearch() {
        return find(System.getenv(), Path.of("/usr/lib/jvm"));
    }

    static Path find(java.util.Map<String, String> env, Path jvmDir) {
        List<String> looked = new ArrayList<>();
        for (String var : List.of("ES_JAVA_HOME", "JAVA_HOME")) {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                Path home = Path.of(v);
                looked.add(var + "=" + v + " (Java " + majorVersion(home).map(String::valueOf).orElse("?") + ")");
                if (qualifies(home)) {
                    return home;
                }
            }
        }
        if (Files.isDirectory(jvmDir)) {
            try (Stream<Path> homes = Files.list(jvmDir)) {
                Optional<Path> best = homes.filter(JavaRuntimeFinder::qualifies)
                        .max((a, b) -> Integer.compare(majorVersion(a).orElse(0), majorVersion(b).orElse(0)));
                if (best.isPresent()) {
                    return best.get();
                }
            } catch (IOException e) {
                looked.add("/usr/lib/jvm unreadable: " + e.getMessage());
            }
            looked.add(jvmDir + "/*");
        }
        throw new StartupException("Elasticsearch 9 needs a JDK " + MIN_VERSION + "+ to run and none was found (looked at "
                + String.join(", ", looked) + "): install one (e.g. apt-get install openjdk-21-jdk-headless) and set ES_JAVA_HOME, "
                + "or point the pipeline at an existing cluster with RECTIFY_ES_URL=http://host:9200");
    }

    static boolean qualifies(Path home) {
        return Files.isExecutable(home.resolve("bin/java")) && majorVersion(home).orElse(0) >= MIN_VERSION;
    }

    static Optional<Integer> majorVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isReadable(release)) {
            return Optional.empty();
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
