package io.lumasync.store;

import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The list of workspaces: the data folder is the default one; ids stay; archive never empties the list. */
class WorkspaceRegistryTest {
    @TempDir
    Path root;

    @Test
    void withoutAFileThereIsOnlyTheDefaultAndItsFolderIsTheDataFolder() throws Exception {
        WorkspaceRegistry r = new WorkspaceRegistry(root);
        assertThat(r.all()).extracting(Workspace::id).containsExactly("default");
        assertThat(r.folder(r.all().getFirst())).isEqualTo(root);
        assertThat(root.resolve(WorkspaceRegistry.FILE)).doesNotExist();
    }

    @Test
    void addMakesAFolderSafeUniqueIdAndRenameKeepsIt() throws Exception {
        WorkspaceRegistry r = new WorkspaceRegistry(root);
        Workspace nord = r.add("Studio Nörd!", Optional.of("#E11D48"));
        assertThat(nord.id()).isEqualTo("studio-nord");
        assertThat(nord.accent()).isEqualTo("#e11d48");
        Workspace other = r.add("Studio  Nord", Optional.empty());
        assertThat(other.id()).isEqualTo("studio-nord-2");
        assertThat(r.add("Default client", Optional.empty()).id()).isEqualTo("default-client");
        assertThat(r.add("../../etc", Optional.empty()).id()).isEqualTo("etc");
        assertThat(r.folder(nord)).isEqualTo(root.resolve("workspaces").resolve("studio-nord"));

        Workspace renamed = r.rename("Studio Nörd!", "Nord Agency");
        assertThat(renamed.id()).isEqualTo("studio-nord");
        assertThat(new WorkspaceRegistry(root).require("nord agency").id()).isEqualTo("studio-nord");
        assertThat(r.find("studio-nord")).map(Workspace::name).contains("Nord Agency");
    }

    @Test
    void namesAreUniqueOneLineAndColoursAreHex() throws Exception {
        WorkspaceRegistry r = new WorkspaceRegistry(root);
        r.add("Acme", Optional.empty());
        assertThat(assertThrows(ConfigurationException.class, () -> r.add("ACME", Optional.empty())).getMessage())
                .contains("already a workspace called 'ACME'");
        assertThrows(ConfigurationException.class, () -> r.add("  ", Optional.empty()));
        assertThrows(ConfigurationException.class, () -> r.add("two\nlines", Optional.empty()));
        assertThrows(ConfigurationException.class, () -> r.add("x".repeat(61), Optional.empty()));
        assertThat(assertThrows(ConfigurationException.class, () -> r.setAccent("acme", "red")).getMessage())
                .contains("#rrggbb");
        assertThat(assertThrows(ConfigurationException.class, () -> r.rename("nobody", "X")).getMessage())
                .contains("no workspace 'nobody'");
        assertThat(r.all()).hasSize(2);
    }

    @Test
    void archiveHidesRestoreBringsBackAndTheLastOpenOneStays() throws Exception {
        WorkspaceRegistry r = new WorkspaceRegistry(root);
        r.add("Acme", Optional.empty());
        r.archive("default");
        assertThat(r.active()).extracting(Workspace::id).containsExactly("acme");
        assertThat(r.all()).hasSize(2);
        assertThat(assertThrows(ConfigurationException.class, () -> r.archive("acme")).getMessage())
                .contains("only workspace left open");
        r.restore("default");
        assertThat(r.active()).extracting(Workspace::id).containsExactly("default", "acme");
    }

    @Test
    void changesFromManyWritersAtOnceAreAllKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Workspace>> made = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "Client " + i;
            // A registry object per writer, as separate processes would have.
            made.add(pool.submit(() -> new WorkspaceRegistry(root).add(name, Optional.empty())));
        }
        for (Future<Workspace> f : made) {
            f.get();
        }
        pool.shutdown();
        assertThat(new WorkspaceRegistry(root).all()).hasSize(13);
    }

    @Test
    void aHostileFileCannotNameAFolderOutsideAndADamagedOneIsSaidInWords() throws Exception {
        Files.writeString(root.resolve(WorkspaceRegistry.FILE), """
                {"workspaces":[
                  {"id":"../../home","name":"Escape"},
                  {"id":"ok","name":"Fine","accent":"javascript:alert(1)"},
                  {"id":"ok","name":"Duplicate"},
                  {"id":"Upper","name":"Bad case"}
                ],"sharedAccounts":["source/drop","../x","source/a/b"]}
                """);
        WorkspaceRegistry r = new WorkspaceRegistry(root);
        assertThat(r.all()).extracting(Workspace::id).containsExactly("default", "ok");
        assertThat(r.require("ok").accent()).isEqualTo(Workspace.DEFAULT_ACCENT);
        assertThat(r.sharedAccounts()).containsExactly("source/drop");

        Files.writeString(root.resolve(WorkspaceRegistry.FILE), "{not json");
        assertThat(assertThrows(LumasyncException.class, r::all).getMessage()).contains("list of workspaces");
        Files.write(root.resolve(WorkspaceRegistry.FILE), new byte[WorkspaceRegistry.MAX_BYTES + 1]);
        assertThat(assertThrows(LumasyncException.class, r::all).getMessage()).contains("larger than");
    }

    @Test
    void sharedAccountsAreKeptInTheList() throws Exception {
        WorkspaceRegistry r = new WorkspaceRegistry(root);
        r.setShared("source/dropbox", true);
        r.setShared("destination/blog", true);
        r.setShared("destination/blog", false);
        assertThat(new WorkspaceRegistry(root).sharedAccounts()).containsExactly("source/dropbox");
    }
}
