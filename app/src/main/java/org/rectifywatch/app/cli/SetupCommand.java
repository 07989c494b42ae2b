package org.rectifywatch.app.cli;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.sink.config.RestClients;
import org.rectifywatch.sink.index.IndexNames;
import org.rectifywatch.sink.index.IndexSetup;
import org.rectifywatch.sink.index.LogicalIndex;
import org.rectifywatch.sink.kibana.KibanaImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline setup}: index templates, indices and aliases; with {@code --migrate}, moves aliases that point at
 * an older mapping version to this build's; with {@code --kibana}, the dashboards too. Idempotent.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Installs or updates the index templates, indices and aliases in Elasticsearch (idempotent) and, "
                + "given a Kibana URL, imports the data views and dashboards (overwriting earlier versions).")
public final class SetupCommand implements Callable<Integer> {

    @Option(names = "--es", description = "Elasticsearch URL (es.url).")
    String esUrl;

    @Option(names = "--kibana", paramLabel = "URL", description = "Kibana base URL, e.g. http://kibana:5601 (kibana.url); "
            + "authenticates with the Elasticsearch credentials.")
    String kibanaUrl;

    @Option(names = "--migrate", description = "Moves an alias that points at an older mapping version of its index to "
            + "this build's: creates the new index, copies every document with its version, swaps the alias in one step. "
            + "Stop the sinks of the older build first.")
    boolean migrate;

    @Option(names = "--kibana-only", description = "Imports the Kibana objects only (the indices are set up by another run).")
    boolean kibanaOnly;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        ConfigSource config = options.source("es.url", esUrl, "kibana.url", kibanaUrl);
        ElasticsearchSettings es = ElasticsearchSettings.from(config);
        IndexNames names = new IndexNames(config.string("sink.index.prefix", IndexNames.DEFAULT.prefix()));
        String kibana = config.string("kibana.url", null);
        if (kibanaOnly && kibana == null) {
            throw new IllegalArgumentException("--kibana-only needs the Kibana URL: give --kibana URL or kibana.url (RECTIFY_KIBANA_URL)");
        }
        if (kibanaOnly && migrate) {
            throw new IllegalArgumentException("--kibana-only and --migrate exclude each other: migrate with pipeline setup --migrate");
        }
        if (!kibanaOnly) {
            try (Rest5Client client = RestClients.build(es)) {
                IndexSetup.ensure(client, names, Duration.ofSeconds(60), migrate);
            }
            for (LogicalIndex i : LogicalIndex.values()) {
                System.out.println("alias " + names.alias(i) + " -> " + names.concrete(i) + " (template " + names.template(i) + ")");
            }
        }
        if (kibana != null) {
            int n = KibanaImporter.importAll(kibana, RestClients.authorization(es), names);
            System.out.println("Kibana: imported " + n + " saved objects for the " + names.prefix() + "-* indices into " + kibana);
        }
        return 0;
    }
}
