package io.lumasync.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.DurableFiles;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The list of workspaces, {@code workspaces.json} in the app's data folder. The data folder itself is the default
 * workspace (so an upgrade moves nothing); every other workspace is {@code workspaces/<id>/} below it. The file is
 * read afresh on every call and changed under a file lock with an atomic replace, so the app, the daemon and a CLI
 * command can all change it at once without losing one another's changes. No file yet means "only the default".
 *
 * <p>It also holds which connected accounts are shared by every workspace ({@code source/<name>},
 * {@code destination/<name>}); accounts not listed belong to one workspace.
 */
public final class WorkspaceRegistry {
    public static final String FILE = "workspaces.json";
    static final String FOLDER = "workspaces";
    /** The file is small; anything larger is not ours and is refused rather than read into memory. */
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_WORKSPACES = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Object IN_PROCESS = new Object();

    private final Path root;

    public WorkspaceRegistry(Path root) {
        this.root = root;
    }

    /** What the file holds. */
    record State(List<Workspace> workspaces, Set<String> sharedAccounts) {
        State {
            workspaces = List.copyOf(workspaces);
            sharedAccounts = Set.copyOf(sharedAccounts);
        }
    }

    /** Every workspace, archived ones included, the default first. */
    public List<Workspace> all() throws LumasyncException {
        return read().workspaces();
    }

    /** Workspaces not archived. */
    public List<Workspace> active() throws LumasyncException {
        return all().stream().filter(w -> !w.archived()).toList();
    }

    /** The workspace with this id, or else this display name (case does not matter). */
    public Optional<Workspace> find(String idOrName) throws LumasyncException {
        return find(all(), idOrName);
    }

    private static Optional<Workspace> find(List<Workspace> list, String idOrName) {
        String wanted = idOrName.strip();
        return list.stream().filter(w -> w.id().equals(wanted)).findFirst()
                .or(() -> list.stream().filter(w -> w.name().equalsIgnoreCase(wanted)).findFirst());
    }

    /** Like {@link #find} but says in words when there is no such workspace. */
    public Workspace require(String idOrName) throws LumasyncException {
        List<Workspace> list = all();
        return find(list, idOrName).orElseThrow(() -> new ConfigurationException("There is no workspace '" + idOrName
                + "'. Workspaces: " + String.join(", ", list.stream().map(Workspace::name).toList()) + "."));
    }

    /** The folder holding a workspace's database, journal, backups and settings. */
    public Path folder(Workspace w) {
        return w.isDefault() ? root : root.resolve(FOLDER).resolve(w.id());
    }

    public Path root() {
        return root;
    }

    /** Creates a workspace (its folder is made when it is first opened). */
    public Workspace add(String name, Optional<String> accent) throws LumasyncException {
        String clean = checkName(name);
        if (accent.isPresent()) {
            checkAccent(accent.get());
        }
        Workspace[] made = new Workspace[1];
        change(s -> {
            List<Workspace> list = new ArrayList<>(s.workspaces());
            if (list.size() >= MAX_WORKSPACES) {
                throw new IllegalStateException("Lumasync keeps at most " + MAX_WORKSPACES + " workspaces.");
            }
            checkFree(list, clean, null);
            String base = Workspace.slug(clean);
            String id = base;
            for (int i = 2; taken(list, id); i++) {
                id = base + "-" + i;
            }
            made[0] = new Workspace(id, clean, accent.orElse(Workspace.DEFAULT_ACCENT), false, false);
            list.add(made[0]);
            return new State(list, s.sharedAccounts());
        });
        return made[0];
    }

    private static boolean taken(List<Workspace> list, String id) {
        return id.equals(Workspace.DEFAULT_ID) || list.stream().anyMatch(w -> w.id().equals(id));
    }

    /** Changes the display name; the id (and so the folder) stays. */
    public Workspace rename(String which, String newName) throws LumasyncException {
        String clean = checkName(newName);
        return update(which, (list, w) -> {
            checkFree(list, clean, w.id());
            return w.withName(clean);
        });
    }

    public Workspace setAccent(String which, String accent) throws LumasyncException {
        checkAccent(accent);
        return update(which, (list, w) -> w.withAccent(accent));
    }

    public Workspace setMcpReadOnly(String which, boolean readOnly) throws LumasyncException {
        return update(which, (list, w) -> w.withMcpReadOnly(readOnly));
    }

    /** Hides a workspace from the switcher and autosync; its folder stays untouched. The last active one stays. */
    public Workspace archive(String which) throws LumasyncException {
        return update(which, (list, w) -> {
            if (!w.archived() && list.stream().filter(x -> !x.archived()).count() <= 1) {
                throw new IllegalStateException("'" + w.name() + "' is the only workspace left open; add another "
                        + "before archiving it.");
            }
            return w.withArchived(true);
        });
    }

    public Workspace restore(String which) throws LumasyncException {
        return update(which, (list, w) -> w.withArchived(false));
    }

    /** Accounts ({@code source/<name>} or {@code destination/<name>}) whose sign-in every workspace shares. */
    public Set<String> sharedAccounts() throws LumasyncException {
        return read().sharedAccounts();
    }

    public void setShared(String account, boolean shared) throws LumasyncException {
        change(s -> {
            Set<String> accounts = new LinkedHashSet<>(s.sharedAccounts());
            if (shared) {
                accounts.add(account);
            } else {
                accounts.remove(account);
            }
            return new State(s.workspaces(), accounts);
        });
    }

    @FunctionalInterface
    private interface Edit {
        Workspace apply(List<Workspace> list, Workspace w);
    }

    private Workspace update(String which, Edit edit) throws LumasyncException {
        Workspace[] changed = new Workspace[1];
        change(s -> {
            List<Workspace> list = new ArrayList<>(s.workspaces());
            Workspace w = find(list, which).orElseThrow(() -> new IllegalArgumentException("There is no workspace '"
                    + which + "'."));
            changed[0] = edit.apply(list, w);
            list.set(list.indexOf(w), changed[0]);
            return new State(list, s.sharedAccounts());
        });
        return changed[0];
    }

    private static String checkName(String name) throws ConfigurationException {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new ConfigurationException("A workspace needs a name.");
        }
        if (clean.length() > Workspace.MAX_NAME || clean.codePoints().anyMatch(Character::isISOControl)) {
            throw new ConfigurationException("A workspace name is one line of at most " + Workspace.MAX_NAME
                    + " characters.");
        }
        return clean;
    }

    private static void checkAccent(String accent) throws ConfigurationException {
        if (!Workspace.validAccent(accent)) {
            throw new ConfigurationException("'" + accent + "' is not a colour; use #rrggbb, e.g. #e11d48.");
        }
    }

    private static void checkFree(List<Workspace> list, String name, String exceptId) {
        if (list.stream().anyMatch(w -> !w.id().equals(exceptId) && w.name().equalsIgnoreCase(name))) {
            throw new IllegalArgumentException("There is already a workspace called '" + name + "'.");
        }
    }

    // ---- the file

    private State read() throws LumasyncException {
        try {
            return parse(root.resolve(FILE));
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot read the list of workspaces ("
                    + root.resolve(FILE) + "): " + e.getMessage(), e);
        }
    }

    private void change(UnaryOperator<State> edit) throws LumasyncException {
        Path file = root.resolve(FILE);
        synchronized (IN_PROCESS) {
            try {
                Files.createDirectories(root);
                try (FileChannel lock = FileChannel.open(root.resolve("workspaces.lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                    State next = edit.apply(parse(file));
                    Path tmp = root.resolve(FILE + ".tmp");
                    DurableFiles.writeForced(tmp, format(next));
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    DurableFiles.forceFolder(root);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ConfigurationException(e.getMessage());
            } catch (IOException e) {
                throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot save the list of workspaces (" + file
                        + "): " + e.getMessage(), e);
            }
        }
    }

    /** Reads the file; entries it cannot trust (a bad id, a duplicate) are left out, the default is always there. */
    static State parse(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return new State(List.of(defaultWorkspace()), Set.of());
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("the file is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IOException("it is not valid JSON: " + e.getOriginalMessage(), e);
        }
        List<Workspace> list = new ArrayList<>();
        for (JsonNode n : tree.path("workspaces")) {
            String id = n.path("id").asText("");
            String name = n.path("name").asText("").strip();
            if (!Workspace.validId(id) || name.isEmpty() || list.size() >= MAX_WORKSPACES
                    || list.stream().anyMatch(w -> w.id().equals(id))) {
                continue;
            }
            list.add(new Workspace(id, name.length() > Workspace.MAX_NAME ? name.substring(0, Workspace.MAX_NAME) : name,
                    n.path("accent").asText(""), n.path("archived").asBoolean(false),
                    n.path("mcpReadOnly").asBoolean(false)));
        }
        if (list.stream().noneMatch(Workspace::isDefault)) {
            list.addFirst(defaultWorkspace());
        }
        if (list.stream().allMatch(Workspace::archived)) {
            list.set(0, list.getFirst().withArchived(false));
        }
        Set<String> shared = new LinkedHashSet<>();
        for (JsonNode n : tree.path("sharedAccounts")) {
            String a = n.asText("");
            if (a.matches("(source|destination)/[^/]{1,200}")) {
                shared.add(a);
            }
        }
        return new State(list, shared);
    }

    private static byte[] format(State s) throws JsonProcessingException {
        ObjectNode tree = MAPPER.createObjectNode();
        tree.put("version", 1);
        ArrayNode list = tree.putArray("workspaces");
        for (Workspace w : s.workspaces()) {
            list.addObject().put("id", w.id()).put("name", w.name()).put("accent", w.accent())
                    .put("archived", w.archived()).put("mcpReadOnly", w.mcpReadOnly());
        }
        ArrayNode shared = tree.putArray("sharedAccounts");
        s.sharedAccounts().stream().sorted().forEach(shared::add);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
    }

    private static Workspace defaultWorkspace() {
        return new Workspace(Workspace.DEFAULT_ID, "Default", Workspace.DEFAULT_ACCENT, false, false);
    }
}
