package org.rectifywatch.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rectifywatch.model.config.ConfigSource;
import picocli.CommandLine.Option;

/**
 * The {@code --set KEY=VALUE} option of every service command, and how a command's own flags join it:
 * flags win over {@code --set}, which wins over {@code RECTIFY_<KEY>} environment variables.
 */
final class ConfigOptions {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Any configuration key (see README), e.g. --set processor.threads=2; also read from RECTIFY_<KEY>.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The configuration with these flag values (key, value, key, value …; null values are flags not given). */
    ConfigSource source(Object... keyValues) {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                overrides.put((String) keyValues[i], keyValues[i + 1].toString());
            }
        }
        return ConfigSource.of(overrides);
    }
}
