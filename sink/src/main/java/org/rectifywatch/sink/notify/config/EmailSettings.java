package org.rectifywatch.sink.notify.config;

import java.util.List;

/** How an email channel reaches its SMTP server and whom it writes to. The password never appears in toString. */
public record EmailSettings(String host, int port, String username, String password, boolean startTls, boolean ssl,
                            String from, List<String> to) {
    @Override
    public String toString() {
        return "smtp://" + (username == null ? "" : username + ":***@") + host + ":" + port + (ssl ? " ssl" : startTls ? " starttls" : "")
                + " from " + from + " to " + to;
    }
}
