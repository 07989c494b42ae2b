package org.rectifywatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch distribution the build fetches from Maven Central
 * ({@code org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip}), unpacked once per version into
 * a cache directory that an unprivileged user can read.
 */
public final class ElasticsearchDistribution {
    public static final String VERSION = "9.2.8";
    private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);

    private ElasticsearchDistribution() {
    }

    /** The unpacked ES home, unpacking the zip when needed. */
    public static Path home() {
        return home(System.getenv("RECTIFY_ES_DIST"), cacheDir());
    }

    static Path home(String override, Path cacheDir) {
        if (override != null && !override.isBlank() && Files.isDirectory(Path.of(override))) {
            return Path.of(override);
        }
        Path zip = override != null && !override.isBlank() ? Path.of(override) : defaultZip();
        if (!Files.isRegularFile(zip)) {
            throw new StartupException("the Elasticsearch " + VERSION + " distribution was not found at " + zip
                    + ": run 'mvn -B -DskipTests package' once (the build fetches it from Maven Central), set RECTIFY_ES_DIST "
                    + "to the zip or an unpacked ES home, or use an existing cluster with RECTIFY_ES_URL=http://host:9200");
        }
        Path target = cacheDir.resolve("elasticsearch-" + VERSION);
        if (Files.isRegularFile(target.resolve("bin/elasticsearch"))) {
            return target;
        }
        return unpack(zip, target);
    }

    static Path defaultZip() {
        String repo = System.getProperty("maven.repo.local");
        Path base = repo != null ? Path.of(repo) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return base.resolve("org/elasticsearch/distribution/integ-test-zip/elasticsearch/" + VERSION
                + "/elasticsearch-" + VERSION + ".zip");
    }

    /** Under /var/tmp when root, so that the unprivileged ES user can traverse to it; else ~/.cache. */
    static Path cacheDir() {
        String env = System.getenv("RECTIFY_CACHE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return ElasticsearchUser.runningAsRoot()
                ? Path.of("/var/tmp/rectify-watch")
                : Path.of(System.getProperty("user.home"), ".cache", "rectify-watch");
    }

    private static Path unpack(Path zip, Path target) {
        log.info("unpacking {} to {}", zip.getFileName(), target);
        try {
            Files.createDirectories(target.getParent());
            makeTraversable(target.getParent());
            Path tmp = Files.createTempDirectory(target.getParent(), "unpack-");
            try (InputStream in = Files.newInputStream(zip); ZipInputStream zin = new ZipInputStream(in)) {
                ZipEntry e;
                String prefix = "elasticsearch-" + VERSION + "/";
                while ((e = zin.getNextEntry()) != null) {
                    String name = e.getName().startsWith(prefix) ? e.getName().substring(prefix.length()) : e.getName();
                    if (name.isEmpty()) {
                        continue;
                    }
                    Path out = tmp.resolve(name).normalize();
                    if (!out.startsWith(tmp)) {
                        throw new IOException("zip entry outside target: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(zin, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try (var files = Files.walk(tmp)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    boolean exec = Files.isDirectory(p) || p.getParent().getFileName().toString().equals("bin")
                            || p.toString().contains("/platform/") || p.toString().contains("/native/");
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
                LocalKafka.deleteRecursively(tmp); // another process unpacked it first
            }
            return target;
        } catch (IOException e) {
            throw new StartupException("unpacking " + zip + " to " + target + " failed (" + e
                    + "): check free disk space, or set RECTIFY_CACHE_DIR to a writable directory");
        }
    }

    static void makeTraversable(Path dir) throws IOException {
        if (ElasticsearchUser.runningAsRoot()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
