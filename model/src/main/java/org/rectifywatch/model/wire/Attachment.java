package org.rectifywatch.model.wire;

/** A file linked from a report page (PDF, DOC, OFD …). */
public record Attachment(String url, String name, String type) {
}
