package io.lumasync.ui.common.engine;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Capabilities;
import io.lumasync.store.ActivityEvent;
import io.lumasync.sync.AutosyncControl;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncListener;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the desktop app asks of the engine: {@code SyncService} plus the autosync scheduler and Optimize,
 * behind one interface so the panes can be tested against a small in-memory engine. Every method may block
 * (database, network, keychain): the views call it only through {@link io.lumasync.ui.common.Tasks}, never on
 * the FX thread. Errors are {@link LumasyncException}s whose messages are shown as they are.
 */
public interface AppServices extends AutoCloseable {

    List<DestinationInfo> destinations() throws LumasyncException;

    /**
     * Adds a destination, or updates the one of that name. {@code secrets} go to the vault; on update a secret
     * left out keeps its stored value.
     */
    void addDestination(String name, String typeId, Map<String, String> settings, Map<String, String> secrets)
            throws LumasyncException;

    void removeDestination(String name) throws LumasyncException;

    Capabilities testDestination(String name) throws LumasyncException;

    List<SourceInfo> sources() throws LumasyncException;

    /** Adds a source, or updates the one of that name (secrets as for destinations). */
    void addSource(SourceInfo info, Map<String, String> secrets) throws LumasyncException;

    void removeSource(String name) throws LumasyncException;

    List<BrowseItem> browse(String sourceName) throws LumasyncException;

    /** Publishes the files in one run, each with its own metadata (alt text). */
    RunReport push(Map<Path, AssetMetadata> files, List<String> destinations, EncodeSettings settings,
                   boolean dryRun, SyncListener listener) throws LumasyncException;

    RunReport syncSources(List<String> sourceNames, boolean dryRun, boolean force, SyncListener listener)
            throws LumasyncException;

    RunReport syncItems(String sourceName, List<String> itemIds, List<String> destinations, EncodeSettings settings,
                        SyncListener listener) throws LumasyncException;

    /**
     * Asks the run in progress to stop after the images being worked on; those not started stay unpublished and
     * are sent by the next sync. Returns at once.
     */
    void cancelRun();

    List<ActivityEvent> activity(Optional<Instant> since, boolean failedOnly) throws LumasyncException;

    UiSettings settings() throws LumasyncException;

    void saveSettings(UiSettings settings) throws LumasyncException;

    String vaultBackend();

    /**
     * True when a secret saved now would be forgotten at exit (no keychain, no vault passphrase) and a passphrase
     * for the encrypted password file would keep it: the app then asks for one instead of saving.
     */
    default boolean vaultNeedsPassphrase() throws LumasyncException {
        return false;
    }

    /** Keeps passwords in the encrypted file under {@code passphrase} from now on; a wrong one is an error. */
    default void useVaultPassphrase(char[] passphrase) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Passwords are kept in " + vaultBackend()
                + ", which takes no passphrase.");
    }

    /**
     * A small piece of the desktop app's own state kept in the engine's settings store under {@code "ui." + key}
     * (for example whether the first-run guide was finished), so it lives with the data folder.
     */
    Optional<String> uiState(String key) throws LumasyncException;

    void saveUiState(String key, String value) throws LumasyncException;

    // ---- the deliberate rename of a published image (defaults for small test engines that have none)

    /** What renaming one published image by its destination's file-name template would do. */
    default io.lumasync.sync.RenamePreview previewRename(String source, String assetId, String destination)
            throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Renaming is not available here.");
    }

    /** Renames one published image by its destination's file-name template; the old and the new address. */
    default io.lumasync.sync.RenameReport renamePublished(String source, String assetId, String destination)
            throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Renaming is not available here.");
    }

    // ---- groups, approvals and event hooks (defaults for small test engines that have none)

    default List<io.lumasync.store.GroupRecord> groups() throws LumasyncException {
        return List.of();
    }

    default void setGroup(String name, List<String> destinations, io.lumasync.store.GroupRules rules)
            throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Groups are not available here.");
    }

    default void removeGroup(String name) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Groups are not available here.");
    }

    /** The approval queue: one state's items, or all when empty. */
    default List<io.lumasync.store.Approval> approvals(Optional<String> state) throws LumasyncException {
        return List.of();
    }

    default RunReport approve(List<Long> ids, SyncListener listener) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Approvals are not available here.");
    }

    default void reject(List<Long> ids, String reason) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Approvals are not available here.");
    }

    default List<io.lumasync.store.HookRecord> hooks() throws LumasyncException {
        return List.of();
    }

    /** Adds a hook; returns its signing secret (shown once). */
    default String addHook(String name, String url, List<String> events) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Hooks are not available here.");
    }

    default void removeHook(String name) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Hooks are not available here.");
    }

    default void enableHook(String name, boolean enabled) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Hooks are not available here.");
    }

    default List<io.lumasync.store.HookDelivery> deliveries(int limit) throws LumasyncException {
        return List.of();
    }

    default void resend(long deliveryId) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Hooks are not available here.");
    }

    // ---- suggestions and alt-text review (defaults for small test engines that have none)

    /** What is worth doing now: missing alt text, changed sources, large files, failures, duplicates. */
    default List<io.lumasync.sync.Suggestion> suggestions() throws LumasyncException {
        return List.of();
    }

    /** Hides a suggestion until its finding changes. */
    default void dismissSuggestion(String id) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Suggestions are not available here.");
    }

    /**
     * Signs a source in to its provider again: {@code browser} is given the sign-in page to open (from a background
     * thread); blocks until the user finishes, cancels or the wait times out.
     */
    default void login(String source, java.util.function.Consumer<java.net.URI> browser) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Signing in is not available here.");
    }

    /** Carries out a suggestion the engine can do (a sync of a changed source, a retry of failures). */
    default RunReport actOnSuggestion(String id, SyncListener listener) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Suggestions are not available here.");
    }

    /** Published images with their alt text and where it came from; {@code missingOnly} keeps those without. */
    default List<io.lumasync.sync.AltTextEntry> altTexts(boolean missingOnly) throws LumasyncException {
        return List.of();
    }

    /** The image's own alt text set by hand, if any (sent by the next push or sync). */
    default Optional<String> ownAltText(String source, String assetId) throws LumasyncException {
        return Optional.empty();
    }

    /** Sets an image's alt text by hand; the next push or sync sends it to the destination in place. */
    default void setAltText(String source, String assetId, String altText) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Alt texts are not available here.");
    }

    /** New images held until their alt text is approved, oldest first. */
    default List<io.lumasync.sync.AltReview.Pending> altPending() throws LumasyncException {
        return List.of();
    }

    /** Approves held images and publishes them; {@code texts} holds, per id, a text written instead of the draft. */
    default RunReport approveAlt(List<Long> ids, Map<Long, String> texts, SyncListener listener)
            throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Alt texts are not available here.");
    }

    /** Keeps held images unpublished (this version of each). */
    default void skipAlt(List<Long> ids) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Alt texts are not available here.");
    }

    /** A destination's alt-text mode and whether new images wait for their text to be approved. */
    default io.lumasync.sync.AltTextSetup altTextSetup(String destination) throws LumasyncException {
        return new io.lumasync.sync.AltTextSetup(io.lumasync.sync.alt.AltMode.OFF, false);
    }

    default void saveAltTextSetup(String destination, io.lumasync.sync.AltTextSetup setup) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("Alt texts are not available here.");
    }

    // ---- AI settings (defaults for small test engines that have none)

    /** The AI service, model, language, budget, this month's spending and whether a key is stored. */
    default io.lumasync.sync.AiSetup aiSetup() throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("AI settings are not available here.");
    }

    /** Saves the AI settings (not the key); each value is checked before any is kept. */
    default void saveAiSetup(io.lumasync.sync.AiSetup setup) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("AI settings are not available here.");
    }

    /** Saves the AI service's API key in the vault; an empty key forgets it. Never read back. */
    default void saveAiKey(String key) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("AI settings are not available here.");
    }

    // ---- AI-generated images (defaults for small test engines that have none)

    /** The image models the AI service lists (id, price); empty when it cannot say. */
    default List<io.lumasync.sync.ai.AiEndpoint.Model> imageModels() throws LumasyncException {
        return List.of();
    }

    /** Generates a new version of an image and keeps it unpublished, for a preview. */
    default io.lumasync.sync.GenerationResult generateImage(io.lumasync.sync.GenerateRequest request)
            throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("AI generation is not available here.");
    }

    /** Publishes a generated image's current version (empty destinations: where it is published already). */
    default io.lumasync.sync.GenerationResult publishGenerated(String asset, List<String> destinations,
                                                              SyncListener listener) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("AI generation is not available here.");
    }

    /** Republishes an earlier version of a generated image in place of the current one. */
    default io.lumasync.sync.GenerationResult rollbackGenerated(String asset, int version, SyncListener listener)
            throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException("AI generation is not available here.");
    }

    /** A generated image's versions, oldest first. */
    default List<io.lumasync.store.Generations.Generation> generationHistory(String asset) throws LumasyncException {
        return List.of();
    }

    /** The file of one generated version, for previews. */
    default Optional<Path> generatedFile(io.lumasync.store.Generations.Generation g) {
        return Optional.empty();
    }

    /** Tells {@code listener} every event (on the engine's thread: hop to the FX thread yourself). */
    default void onEvent(java.util.function.Consumer<io.lumasync.sync.Notifications.Event> listener) {
    }

    /** Optimize: existing media at destinations. */
    OptimizeService optimizer();

    /** The background scheduler the tray and the Autosync pane control. */
    AutosyncControl autosync();

    @Override
    default void close() {
    }
}
