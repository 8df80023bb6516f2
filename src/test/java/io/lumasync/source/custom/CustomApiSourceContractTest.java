package io.lumasync.source.custom;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.Http;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The source contract for a custom API source against a local photo API ({@link PhotoApiServer}). */
class CustomApiSourceContractTest extends SourceContract {

    static final class CustomFixture implements Fixture {
        final PhotoApiServer api;
        final VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "stock");
        final Path dataDir;
        final Map<String, String> settings = new HashMap<>();

        CustomFixture(Path workDir) throws Exception {
            api = new PhotoApiServer();
            dataDir = workDir.resolve("adapter");
            secrets.put("token", api.validToken);
            settings.putAll(Map.of("url", api.base() + "/api/photos", "headers", "Authorization: Bearer {token}",
                    "items_path", "photos", "id_field", "id", "name_field", "title", "thumb_field", "urls.thumb",
                    "download_field", "urls.full", "size_field", "bytes", "per_page_param", "per_page"));
            settings.putAll(Map.of("per_page", "3", "next", "link", "version_field", "updated_at"));
        }

        @Override
        public Source source(Retrier retrier) throws LumasyncException {
            return sourceAt(URI.create(api.base()), retrier);
        }

        @Override
        public Optional<URI> serverUri() {
            return Optional.of(URI.create(api.base()));
        }

        @Override
        public Source sourceAt(URI base, Retrier retrier) throws LumasyncException {
            Map<String, String> at = new HashMap<>(settings);
            at.computeIfPresent("url", (k, url) -> url.replace(api.base(), base.toString()));
            return new CustomApiSourceType().create(new AdapterContext(
                    new AdapterConfig("stock", CustomApiSourceType.ID, at), secrets, Http.newClient(), dataDir, retrier));
        }

        @Override
        public void put(String path, byte[] bytes) {
            // A photo API lists images only and has no folders: the name is the last path segment.
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (io.lumasync.core.ImageFormat.looksLikeImage(name)) {
                api.put(name, bytes);
            }
        }

        @Override
        public void delete(String path) {
            api.delete(path.substring(path.lastIndexOf('/') + 1));
        }

        @Override
        public Set<Ability> abilities() {
            return EnumSet.of(Ability.THUMBNAILS, Ability.REVOCABLE, Ability.RATE_LIMITS, Ability.PAGINATION);
        }

        @Override
        public int pageSize() {
            return 3;
        }

        @Override
        public void revokeConsent() {
            api.validToken = "rotated-" + System.nanoTime();
        }

        @Override
        public List<String> secretValues() {
            return List.of(secrets.get("token").orElseThrow());
        }

        @Override
        public void rateLimitNextCall(int seconds) {
            api.rateLimitSeconds = seconds;
        }

        @Override
        public void close() {
            api.close();
        }
    }

    @Override
    protected Fixture createFixture(Path workDir) throws Exception {
        return new CustomFixture(workDir);
    }
}
