package org.rectifywatch.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Elasticsearch refuses to run as root. When this JVM is root, ES runs as an unprivileged system user
 * (created when missing) that owns the node's data, log and config dirs.
 */
public final class ElasticsearchUser {
    public static final String DEFAULT_NAME = "rectify-es";

    private ElasticsearchUser() {
    }

    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public static String name() {
        String env = System.getenv("RECTIFY_ES_USER");
        return env == null || env.isBlank() ? DEFAULT_NAME : env;
    }

    /** Creates the system user when it does not exist yet. */
    public static synchronized void ensureExists(String user) {
        if (run(List.of("id", "-u", user)) == 0) {
            return;
        }
        int rc = run(List.of("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                "--shell", "/usr/sbin/nologin", "--user-group", user));
        if (rc != 0 && run(List.of("id", "-u", user)) != 0) {
            throw new StartupException("Elasticsearch cannot run as root and the unprivileged user '" + user
                    + "' could not be created (useradd exit " + rc + "): create it with 'useradd --system " + user
                    + "', set RECTIFY_ES_USER to an existing user, or run the pipeline as a non-root user");
        }
    }

    /** Hands {@code dir} and everything below it to the ES user. */
    public static void handOver(Path dir, String user) {
        try {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal owner = lookup.lookupPrincipalByName(user);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(user);
            try (var paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths::iterator) {
                    PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                    view.setOwner(owner);
                    view.setGroup(group);
                }
            }
        } catch (IOException e) {
            throw new StartupException("cannot hand " + dir + " to the Elasticsearch user '" + user + "' (" + e
                    + "): choose a data dir on a local filesystem that root can chown");
        }
    }

    /** Every ancestor of {@code dir} must be traversable by others, or ES (as another user) cannot reach it. */
    public static void requireReachable(Path dir, String user) {
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            try {
                var perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new StartupException("Elasticsearch runs as user '" + user + "', who cannot reach " + dir
                            + " because " + p + " is not traversable by others: choose a data dir outside it (e.g. under /var/tmp) "
                            + "or run 'chmod o+x " + p + "'");
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static int run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
