package io.lumasync.source;

import java.nio.file.Path;

/** A source whose items are files on this computer: the engine reads them in place instead of copying. */
public interface LocalFiles {
    Path path(SourceItem item);
}
