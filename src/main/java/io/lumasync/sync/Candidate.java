package io.lumasync.sync;

import io.lumasync.source.SourceItem;

import java.nio.file.Path;
import java.util.Optional;

/** An item offered to the planner, with its local file when there is one (pushed files, folder sources). */
public record Candidate(SourceItem item, Optional<Path> localPath) {
}
