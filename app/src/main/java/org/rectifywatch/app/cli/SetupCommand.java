package org.rectifywatch.app.cli;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.util.concurrent.Callable;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.model.ops.Reachability;
import org.rectifywatch.sink.config.RestClients;
import org.rectifywatch.sink.index.IndexNames;
import org.rectifywatch.sink.index.IndexSetup;
import org.rectifywatch.sink.index.LogicalIndex;
import org.rectifywatch.sink.kibana.KibanaImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline setup}: index templates, indices and aliases; with {@code --kibana}, the dashboards too. Idempotent. */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Installs or updates the index templates, indices and aliases in Elasticsearch (idempotent) and, "
                + "given a Kibana URL, imports the data views and dashboards (overwriting earlier versions).")
public final class SetupCommand implements Callable<Integer> {

    @Option(names = "--es", description = "Elasticsearch URL (es.url).")
    String esUrl;

    @Option(names = "--kibana", paramLabel = "URL", description = "Kibana base URL, e.g. http://kibana:5601 (kibana.url); "
            + "authenticates with the Elasticsearch credentials.")
    String kibanaUrl;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        ConfigSource config = options.source("es.url", esUrl, "kibana.url", kibanaUrl);
        ElasticsearchSettings es = ElasticsearchSettings.from(config);
        IndexNames names = new IndexNames(config.string("sink.index.prefix", IndexNames.DEFAULT.prefix()));
        String kibana = config.string("kibana.url", null);
        Reachability.requireElasticsearch(es, Reachability.WAIT);
        try (Rest5Client client = RestClients.build(es)) {
            IndexSetup.ensure(client, names);
        }
        for (LogicalIndex i : LogicalIndex.values()) {
            System.out.println("alias " + names.alias(i) + " -> " + names.concrete(i) + " (template " + names.template(i) + ")");
        }
        if (kibana != null) {
            int n = KibanaImporter.importAll(kibana, RestClients.authorization(es));
            System.out.println("Kibana: imported " + n + " saved objects into " + kibana);
        }
        return 0;
    }
}
