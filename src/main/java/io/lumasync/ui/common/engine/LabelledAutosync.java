package io.lumasync.ui.common.engine;

import io.lumasync.sync.AutosyncControl;
import io.lumasync.sync.RunReport;

import java.util.function.BiConsumer;

/** Autosync over several workspaces: its listeners also learn whose run it was (the workspace's display name). */
public interface LabelledAutosync extends AutosyncControl {
    void addListener(BiConsumer<String, RunReport> listener);
}
