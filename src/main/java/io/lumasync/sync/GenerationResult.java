package io.lumasync.sync;

import io.lumasync.store.Generations.Generation;

import java.util.Optional;

/** A generated (or rolled back) version, and the run that published it when it has destinations. */
public record GenerationResult(Generation generation, Optional<RunReport> published) {
}
