package io.lumasync.mcp;

import io.lumasync.sync.BatchProgress;
import io.lumasync.sync.ItemProgress;
import io.lumasync.sync.SyncListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One call of a tool: its arguments (already checked against the tool's schema by the SDK, checked again here
 * because every input is hostile), a progress sink for long runs, and whether the client cancelled the call.
 */
final class ToolCall {
    /** What the model sent does not fit the tool; said back as a tool error so the model can correct itself. */
    static final class BadArguments extends RuntimeException {
        BadArguments(String message) {
            super(message);
        }
    }

    /** A progress report: {@code done} of {@code total} (0 when unknown) with a short line. */
    record Progress(double done, double total, String message) {
    }

    private static final int MAX_LIST = 500;
    private static final int MAX_TEXT = 4096;

    private final String tool;
    private final Map<String, Object> args;
    private final Consumer<Progress> progress;
    private final Cancellation cancellation;

    ToolCall(String tool, Map<String, Object> args, Consumer<Progress> progress, Cancellation cancellation) {
        this.tool = tool;
        this.args = args == null ? Map.of() : args;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    String tool() {
        return tool;
    }

    /** The arguments without the confirmation switch: what a dry run and its confirmed run must share. */
    Map<String, Object> request() {
        Map<String, Object> copy = new java.util.TreeMap<>(args);
        copy.remove("confirm");
        return copy;
    }

    boolean has(String name) {
        return args.get(name) != null;
    }

    Optional<String> text(String name) {
        Object v = args.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new BadArguments("'" + name + "' must be a text.");
        }
        if (s.length() > MAX_TEXT) {
            throw new BadArguments("'" + name + "' is longer than " + MAX_TEXT + " characters.");
        }
        return Optional.of(s).filter(x -> !x.isBlank());
    }

    String requiredText(String name) {
        return text(name).orElseThrow(() -> new BadArguments("'" + name + "' is required."));
    }

    boolean flag(String name) {
        Object v = args.get(name);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw new BadArguments("'" + name + "' must be true or false.");
        }
        return b;
    }

    int number(String name, int fallback, int min, int max) {
        Object v = args.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new BadArguments("'" + name + "' must be a whole number.");
        }
        long l = n.longValue();
        if (l < min || l > max) {
            throw new BadArguments("'" + name + "' must be between " + min + " and " + max + ".");
        }
        return (int) l;
    }

    List<String> texts(String name) {
        Object v = args.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new BadArguments("'" + name + "' must be a list of texts.");
        }
        if (list.size() > MAX_LIST) {
            throw new BadArguments("'" + name + "' holds more than " + MAX_LIST + " entries; send them in parts.");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s) || s.isBlank() || s.length() > MAX_TEXT) {
                throw new BadArguments("'" + name + "' must hold non-empty texts.");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    List<String> requiredTexts(String name) {
        List<String> out = texts(name);
        if (out.isEmpty()) {
            throw new BadArguments("'" + name + "' must name at least one entry.");
        }
        return out;
    }

    void progress(double done, double total, String message) {
        progress.accept(new Progress(done, total, message));
    }

    boolean cancelled() {
        return cancellation.cancelled();
    }

    Cancellation cancellation() {
        return cancellation;
    }

    /** Sends a run's batch progress as MCP progress (the sink throttles). */
    SyncListener listener() {
        return new SyncListener() {
            @Override
            public void onItem(ItemProgress p) {
                // batches carry the counts; items would flood the client
            }

            @Override
            public void onBatch(BatchProgress p) {
                progress(p.finished(), p.total(), p.done() + " done, " + p.skipped() + " skipped, " + p.failed()
                        + " failed of " + p.total());
            }
        };
    }
}
