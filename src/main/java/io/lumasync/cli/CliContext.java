package io.lumasync.cli;

import io.lumasync.core.LumasyncException;
import io.lumasync.sync.SyncService;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What commands need from outside: the service (opened on first use, so `--help` touches no database), the
 * streams, and the environment.
 */
public final class CliContext implements AutoCloseable {
    /** Opens the service when a command first needs it. */
    @FunctionalInterface
    public interface ServiceOpener {
        SyncService open() throws LumasyncException;
    }

    private final ServiceOpener opener;
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final Map<String, String> env;
    private SyncService service;

    public CliContext(ServiceOpener opener, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
        this.opener = opener;
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
    }

    public synchronized SyncService service() throws LumasyncException {
        if (service == null) {
            service = opener.open();
        }
        return service;
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
