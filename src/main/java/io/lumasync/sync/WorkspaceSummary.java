package io.lumasync.sync;

import io.lumasync.store.Workspace;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the "All workspaces" overview.
 *
 * @param assetsPublished rows of the workspace's sync map (one per asset and destination)
 * @param bytesSaved      bytes of the originals minus the bytes sent, over everything published
 * @param errors          items that failed in the last {@link Workspaces#ERROR_WINDOW}
 * @param problem         why the workspace could not be read, when it could not
 */
public record WorkspaceSummary(Workspace workspace, long assetsPublished, int destinations, long bytesSaved,
                               Optional<Instant> lastActivity, int errors, Optional<String> problem) {
}
