package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.OutputFormat;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.Workspace;
import io.lumasync.store.WorkspaceRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Two client workspaces through the real engine: nothing one publishes, configures, logs, keeps as a secret or as a
 * backup is visible from the other, even under the same destination name. And a data folder made before workspaces
 * existed is the default workspace, with nothing moved or lost.
 */
class WorkspacesIsolationTest {
    @TempDir
    Path tmp;

    private final InMemorySecretVault machine = new InMemorySecretVault();

    private Workspaces workspaces(Path root) {
        return new Workspaces(root, machine, (folder, vault, local) -> SyncService.open(folder, vault,
                new PassThroughPipeline(), new SyncService.Options(EngineFixture.FAST, 1, 1, true), local),
                tmp.resolve("Pictures"));
    }

    private Path photo(String name, int shade) throws Exception {
        Path p = tmp.resolve("photos").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, TinyPng.solid(40, 30, shade));
        return p;
    }

    private static EncodeSettings original() {
        return EncodeSettings.defaults().withFormat(OutputFormat.ORIGINAL);
    }

    @Test
    void twoWorkspacesNeverSeeEachOthersDestinationsMapActivitySecretsOrFolders() throws Exception {
        Path root = tmp.resolve("data");
        Workspaces ws = workspaces(root);
        Workspace acme = ws.add("Acme", Optional.empty());
        Workspace nord = ws.add("Studio Nord", Optional.of("#e11d48"));

        try (SyncService a = ws.open(acme); SyncService n = ws.open(nord)) {
            a.addDestination("web", "folder", Map.of("path", tmp.resolve("acme-web").toString()));
            a.addDestination("hook", "webhook", Map.of("url", "https://hooks.acme.test/in",
                    "secret", "whsec_YWNtZSBzaWduaW5nIHNlY3JldCBvZiAzMiBieXRlcyE="));
            RunReport r = a.push(List.of(photo("a.png", 10)), List.of("web"), original(), AssetMetadata.EMPTY, false,
                    SyncListener.NONE);
            assertThat(r.problems()).isEmpty();
            assertThat(a.syncMap(Optional.empty())).hasSize(1);

            // The other workspace: only its own default destination, an empty map and an empty log.
            assertThat(n.destinations()).extracting(DestinationInfo::name).containsExactly("local");
            assertThat(n.syncMap(Optional.empty())).isEmpty();
            assertThat(n.activity(Optional.empty(), false, 100)).isEmpty();
            assertThat(n.dataDir()).isNotEqualTo(a.dataDir());
            assertThat(n.dataDir().startsWith(a.dataDir()) || a.dataDir().startsWith(n.dataDir())).isFalse();

            // The same destination name in both: each its own settings and its own secret.
            n.addDestination("hook", "webhook", Map.of("url", "https://hooks.nord.test/in",
                    "secret", "whsec_bm9yZCBzaWduaW5nIHNlY3JldCBvZiAzMiBieXRlcyEh"));
            assertThat(ws.vault(nord).get("destination/hook/secret")).contains("whsec_bm9yZCBzaWduaW5nIHNlY3JldCBvZiAzMiBieXRlcyEh");
            assertThat(ws.vault(acme).get("destination/hook/secret")).contains("whsec_YWNtZSBzaWduaW5nIHNlY3JldCBvZiAzMiBieXRlcyE=");
            n.removeDestination("hook");
            assertThat(ws.vault(acme).get("destination/hook/secret")).isPresent();
            assertThat(a.destinations()).extracting(DestinationInfo::name).contains("hook");

            // Each first "local" destination publishes into a folder of its own.
            assertThat(a.destinations().stream().filter(d -> d.name().equals("local")).findFirst().orElseThrow()
                    .settings().get("path")).isEqualTo(tmp.resolve("Pictures").resolve("acme").toString());

            // The same file pushed in the other workspace is new there: no map row of Acme's made it a skip.
            RunReport again = n.push(List.of(tmp.resolve("photos/a.png")), List.of("local"), original(),
                    AssetMetadata.EMPTY, false, SyncListener.NONE);
            assertThat(again.results()).extracting(p -> p.state().name()).containsExactly("DONE");
            assertThat(a.syncMap(Optional.empty())).extracting(e -> e.destination()).containsExactly("web");
        }
        // Every folder of the engine (database, staging, backups, owners) sits inside the workspace's own folder.
        assertThat(Files.list(ws.folder(acme)).map(p -> p.getFileName().toString()).toList())
                .contains("lumasync.db").doesNotContain("workspaces");
        assertThat(ws.folder(acme)).isEqualTo(root.resolve("workspaces/acme"));
    }

    @Test
    void theOverviewCountsEachWorkspaceOnItsOwn() throws Exception {
        Workspaces ws = workspaces(tmp.resolve("data"));
        Workspace acme = ws.add("Acme", Optional.empty());
        try (SyncService a = ws.open(acme)) {
            a.addDestination("web", "folder", Map.of("path", tmp.resolve("acme-web").toString()));
            a.push(List.of(photo("a.png", 10), photo("b.png", 20)), List.of("web"), original(), AssetMetadata.EMPTY,
                    false, SyncListener.NONE);
        }
        Files.createDirectories(tmp.resolve("blocked"));
        Files.writeString(tmp.resolve("blocked/file"), "not a folder");
        try (SyncService d = ws.open(ws.require("default"))) {
            d.addDestination("broken", "folder", Map.of("path", tmp.resolve("blocked/file/sub").toString()));
            d.push(List.of(photo("c.png", 30)), List.of("broken"), original(), AssetMetadata.EMPTY, false,
                    SyncListener.NONE);
        }
        Map<String, WorkspaceSummary> byId = new java.util.HashMap<>();
        ws.overview(ws.all()).forEach(s -> byId.put(s.workspace().id(), s));
        assertThat(byId.get("acme").assetsPublished()).isEqualTo(2);
        assertThat(byId.get("acme").destinations()).isEqualTo(2);
        assertThat(byId.get("acme").errors()).isZero();
        assertThat(byId.get("acme").lastActivity()).isPresent();
        assertThat(byId.get("default").assetsPublished()).isZero();
        assertThat(byId.get("default").errors()).isEqualTo(1);
    }

    @Test
    void aDataFolderFromBeforeWorkspacesIsTheDefaultWorkspaceWithNothingLost() throws Exception {
        Path root = tmp.resolve("data");
        // Made by the engine as it opens a data folder without workspaces (the current release's way).
        try (SyncService before = SyncService.open(root, machine, new PassThroughPipeline(),
                new SyncService.Options(EngineFixture.FAST, 1, 1, false))) {
            before.addDestination("web", "folder", Map.of("path", tmp.resolve("web").toString()));
            before.addDestination("hook", "webhook", Map.of("url", "https://hooks.example.test/in",
                    "secret", "whsec_YW4gb2xkIHNpZ25pbmcgc2VjcmV0IDMyIGJ5dGVzISE="));
            before.push(List.of(photo("a.png", 10)), List.of("web"), original(), AssetMetadata.EMPTY, false,
                    SyncListener.NONE);
            before.setSetting("ui.theme", "dark");
        }
        List<String> filesBefore = Files.list(root).map(p -> p.getFileName().toString()).sorted().toList();

        Workspaces ws = workspaces(root);
        Workspace chosen = ws.choose(Optional.empty(), Map.of());
        assertThat(chosen.isDefault()).isTrue();
        assertThat(ws.folder(chosen)).isEqualTo(root);
        try (SyncService after = ws.open(chosen)) {
            assertThat(after.destinations()).extracting(DestinationInfo::name).containsExactlyInAnyOrder("web", "hook");
            assertThat(after.syncMap(Optional.empty())).extracting(e -> e.assetName()).containsExactly("a.png");
            assertThat(after.setting("ui.theme")).contains("dark");
            assertThat(ws.vault(chosen).get("destination/hook/secret"))
                    .contains("whsec_YW4gb2xkIHNpZ25pbmcgc2VjcmV0IDMyIGJ5dGVzISE=");
            RunReport same = after.push(List.of(tmp.resolve("photos/a.png")), List.of("web"), original(),
                    AssetMetadata.EMPTY, false, SyncListener.NONE);
            assertThat(same.results()).extracting(p -> p.state().name()).containsExactly("SKIPPED");
        }
        // Nothing moved: every file the old folder had is still where it was.
        assertThat(Files.list(root).map(p -> p.getFileName().toString()).toList()).containsAll(filesBefore);
        // Adding a workspace later leaves the default's data where it is.
        ws.add("Acme", Optional.empty());
        assertThat(ws.folder(ws.require("default"))).isEqualTo(root);
        assertThat(root.resolve(WorkspaceRegistry.FILE)).exists();
    }

    @Test
    void aCommandNamesItsWorkspaceByOptionOrEnvironmentAndAnArchivedOneIsRefused() throws Exception {
        Workspaces ws = workspaces(tmp.resolve("data"));
        ws.add("Studio Nord", Optional.empty());
        assertThat(ws.choose(Optional.of("studio nord"), Map.of()).id()).isEqualTo("studio-nord");
        assertThat(ws.choose(Optional.empty(), Map.of(Workspaces.ENV, "studio-nord")).id()).isEqualTo("studio-nord");
        assertThat(ws.choose(Optional.of("default"), Map.of(Workspaces.ENV, "studio-nord")).id()).isEqualTo("default");
        ws.archive("studio-nord");
        assertThat(assertThrows(io.lumasync.core.ConfigurationException.class,
                () -> ws.choose(Optional.of("Studio Nord"), Map.of())).getMessage())
                .contains("archived", "lumasync workspaces restore");
        ws.restore("studio-nord");
        ws.archive("default");
        assertThat(ws.choose(Optional.empty(), Map.of()).id()).isEqualTo("studio-nord");
    }

    @Test
    void anOptimizeBackupStaysInItsWorkspaceAndOnlyItCanRollBack() throws Exception {
        Workspaces ws = new Workspaces(tmp.resolve("data"), machine, (folder, vault, local) -> SyncService.open(folder,
                vault, new ShrinkingPipeline(), new SyncService.Options(EngineFixture.FAST, 1, 1, false), local),
                tmp.resolve("Pictures"));
        Workspace acme = ws.add("Acme", Optional.empty());
        Workspace nord = ws.add("Nord", Optional.empty());
        Path site = Files.createDirectories(tmp.resolve("acme-site"));
        byte[] photo = new byte[1000];
        for (int i = 0; i < photo.length; i++) {
            photo[i] = (byte) (i * 31 + 7);
        }
        Files.write(site.resolve("photo.jpg"), photo);
        EncodeSettings q60 = EncodeSettings.defaults().withFormat(OutputFormat.AUTO)
                .withQuality(new io.lumasync.core.Quality.Fixed(60));
        try (SyncService a = ws.open(acme); SyncService n = ws.open(nord)) {
            a.addDestination("site", "folder", Map.of("path", site.toString()));
            n.addDestination("site", "folder", Map.of("path",
                    Files.createDirectories(tmp.resolve("nord-site")).toString()));
            OptimizeReport r = a.optimize(new OptimizeRequest("site", List.of(), q60, false), SyncListener.NONE);
            assertThat(r.items()).extracting(OptimizeResult::outcome).containsExactly(OptimizeResult.Outcome.OPTIMIZED);
            assertThat(Files.size(site.resolve("photo.jpg"))).isEqualTo(600);

            // The original is kept in Acme's folder; Nord, with a destination of the same name, has nothing to undo.
            try (var kept = Files.walk(ws.folder(acme).resolve("optimize-backups"))) {
                assertThat(kept.filter(Files::isRegularFile).count()).isPositive();
            }
            assertThat(n.rollbackOptimize("site", List.of(), SyncListener.NONE).items()).isEmpty();
            assertThat(Files.size(site.resolve("photo.jpg"))).isEqualTo(600);
            assertThat(n.activity(Optional.empty(), false, 100)).noneMatch(e -> e.asset().equals("photo.jpg"));

            a.rollbackOptimize("site", List.of(), SyncListener.NONE);
            assertThat(Files.readAllBytes(site.resolve("photo.jpg"))).isEqualTo(photo);
        }
    }
}
