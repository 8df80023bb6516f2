package io.lumasync.ui;

import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.sync.AutosyncControl;
import io.lumasync.sync.RunReport;
import io.lumasync.ui.common.engine.LabelledAutosync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The tray's autosync: every open workspace's scheduler at once (pause, resume, run now), each run reported with
 * the name of its workspace. Schedules stay per workspace (the Autosync pane of that workspace).
 */
final class AllWorkspacesAutosync implements LabelledAutosync {
    private record Member(String name, AutosyncControl control) {
    }

    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, RunReport>> listeners = new CopyOnWriteArrayList<>();
    private volatile RunReport last;
    private volatile boolean paused;

    /** Adds a workspace's scheduler (a paused tray pauses it too). */
    void add(String id, String name, AutosyncControl control) {
        members.put(id, new Member(name, control));
        if (paused) {
            control.pause();
        }
        control.addListener(r -> {
            Member m = members.get(id);
            if (m == null || m.control() != control) {
                return;
            }
            last = r;
            listeners.forEach(l -> l.accept(m.name(), r));
        });
    }

    void rename(String id, String name) {
        members.computeIfPresent(id, (k, m) -> new Member(name, m.control()));
    }

    void remove(String id) {
        members.remove(id);
    }

    @Override
    public void addListener(BiConsumer<String, RunReport> listener) {
        listeners.add(listener);
    }

    @Override
    public void addListener(Consumer<RunReport> listener) {
        listeners.add((name, r) -> listener.accept(r));
    }

    @Override
    public boolean enabled() {
        return members.values().stream().anyMatch(m -> m.control().enabled());
    }

    @Override
    public void setEnabled(boolean on) {
        members.values().forEach(m -> m.control().setEnabled(on));
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public void pause() {
        paused = true;
        members.values().forEach(m -> m.control().pause());
    }

    @Override
    public void resume() {
        paused = false;
        members.values().forEach(m -> m.control().resume());
    }

    @Override
    public void runNow() {
        members.values().forEach(m -> m.control().runNow());
    }

    @Override
    public Optional<Instant> nextRun(String sourceName) {
        return Optional.empty();
    }

    @Override
    public void schedule(String sourceName, Optional<Duration> interval, boolean watch) throws LumasyncException {
        throw new ConfigurationException("Schedules belong to one workspace: set them in its Autosync pane.");
    }

    @Override
    public Optional<RunReport> lastRun() {
        return Optional.ofNullable(last);
    }
}
