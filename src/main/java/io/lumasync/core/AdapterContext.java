package io.lumasync.core;

import java.net.http.HttpClient;
import java.nio.file.Path;

/**
 * What an adapter gets when it is created.
 *
 * @param config  its saved settings
 * @param secrets its secrets, from the vault
 * @param http    the shared HTTP client (use {@code io.lumasync.http} helpers to classify answers)
 * @param dataDir a private folder for caches (cursor files, thumbnails)
 * @param retrier the one retry layer, for sources to wrap each of their calls in (destinations are retried by
 *                the engine, which reconciles an upload before sending it again)
 */
public record AdapterContext(AdapterConfig config, Secrets secrets, HttpClient http, Path dataDir, Retrier retrier) {

    public AdapterContext(AdapterConfig config, Secrets secrets, HttpClient http, Path dataDir) {
        this(config, secrets, http, dataDir, Retrier.DEFAULT);
    }
}
