package io.lumasync.source;

import io.lumasync.source.OAuthApiFake.Reply;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The signed, expiring storage addresses that render and export APIs hand out (Figma's renders and Canva's
 * exports live on S3-style storage, Shutterstock's downloads on its gatekeeper host): no token is needed, the
 * random path is the credential, and an expired or unknown one answers 403 with S3's {@code AccessDenied} XML.
 * Served under {@link #PREFIX} by the fake that issues them.
 */
public final class SignedLinks {
    public static final String PREFIX = "/signed/";

    private final String base;
    private final Map<String, byte[]> live = new ConcurrentHashMap<>();
    private final AtomicInteger served = new AtomicInteger();

    public SignedLinks(String base) {
        this.base = base;
    }

    /** A fresh address for these bytes. */
    public String issue(byte[] bytes) {
        String id = UUID.randomUUID().toString().replace("-", "");
        live.put(id, bytes.clone());
        return base + PREFIX + id + "?X-Amz-Expires=3600&X-Amz-Signature=" + id.substring(0, 16);
    }

    /** Every address handed out so far stops working, as when their lifetime has passed. */
    public void expireAll() {
        live.clear();
    }

    /** Downloads served so far. */
    public int served() {
        return served.get();
    }

    /** The answer for a path under {@link #PREFIX}; null for any other path. */
    public Reply serve(String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        byte[] bytes = live.get(path.substring(PREFIX.length()));
        if (bytes == null) {
            return new Reply(403, Map.of("Content-Type", "application/xml"), ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        served.incrementAndGet();
        return new Reply(200, Map.of("Content-Type", "image/png"), bytes);
    }
}
