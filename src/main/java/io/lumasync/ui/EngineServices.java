package io.lumasync.ui;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Capabilities;
import io.lumasync.store.ActivityEvent;
import io.lumasync.sync.Autosync;
import io.lumasync.sync.AutosyncControl;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncListener;
import io.lumasync.sync.SyncService;
import io.lumasync.ui.common.engine.AppServices;
import io.lumasync.ui.common.engine.OptimizeService;
import io.lumasync.ui.common.engine.UiSettings;
import io.lumasync.ui.optimize.EngineOptimizer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AppServices} on the real engine. */
public final class EngineServices implements AppServices {
    private static final int ACTIVITY_LIMIT = 5000;
    private final SyncService sync;
    private final OptimizeService optimizer;
    private final AutosyncControl autosync;

    /** The engine with the autosync scheduler the tray and the Autosync pane control, started. */
    public static EngineServices withAutosync(SyncService sync) {
        Autosync autosync = Autosync.over(sync, SyncListener.NONE);
        autosync.start();
        return new EngineServices(sync, autosync);
    }

    public EngineServices(SyncService sync, AutosyncControl autosync) {
        this.sync = sync;
        this.autosync = autosync;
        this.optimizer = new EngineOptimizer(sync);
    }

    /** The engine itself, for the workspaces overview. */
    SyncService sync() {
        return sync;
    }

    @Override
    public List<DestinationInfo> destinations() throws LumasyncException {
        return sync.destinations();
    }

    @Override
    public void addDestination(String name, String typeId, Map<String, String> settings, Map<String, String> secrets)
            throws LumasyncException {
        Map<String, String> values = new HashMap<>(settings);
        values.putAll(secrets);
        if (sync.destinations().stream().anyMatch(d -> d.name().equals(name))) {
            // An edit: secrets left empty keep the saved ones; the sync map stays.
            sync.updateDestination(name, values);
            return;
        }
        sync.addDestination(name, typeId, values);
    }

    @Override
    public void removeDestination(String name) throws LumasyncException {
        sync.removeDestination(name);
    }

    @Override
    public Capabilities testDestination(String name) throws LumasyncException {
        return sync.testDestination(name);
    }

    @Override
    public List<SourceInfo> sources() throws LumasyncException {
        return sync.sources();
    }

    @Override
    public void addSource(SourceInfo info, Map<String, String> secrets) throws LumasyncException {
        if (sync.sources().stream().anyMatch(s -> s.name().equals(info.name()))) {
            // An edit: secrets (and sign-ins) left empty are kept; the sync map and cursor stay.
            sync.updateSource(info, secrets);
            return;
        }
        sync.addSource(info, secrets);
    }

    @Override
    public void removeSource(String name) throws LumasyncException {
        sync.removeSource(name);
    }

    @Override
    public List<BrowseItem> browse(String sourceName) throws LumasyncException {
        return sync.browse(sourceName);
    }

    @Override
    public io.lumasync.sync.RenamePreview previewRename(String source, String assetId, String destination)
            throws LumasyncException {
        return sync.previewRename(source, assetId, destination);
    }

    @Override
    public io.lumasync.sync.RenameReport renamePublished(String source, String assetId, String destination)
            throws LumasyncException {
        return sync.renamePublished(source, assetId, destination);
    }

    @Override
    public RunReport push(Map<Path, AssetMetadata> files, List<String> destinations, EncodeSettings settings,
                          boolean dryRun, SyncListener listener) throws LumasyncException {
        return sync.push(files, destinations, settings, dryRun, listener);
    }

    @Override
    public RunReport syncSources(List<String> sourceNames, boolean dryRun, boolean force, SyncListener listener)
            throws LumasyncException {
        return sync.syncSources(sourceNames, dryRun, force, listener);
    }

    @Override
    public RunReport syncItems(String sourceName, List<String> itemIds, List<String> destinations,
                               EncodeSettings settings, SyncListener listener) throws LumasyncException {
        return sync.syncItems(sourceName, itemIds, destinations, settings, listener);
    }

    @Override
    public void cancelRun() {
        sync.cancel();
    }

    @Override
    public List<ActivityEvent> activity(Optional<Instant> since, boolean failedOnly) throws LumasyncException {
        return sync.activity(since, failedOnly, ACTIVITY_LIMIT);
    }

    @Override
    public UiSettings settings() throws LumasyncException {
        return new UiSettings(sync.defaultEncode(), sync.setting("ui.theme").orElse("system"),
                sync.setting("ui.altText").orElse("filename"),
                Boolean.parseBoolean(sync.setting("ui.keepInTray").orElse("true")),
                Boolean.parseBoolean(sync.setting("ui.startAtLogin").orElse("false")), sync.dataDir());
    }

    @Override
    public void saveSettings(UiSettings s) throws LumasyncException {
        sync.saveDefaultEncode(s.defaults());
        sync.setSetting("ui.theme", s.theme());
        sync.setSetting("ui.altText", s.altTextMode());
        sync.setSetting("ui.keepInTray", Boolean.toString(s.keepInTray()));
        sync.setSetting("ui.startAtLogin", Boolean.toString(s.startAtLogin()));
    }

    @Override
    public Optional<String> uiState(String key) throws LumasyncException {
        return sync.setting("ui." + key);
    }

    @Override
    public void saveUiState(String key, String value) throws LumasyncException {
        sync.setSetting("ui." + key, value);
    }

    @Override
    public String vaultBackend() {
        return sync.vaultBackend();
    }

    @Override
    public boolean vaultNeedsPassphrase() {
        return sync.vaultTakesPassphrase();
    }

    @Override
    public void useVaultPassphrase(char[] passphrase) throws LumasyncException {
        sync.useVaultPassphrase(passphrase);
    }

    @Override
    public OptimizeService optimizer() {
        return optimizer;
    }

    @Override
    public AutosyncControl autosync() {
        return autosync;
    }

    @Override
    public void close() {
        if (autosync instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // quitting anyway
            }
        }
        sync.close();
    }

    // ---- groups, approvals and event hooks

    @Override
    public List<io.lumasync.store.GroupRecord> groups() throws LumasyncException {
        return sync.governance().groups();
    }

    @Override
    public void setGroup(String name, List<String> destinations, io.lumasync.store.GroupRules rules)
            throws LumasyncException {
        sync.governance().setGroup(name, destinations, rules);
    }

    @Override
    public void removeGroup(String name) throws LumasyncException {
        sync.governance().removeGroup(name);
    }

    @Override
    public List<io.lumasync.store.Approval> approvals(Optional<String> state) throws LumasyncException {
        return sync.approvals().list(state);
    }

    @Override
    public RunReport approve(List<Long> ids, SyncListener listener) throws LumasyncException {
        return sync.approvals().approve(ids, listener);
    }

    @Override
    public void reject(List<Long> ids, String reason) throws LumasyncException {
        sync.approvals().reject(ids, reason);
    }

    @Override
    public List<io.lumasync.store.HookRecord> hooks() throws LumasyncException {
        return sync.notifications().hooks();
    }

    @Override
    public String addHook(String name, String url, List<String> events) throws LumasyncException {
        return sync.notifications().addHook(name, url, events, io.lumasync.sync.Notifications.STANDARD, "", "");
    }

    @Override
    public void removeHook(String name) throws LumasyncException {
        sync.notifications().removeHook(name);
    }

    @Override
    public void enableHook(String name, boolean enabled) throws LumasyncException {
        sync.notifications().enableHook(name, enabled);
    }

    @Override
    public List<io.lumasync.store.HookDelivery> deliveries(int limit) throws LumasyncException {
        return sync.notifications().deliveries(Optional.empty(), limit);
    }

    @Override
    public void resend(long deliveryId) throws LumasyncException {
        sync.notifications().resend(deliveryId);
    }

    @Override
    public void onEvent(java.util.function.Consumer<io.lumasync.sync.Notifications.Event> listener) {
        sync.notifications().listen(listener);
    }

    // ---- suggestions and alt-text review

    @Override
    public List<io.lumasync.sync.Suggestion> suggestions() throws LumasyncException {
        return sync.suggestions();
    }

    @Override
    public void dismissSuggestion(String id) throws LumasyncException {
        sync.dismissSuggestion(id);
    }

    @Override
    public void login(String source, java.util.function.Consumer<java.net.URI> browser) throws LumasyncException {
        sync.login(source, browser);
    }

    @Override
    public RunReport actOnSuggestion(String id, SyncListener listener) throws LumasyncException {
        return sync.actOnSuggestion(id, listener);
    }

    @Override
    public List<io.lumasync.sync.AltTextEntry> altTexts(boolean missingOnly) throws LumasyncException {
        return sync.altTexts(Optional.empty(), missingOnly);
    }

    @Override
    public Optional<String> ownAltText(String source, String assetId) throws LumasyncException {
        return sync.ownAltText(source, assetId);
    }

    @Override
    public void setAltText(String source, String assetId, String altText) throws LumasyncException {
        sync.setAltText(source, assetId, altText);
    }

    @Override
    public List<io.lumasync.sync.AltReview.Pending> altPending() throws LumasyncException {
        return sync.altReview().pending();
    }

    @Override
    public RunReport approveAlt(List<Long> ids, Map<Long, String> texts, SyncListener listener)
            throws LumasyncException {
        return sync.altReview().approve(ids, texts, listener);
    }

    @Override
    public void skipAlt(List<Long> ids) throws LumasyncException {
        sync.altReview().skip(ids);
    }

    @Override
    public io.lumasync.sync.AltTextSetup altTextSetup(String destination) throws LumasyncException {
        return sync.altTextSetup(destination);
    }

    @Override
    public void saveAltTextSetup(String destination, io.lumasync.sync.AltTextSetup setup) throws LumasyncException {
        sync.saveAltTextSetup(destination, setup);
    }

    // ---- AI settings

    @Override
    public io.lumasync.sync.AiSetup aiSetup() throws LumasyncException {
        return sync.aiSetup();
    }

    @Override
    public void saveAiSetup(io.lumasync.sync.AiSetup setup) throws LumasyncException {
        sync.saveAiSetup(setup);
    }

    @Override
    public void saveAiKey(String key) throws LumasyncException {
        sync.ai().setApiKey(key);
    }

    // ---- AI-generated images

    @Override
    public List<io.lumasync.sync.ai.AiEndpoint.Model> imageModels() throws LumasyncException {
        return sync.ai().open().models().stream().filter(io.lumasync.sync.ai.AiEndpoint.Model::makesImages).toList();
    }

    @Override
    public io.lumasync.sync.GenerationResult generateImage(io.lumasync.sync.GenerateRequest request)
            throws LumasyncException {
        return sync.generateUnpublished(request);
    }

    @Override
    public io.lumasync.sync.GenerationResult publishGenerated(String asset, List<String> destinations,
                                                             SyncListener listener) throws LumasyncException {
        return sync.publishGeneration(asset, destinations, listener);
    }

    @Override
    public io.lumasync.sync.GenerationResult rollbackGenerated(String asset, int version, SyncListener listener)
            throws LumasyncException {
        return sync.rollbackGeneration(asset, version, listener);
    }

    @Override
    public List<io.lumasync.store.Generations.Generation> generationHistory(String asset) throws LumasyncException {
        return sync.generationHistory(asset);
    }

    @Override
    public Optional<Path> generatedFile(io.lumasync.store.Generations.Generation g) {
        return Optional.of(sync.generatedFile(g));
    }
}
