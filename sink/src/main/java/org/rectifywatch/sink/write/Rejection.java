package org.rectifywatch.sink.write;

/** A record refused for good: by Elasticsearch (a 4xx for the document) or because it could not be read. */
public record Rejection(SinkAction action, String reason, String detail) {
}
