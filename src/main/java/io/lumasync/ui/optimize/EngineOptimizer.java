package io.lumasync.ui.optimize;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.sync.OptimizeReport;
import io.lumasync.sync.Optimizer;
import io.lumasync.sync.SyncListener;
import io.lumasync.sync.SyncService;
import io.lumasync.ui.common.engine.OptimizeService;

import java.util.List;

/** The Optimize pane's door into the engine's Optimize run. */
public final class EngineOptimizer implements OptimizeService {
    private final SyncService sync;

    public EngineOptimizer(SyncService sync) {
        this.sync = sync;
    }

    @Override
    public List<RemoteAsset> list(String destination, int page, int perPage) throws LumasyncException {
        return sync.media(destination, page, perPage);
    }

    @Override
    public Preview preview(String destination, RemoteAsset asset, EncodeSettings settings) throws LumasyncException {
        Optimizer.Preview p = sync.previewOptimize(destination, asset, settings);
        return new Preview(p.fileName(), p.before(), p.after().bytes(), p.after().format().name(), p.after().notes());
    }

    @Override
    public OptimizeReport optimize(String destination, List<RemoteAsset> assets, EncodeSettings settings,
                                   SyncListener listener) throws LumasyncException {
        return sync.optimize(destination, assets, settings, listener);
    }

    @Override
    public OptimizeReport rollback(String destination) throws LumasyncException {
        return sync.rollbackOptimize(destination, List.of(), SyncListener.NONE);
    }
}
