package io.lumasync.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs everything at once on the calling thread: view-model tests need no FX toolkit and no waiting. */
public final class SameThreadTasks implements Tasks {
    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
            onError.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onFx(Runnable update) {
        update.run();
    }
}
