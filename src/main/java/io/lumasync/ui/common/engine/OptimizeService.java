package io.lumasync.ui.common.engine;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.sync.OptimizeReport;
import io.lumasync.sync.SyncListener;

import java.util.List;

/**
 * The Optimize pane's view of the engine's Optimize run: recompresses media already published at a destination
 * after keeping the originals. Blocking.
 */
public interface OptimizeService {

    /** One page (from 1) of a destination's media. */
    List<RemoteAsset> list(String destination, int page, int perPage) throws LumasyncException;

    /** Downloads one asset and encodes it with the settings, without changing anything. */
    Preview preview(String destination, RemoteAsset asset, EncodeSettings settings) throws LumasyncException;

    /** Backs up, recompresses and replaces each asset; one failure never stops the others. */
    OptimizeReport optimize(String destination, List<RemoteAsset> assets, EncodeSettings settings,
                            SyncListener listener) throws LumasyncException;

    /** Restores every kept original at a destination. */
    OptimizeReport rollback(String destination) throws LumasyncException;

    /** The original and the recompressed bytes of one asset. */
    record Preview(String fileName, byte[] before, byte[] after, String afterFormat, List<String> notes) {
        public Preview {
            notes = List.copyOf(notes);
        }
    }
}
