package io.lumasync.source.gdrive;

import io.lumasync.auth.TokenStore;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.Http;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.OAuthFakeFixture;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source contract against {@link FakeDrive}, written from the Drive API v3 reference
 * (developers.google.com/drive/api/reference/rest/v3: files.list, files.get, changes.getStartPageToken,
 * changes.list; guides "Retrieve changes", "Resolve errors", "Implement shared drive support").
 */
class DriveSourceContractTest extends SourceContract {
    static final class DriveFixture extends OAuthFakeFixture<FakeDrive> {
        final Map<String, String> extra = new HashMap<>();

        DriveFixture(Path workDir) {
            super(new FakeDrive(3), "drive", workDir, 3);
            secrets.put(DriveSourceType.CLIENT_SECRET_KEY, FakeDrive.CLIENT_SECRET);
        }

        @Override
        public Source sourceAt(URI uri, Retrier retrier) throws LumasyncException {
            String base = uri.toString();
            Map<String, String> s = new HashMap<>(Map.of("folder_id", "root", "client_id", FakeDrive.CLIENT_ID,
                    "api_url", base, "token_url", base + OAuthApiFake.TOKEN_PATH, "page_size", "3"));
            s.putAll(extra);
            return new DriveSourceType().create(new AdapterContext(new AdapterConfig("drive", DriveSourceType.ID, s),
                    secrets, Http.newClient(), dataDir, retrier));
        }

        @Override
        public void put(String path, byte[] bytes) {
            fake.put(path, bytes);
        }

        @Override
        public void delete(String path) {
            fake.delete(path);
        }

        @Override
        public void invalidateCursors() {
            // Drive's page tokens do not expire; what ends a change feed is the adapter losing its folder state.
            try {
                java.nio.file.Files.deleteIfExists(dataDir.resolve("gdrive-state.json"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public List<String> secretValues() {
            return List.of(secrets.get(TokenStore.ACCESS).orElseThrow(), OAuthApiFake.REFRESH_TOKEN, FakeDrive.CLIENT_SECRET);
        }
    }

    @Override
    protected Fixture createFixture(Path workDir) {
        return new DriveFixture(workDir);
    }
}
