package io.lumasync.ui.common;

import io.lumasync.core.LumasyncException;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** {@link Tasks} on a small pool of named daemon threads, so a stuck task never keeps the JVM alive. */
public final class BackgroundTasks implements Tasks, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);
    private final ExecutorService pool;

    public BackgroundTasks(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "lumasync-ui-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        pool.execute(() -> {
            String old = Thread.currentThread().getName();
            Thread.currentThread().setName(old + " " + name);
            try {
                T result = work.call();
                onFx(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                if (!(e instanceof LumasyncException)) {
                    LOG.error("Unexpected error in the background task '{}'", name, e);
                }
                onFx(() -> onError.accept(e));
            } finally {
                Thread.currentThread().setName(old);
            }
        });
    }

    @Override
    public void onFx(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
