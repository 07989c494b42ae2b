package org.rectifywatch.localstack;

import java.nio.file.Path;

/** A JVM that starts Elasticsearch and waits: killed by {@link SupervisedElasticsearchIT} to see its child go too. */
public final class ElasticsearchParent {
    static final String READY = "elasticsearch-parent-ready";

    public static void main(String[] args) throws InterruptedException {
        LocalElasticsearch.start(Path.of(args[0]), false, 0);
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
