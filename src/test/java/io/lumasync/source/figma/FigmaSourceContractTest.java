package io.lumasync.source.figma;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.Http;
import io.lumasync.source.RemoteAssetContract;
import io.lumasync.source.Source;
import io.lumasync.source.TokenFakeFixture;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The remote-asset contract against {@link FakeFigma} (developers.figma.com/docs/rest-api: "File endpoints",
 * "GET image", "Errors", "Rate limits"): each label is a top-level frame of one file.
 */
class FigmaSourceContractTest extends RemoteAssetContract {
    static final String FILE = "FileKeyAbc123";

    /** A Figma source over the fake. */
    static final class FigmaFixture extends TokenFakeFixture<FakeFigma> {
        FigmaFixture(Path workDir) {
            super(new FakeFigma(), FakeFigma.TOKEN, workDir);
        }

        @Override
        public Source sourceAt(URI base, Retrier retrier) throws LumasyncException {
            VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "figma");
            secrets.put("token", FakeFigma.TOKEN);
            Map<String, String> s = settings(base, Map.of("files", "https://www.figma.com/design/" + FILE + "/Brand"));
            return new FigmaSourceType().create(new AdapterContext(new AdapterConfig("figma", FigmaSourceType.ID, s),
                    secrets, Http.newClient(), dataDir, retrier));
        }

        @Override
        public void put(String label, byte[] bytes) {
            fake.put(FILE, "Page 1", label, bytes);
        }

        @Override
        public void remove(String label) {
            fake.remove(FILE, label);
        }
    }

    @Override
    protected Fixture createFixture(Path workDir) {
        return new FigmaFixture(workDir);
    }
}
