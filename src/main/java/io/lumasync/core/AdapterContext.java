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
 */
public record AdapterContext(AdapterConfig config, Secrets secrets, HttpClient http, Path dataDir) {
}
