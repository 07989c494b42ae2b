package org.rectifywatch.sink.write;

/**
 * The sink's policy per fault class, as pure functions of what Elasticsearch answered: transient faults are
 * retried with backoff, a request Elasticsearch cannot take whole is split, a record it refuses for good is
 * dead-lettered, and a configuration fault stops the sink with a sentence naming the fix.
 */
public final class BulkFaults {
    private BulkFaults() {
    }

    /** What to do with a whole {@code _bulk} request that did not succeed. */
    public enum RequestFault {
        /** 408, 429, 5xx, I/O: Elasticsearch is busy or away; retry the same request later. */
        TRANSIENT,
        /** 413 (too large) or 400 (a body it cannot read): halve the batch, down to the one document at fault. */
        SPLIT,
        /** 401, 403, 404 and any other status: retrying cannot help. */
        CONFIGURATION
    }

    /** What to do with one item of a bulk answer. */
    public enum ItemOutcome {
        DONE,
        /** 409: a replay or an older version; the indexed document is newer and stays. */
        STALE,
        /** 429, 5xx: retry the item. */
        RETRY,
        /** Refused for good (mapping conflict, value too long, document too large): a dead letter. */
        DEAD_LETTER,
        /** Missing index or alias, missing privileges, a write block: stop the sink. */
        CONFIGURATION
    }

    public static RequestFault request(int status) {
        if (status == 408 || status == 429 || status >= 500) {
            return RequestFault.TRANSIENT;
        }
        if (status == 413 || status == 400) {
            return RequestFault.SPLIT;
        }
        return RequestFault.CONFIGURATION;
    }

    public static ItemOutcome item(int status, String errorType, boolean delete) {
        if (status >= 200 && status < 300) {
            return ItemOutcome.DONE;
        }
        if (status == 404 && delete && (errorType == null || errorType.isEmpty())) {
            return ItemOutcome.DONE; // already absent: the tombstone's intent holds
        }
        if (status == 409) {
            return ItemOutcome.STALE;
        }
        if (status == 429 || status >= 500) {
            return ItemOutcome.RETRY;
        }
        if (status == 401 || status == 403 || "index_not_found_exception".equals(errorType)) {
            return ItemOutcome.CONFIGURATION;
        }
        return ItemOutcome.DEAD_LETTER;
    }

    /** The sentence the sink stops with after a whole request answered {@code status}. */
    public static String requestFix(int status, String esUrl, String answer) {
        String said = answer == null || answer.isBlank() ? "" : " (" + answer + ")";
        return switch (status) {
            case 401 -> "Elasticsearch at " + esUrl + " refused the sink's credentials with HTTP 401" + said
                    + ": set es.api.key, or es.username and es.password, to a user that may write the sink's indices";
            case 403 -> "Elasticsearch at " + esUrl + " forbade the sink's bulk request with HTTP 403" + said
                    + ": grant the sink's user the index privileges create_index, write and manage on the sink's indices";
            case 404 -> "es.url " + esUrl + " does not lead to the Elasticsearch API (HTTP 404 on /_bulk" + said
                    + "): point es.url at the cluster itself, without a path";
            default -> "Elasticsearch at " + esUrl + " answered the sink's bulk request with HTTP " + status + said
                    + ", which no retry can change: check es.url and any proxy in front of the cluster";
        };
    }

    /** The sentence the sink stops with when Elasticsearch refused an item for a reason no record can cure. */
    public static String itemFix(int status, String errorType, String reason, String index) {
        String said = " (" + errorType + (reason == null || reason.isEmpty() ? "" : ": " + reason) + ")";
        if ("index_not_found_exception".equals(errorType)) {
            return "the index alias " + index + " does not exist" + said
                    + ": run `pipeline setup`, or start the sink with sink.setup=true, with the same sink.index.prefix";
        }
        if ("cluster_block_exception".equals(errorType)) {
            return "index " + index + " refuses writes because of an index block" + said
                    + ": remove the block (PUT " + index + "/_settings {\"index.blocks.write\":false}) once the cause is fixed";
        }
        if (status == 401) {
            return "Elasticsearch refused the sink's credentials writing to " + index + said
                    + ": set es.api.key, or es.username and es.password, to a user that may write it";
        }
        return "the sink's user may not write to " + index + " (HTTP " + status + ")" + said
                + ": grant it the index privileges create_index, write and manage on the sink's indices";
    }
}
