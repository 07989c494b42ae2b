package org.rectifywatch.sink.index;

import java.util.List;

/**
 * An alias points only at indices of an older mapping version than this build writes: the strict older mapping
 * would reject this build's documents, so the sink does not start until the operator migrates.
 */
public final class IndexBehindException extends IllegalStateException {
    public IndexBehindException(IndexNames names, LogicalIndex index, List<String> targets) {
        super("the alias " + names.alias(index) + " points at " + String.join(", ", targets)
                + ", an older mapping version than the " + index.mappingVersion() + " this build writes ("
                + names.concrete(index) + "): stop the sinks of the older build, run `pipeline setup --migrate`"
                + " (it copies the documents with their versions and swaps the alias), then start this sink again");
    }
}
