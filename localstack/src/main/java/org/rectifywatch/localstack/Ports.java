package org.rectifywatch.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers. */
public final class Ports {
    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /** A port that was free on loopback a moment ago. */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new StartupException("no free loopback port could be found (" + e.getMessage() + "): check the loopback interface");
        }
    }

    /** Fails with a clear sentence when a requested port is taken. */
    public static int requireFree(int port, String what) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
            return port;
        } catch (IOException e) {
            throw new StartupException(what + " port " + port + " on " + LOOPBACK
                    + " is already taken: stop the process using it or choose another port (0 = any free port)");
        }
    }
}
