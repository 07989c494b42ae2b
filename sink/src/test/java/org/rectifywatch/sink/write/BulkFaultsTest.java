package org.rectifywatch.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectifywatch.sink.write.BulkFaults.ItemOutcome;
import org.rectifywatch.sink.write.BulkFaults.RequestFault;

class BulkFaultsTest {

    @ParameterizedTest
    @CsvSource({
            "408,TRANSIENT", "429,TRANSIENT", "500,TRANSIENT", "502,TRANSIENT", "503,TRANSIENT", "504,TRANSIENT",
            "413,SPLIT", "400,SPLIT",
            "401,CONFIGURATION", "403,CONFIGURATION", "404,CONFIGURATION", "405,CONFIGURATION", "406,CONFIGURATION"})
    void wholeRequestAnswers(int status, RequestFault expected) {
        assertThat(BulkFaults.request(status)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "200,-,false,DONE", "201,-,false,DONE", "200,-,true,DONE",
            "404,-,true,DONE",
            "409,version_conflict_engine_exception,false,STALE", "409,version_conflict_engine_exception,true,STALE",
            "429,es_rejected_execution_exception,false,RETRY",
            // the flood-stage disk block answers 429: it passes once disk is freed
            "429,cluster_block_exception,false,RETRY",
            "503,unavailable_shards_exception,false,RETRY", "500,-,false,RETRY",
            "400,document_parsing_exception,false,DEAD_LETTER", "400,mapper_parsing_exception,false,DEAD_LETTER",
            "400,illegal_argument_exception,false,DEAD_LETTER", "400,strict_dynamic_mapping_exception,false,DEAD_LETTER",
            "413,-,false,DEAD_LETTER",
            "404,index_not_found_exception,false,CONFIGURATION", "404,index_not_found_exception,true,CONFIGURATION",
            "403,cluster_block_exception,false,CONFIGURATION", "403,security_exception,false,CONFIGURATION",
            "401,security_exception,false,CONFIGURATION"})
    void itemAnswers(int status, String errorType, boolean delete, ItemOutcome expected) {
        assertThat(BulkFaults.item(status, errorType, delete)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "401|es.api.key",
            "403|grant the sink's user the index privileges",
            "404|point es.url at the cluster itself",
            "405|check es.url and any proxy"})
    void eachRequestFaultNamesItsFix(int status, String fix) {
        assertThat(BulkFaults.requestFix(status, "http://127.0.0.1:9200", "")).contains("HTTP " + status).contains(fix)
                .doesNotContain("\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "404|index_not_found_exception|run `pipeline setup`",
            "403|cluster_block_exception|remove the block",
            "403|security_exception|grant it the index privileges",
            "401|security_exception|set es.api.key"})
    void eachItemFaultNamesItsFix(int status, String type, String fix) {
        assertThat(BulkFaults.itemFix(status, type, "reason", "rectify-issues")).contains("rectify-issues").contains(type)
                .contains(fix);
    }
}
