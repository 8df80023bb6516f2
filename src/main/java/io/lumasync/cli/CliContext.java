package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.store.Workspace;
import io.lumasync.sync.SyncService;
import io.lumasync.sync.Workspaces;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * What commands need from outside: the service of the workspace the command works in (opened on first use, so
 * `--help` touches no database), the list of workspaces, the streams, and the environment.
 */
public final class CliContext implements AutoCloseable {
    /** Opens the service when a command first needs it. */
    @FunctionalInterface
    public interface ServiceOpener {
        SyncService open() throws LumasyncException;
    }

    private final ServiceOpener opener;
    private final Optional<Workspaces> workspaces;
    private Optional<String> workspaceOption = Optional.empty();
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final Map<String, String> env;
    private SyncService service;

    /** One data folder, no workspaces (tests of a single engine). */
    public CliContext(ServiceOpener opener, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
        this.opener = opener;
        this.workspaces = Optional.empty();
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
    }

    /** Commands work in the workspace {@code --workspace} or {@code LUMASYNC_WORKSPACE} names, else the default. */
    public CliContext(Workspaces workspaces, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
        this.workspaces = Optional.of(workspaces);
        this.opener = () -> workspaces.open(workspaces.choose(workspaceOption, env));
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
    }

    public synchronized SyncService service() throws LumasyncException {
        if (service == null) {
            if (workspaces.isEmpty() && workspaceOption.isPresent()) {
                throw new ConfigurationException("This Lumasync has no workspaces to choose from.");
            }
            service = opener.open();
        }
        return service;
    }

    /** Set by {@code --workspace}, before the command runs. */
    synchronized void workspaceOption(String nameOrId) {
        workspaceOption = Optional.ofNullable(nameOrId).filter(s -> !s.isBlank());
    }

    /** True when this Lumasync keeps workspaces (always, but for tests of a single engine). */
    public boolean hasWorkspaces() {
        return workspaces.isPresent();
    }

    /** True when the command names its workspace (the option or the environment). */
    public synchronized boolean workspaceNamed() {
        return workspaceOption.isPresent() || (env.get(Workspaces.ENV) != null && !env.get(Workspaces.ENV).isBlank());
    }

    /** The list of workspaces. */
    public Workspaces workspaces() throws LumasyncException {
        return workspaces.orElseThrow(() -> new ConfigurationException("This Lumasync has no workspaces."));
    }

    /** The workspace the command works in. */
    public Workspace workspace() throws LumasyncException {
        return workspaces().choose(workspaceOption, env);
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public InputStream in() {
        return in;
    }

    public Map<String, String> env() {
        return env;
    }

    /** A person at a terminal (progress bar, prompts) rather than a pipe or CI. */
    public boolean interactive() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal() && env.get("CI") == null;
    }

    @Override
    public synchronized void close() {
        if (service != null) {
            service.close();
        }
        out.flush();
        err.flush();
    }
}
