package org.rectifywatch.samples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The request log a test reads right after its client is done holds every request the site has received. */
class SampleSiteLogTest {

    @Test
    void aRequestStillBeingAnsweredIsInTheLogOnceTheCallerAsks() throws Exception {
        try (SampleSite site = SampleSite.start()) {
            site.setStallMillis(400); // the answer, and so the log entry, comes 400 ms after the request
            HttpClient client = HttpClient.newHttpClient();
            try {
                client.send(HttpRequest.newBuilder(URI.create(site.url() + "/xsxc/index.html")).timeout(Duration.ofMillis(100)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (HttpTimeoutException expected) {
                // the client gave up; the site is still answering
            }
            assertThat(site.requests("/xsxc/index.html")).as("logged before the log is read").hasSize(1);
        }
    }
}
