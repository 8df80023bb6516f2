package io.lumasync.source.shutterstock;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.Http;
import io.lumasync.source.RemoteAssetContract;
import io.lumasync.source.TokenFakeFixture;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The remote-asset contract against {@link FakeShutterstock} (api-reference.shutterstock.com: "List image
 * licenses", "Download image", "List images"): each label is an image's description; putting it again licenses the
 * image anew (an upgrade); removing it withdraws its licences. The history is served two licences to a page.
 */
class ShutterstockSourceContractTest extends RemoteAssetContract {

    /** A Shutterstock source over the fake. */
    static final class ShutterstockFixture extends TokenFakeFixture<FakeShutterstock> {
        ShutterstockFixture(Path workDir) {
            super(new FakeShutterstock(2), FakeShutterstock.TOKEN, workDir);
        }

        @Override
        public ShutterstockSource sourceAt(URI base, Retrier retrier) throws LumasyncException {
            VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "stock");
            secrets.put("token", FakeShutterstock.TOKEN);
            return (ShutterstockSource) new ShutterstockSourceType().create(new AdapterContext(
                    new AdapterConfig("stock", ShutterstockSourceType.ID, settings(base, Map.of())), secrets,
                    Http.newClient(), dataDir, retrier));
        }

        @Override
        public void put(String label, byte[] bytes) {
            String id = fake.images.values().stream().filter(i -> i.description().equals(label)).findFirst()
                    .map(FakeShutterstock.Image::id).orElseGet(() -> fake.addImage(label, bytes, List.of("test")));
            fake.license(id, bytes);
        }

        @Override
        public void remove(String label) {
            fake.withdraw(fake.idOf(label));
        }
    }

    @Override
    protected Fixture createFixture(Path workDir) {
        return new ShutterstockFixture(workDir);
    }
}
