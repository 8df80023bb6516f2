package io.lumasync.sync;

import io.lumasync.auth.SecretVault;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.HeaderValues;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.http.signing.HexHmacSigner;
import io.lumasync.http.signing.RequestSigner;
import io.lumasync.http.signing.WebhookSigner;
import io.lumasync.store.HookDelivery;
import io.lumasync.store.HookRecord;
import io.lumasync.store.Hooks;
import io.lumasync.store.RunOwners;
import io.lumasync.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends queued hook deliveries on one background thread of its own, so no sync ever waits for a receiver. Each
 * delivery is leased before it is sent (another process on the same data folder leaves it alone; a lease whose
 * process died is taken over), then recorded as delivered, or tried again later with growing waits (a 429's or
 * 503's Retry-After wins when it is longer), and given up after {@link #MAX_ATTEMPTS}. Other processes' new rows
 * are picked up by polling, at least every {@link #POLL}.
 */
final class HookSender implements AutoCloseable {
    static final int MAX_ATTEMPTS = 10;
    static final Duration POLL = Duration.ofSeconds(15);
    static final Duration DRAIN = Duration.ofSeconds(3);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);
    private static final int RESPONSE_CHARS = 500;
    private static final BodyLimits.Limits ANSWER = new BodyLimits.Limits(64 * 1024, Duration.ofSeconds(20));
    private static final Logger LOG = LoggerFactory.getLogger(HookSender.class);

    private final Hooks hooks;
    private final SecretVault vault;
    private final RunOwners owners;
    private final HttpClient http;
    private final Clock clock;
    private final Duration firstWait;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final java.util.Map<String, RequestSigner> signers = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean woken;
    private volatile boolean closed;
    /** Once closing: the System.nanoTime() until which due deliveries are still sent. */
    private volatile long stopAt = Long.MAX_VALUE;
    private Thread thread;

    /** @param firstWait the wait after the first failed attempt; each later one waits about four times longer */
    HookSender(Hooks hooks, SecretVault vault, RunOwners owners, HttpClient http, Clock clock, Duration firstWait) {
        this.hooks = hooks;
        this.vault = vault;
        this.owners = owners;
        this.http = http;
        this.clock = clock;
        this.firstWait = firstWait;
    }

    synchronized void start() {
        if (thread == null && !closed) {
            thread = Thread.ofPlatform().name("lumasync-hooks").daemon(true).start(this::loop);
        }
    }

    /** Asks the sender to look for due deliveries now. */
    void wake() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (!closed || System.nanoTime() < stopAt) {
            try {
                int sent = sendDue(20);
                if (sent == 0) {
                    if (closed) {
                        return; // nothing due any more: what is left waits for the next Lumasync process
                    }
                    sleepUntilDue();
                }
            } catch (StoreException e) {
                LOG.warn("Hook deliveries could not be read: {}", e.getMessage());
                if (closed) {
                    return;
                }
                pause(POLL);
            } catch (RuntimeException e) {
                LOG.error("Unexpected error while sending hook deliveries", e);
                if (closed) {
                    return;
                }
                pause(POLL);
            }
        }
    }

    /** Sends the deliveries due now (at most {@code limit}); returns how many were attempted. */
    int sendDue(int limit) throws StoreException {
        Instant now = clock.instant();
        List<HookDelivery> due = hooks.claim(owners.self(), now, now.plus(LEASE), limit, owners::alive);
        for (HookDelivery d : due) {
            if (closed && System.nanoTime() >= stopAt) {
                break; // left leased: the next process takes it over
            }
            send(d);
        }
        return due.size();
    }

    private void send(HookDelivery d) throws StoreException {
        Optional<HookRecord> hook = hooks.get(d.hook());
        if (hook.isEmpty()) {
            return; // removed meanwhile, with its deliveries
        }
        if (!hook.get().enabled()) {
            hooks.attemptFailed(d.id(), 0, "the hook is switched off", Optional.of(clock.instant().plus(POLL)));
            return;
        }
        Optional<RequestSigner> signer = signer(hook.get());
        if (signer.isEmpty()) {
            hooks.attemptFailed(d.id(), 0, "the hook's signing secret is missing from " + vault.backendName()
                    + "; remove the hook and add it again", Optional.empty());
            return;
        }
        byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(hook.get().url()))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("User-Agent", Http.USER_AGENT)
                .header("webhook-id", d.eventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signer.get().headers(d.eventId(), clock.instant().getEpochSecond(), body).forEach(req::header);
        try {
            HttpResponse<String> r = Http.send(http, req.build(), BodyLimits.ofString(ANSWER));
            String answer = shorten(r.body());
            if (r.statusCode() / 100 == 2) {
                hooks.delivered(d.id(), r.statusCode(), answer, clock.instant());
                return;
            }
            Optional<Duration> asked = r.statusCode() == 429 || r.statusCode() == 503
                    ? HttpErrors.retryAfter(r.headers()) : Optional.empty();
            failed(d, r.statusCode(), answer.isEmpty() ? "HTTP " + r.statusCode() : answer, asked);
        } catch (IOException e) {
            failed(d, 0, noAnswer(e), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hooks.attemptFailed(d.id(), 0, "Lumasync was closing", Optional.of(clock.instant()));
        } catch (RuntimeException e) {
            failed(d, 0, "could not be sent: " + e.getMessage(), Optional.empty());
        }
    }

    private void failed(HookDelivery d, int status, String why, Optional<Duration> asked) throws StoreException {
        int attempt = d.attempts() + 1;
        if (attempt >= MAX_ATTEMPTS) {
            hooks.attemptFailed(d.id(), status, why + " (gave up after " + attempt + " attempts)", Optional.empty());
            return;
        }
        Duration wait = backoff(firstWait, attempt);
        if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
            wait = asked.get().compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : asked.get();
        }
        hooks.attemptFailed(d.id(), status, why, Optional.of(clock.instant().plus(wait)));
    }

    /** The wait after attempt {@code n} (from 1): first × 4^(n-1), at most six hours, with ±20 % jitter. */
    static Duration backoff(Duration first, int n) {
        double base = first.toMillis() * Math.pow(4, Math.min(n - 1, 12));
        double capped = Math.min(base, LONGEST_WAIT.toMillis());
        return Duration.ofMillis(Math.round(capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    /** Why no answer came, in words. */
    static String noAnswer(IOException e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within 20 seconds";
        }
        if (e instanceof java.net.ConnectException) {
            return "could not connect: nothing answered at that address";
        }
        if (e instanceof java.net.UnknownHostException || e.getCause() instanceof java.net.UnknownHostException) {
            return "could not find that server's name";
        }
        return "no answer: " + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
    }

    /**
     * The hook's signer, its secret read from the vault once per hook (an encrypted vault derives its key on each
     * read, which would make every delivery wait); a hook removed and added again is a new key here.
     */
    private Optional<RequestSigner> signer(HookRecord hook) {
        String key = hook.name() + "\u0000" + hook.createdAt().toEpochMilli();
        RequestSigner known = signers.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<RequestSigner> made = vault.get(Notifications.secretKey(hook.name())).map(s -> signer(hook, s));
        made.ifPresent(r -> signers.put(key, r));
        return made;
    }

    private static RequestSigner signer(HookRecord hook, String secret) {
        return hook.signing().equals(Notifications.HEX)
                ? new HexHmacSigner(secret, hook.signatureHeader(), "sha256=", "X-Timestamp")
                : new WebhookSigner(secret);
    }

    private static String shorten(String s) {
        String clean = HeaderValues.clean(s == null ? "" : s).strip();
        return clean.length() > RESPONSE_CHARS ? clean.substring(0, RESPONSE_CHARS) + "…" : clean;
    }

    private void sleepUntilDue() throws StoreException {
        Duration wait = POLL;
        Optional<Instant> next = hooks.nextDue();
        if (next.isPresent()) {
            Duration until = Duration.between(clock.instant(), next.get());
            if (until.compareTo(wait) < 0) {
                wait = until.isNegative() ? Duration.ofMillis(50) : until;
            }
        }
        pause(wait);
    }

    private void pause(Duration d) {
        lock.lock();
        try {
            long nanos = d.toNanos();
            while (!woken && !closed && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAt = 0;
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the sender. Deliveries already due are still sent for up to {@link #DRAIN}, so a short command (a
     * push from a script) tells reachable receivers before it exits; the rest waits for the next process.
     */
    @Override
    public void close() {
        stopAt = System.nanoTime() + DRAIN.toNanos();
        closed = true;
        wake();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(DRAIN.plusSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
