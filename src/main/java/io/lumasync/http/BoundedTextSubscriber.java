package io.lumasync.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Collects a text answer in memory up to the byte cap, and gives up at the deadline, cancelling the exchange. */
final class BoundedTextSubscriber implements HttpResponse.BodySubscriber<String> {
    private final BodyLimits.Limits limits;
    private final long declared;
    private final Charset charset;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private ScheduledFuture<?> timer;

    BoundedTextSubscriber(BodyLimits.Limits limits, long declared, Charset charset) {
        this.limits = limits;
        this.declared = declared;
        this.charset = charset;
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > limits.maxBytes()) {
            fail(BodyLimitException.tooBig(limits.maxBytes()));
            return;
        }
        timer = BodyLimits.WATCHDOG.schedule(() -> fail(BodyLimitException.tooSlow(limits.deadline())),
                BodyLimits.millis(limits.deadline()), TimeUnit.MILLISECONDS);
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        synchronized (buffer) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (buffer.size() + (long) b.remaining() > limits.maxBytes()) {
                    fail(BodyLimitException.tooBig(limits.maxBytes()));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.writeBytes(chunk);
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        stopTimer();
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        stopTimer();
        synchronized (buffer) {
            result.complete(buffer.toString(charset));
        }
    }

    private void fail(BodyLimitException e) {
        stopTimer();
        if (result.completeExceptionally(e)) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    private void stopTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
