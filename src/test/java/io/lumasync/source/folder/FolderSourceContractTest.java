package io.lumasync.source.folder;

import io.lumasync.core.Retrier;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** The source contract for a local folder: no change feed, hash, credentials or pages, so those cases are skipped. */
class FolderSourceContractTest extends SourceContract {
    @Override
    protected Fixture createFixture(Path workDir) throws Exception {
        Path root = Files.createDirectories(workDir.resolve("export"));
        return new Fixture() {
            @Override
            public Source source(Retrier retrier) {
                return new FolderSource(root);
            }

            @Override
            public void put(String path, byte[] bytes) throws Exception {
                Path p = root.resolve(path);
                Files.createDirectories(p.getParent());
                Files.write(p, bytes);
            }

            @Override
            public void delete(String path) throws Exception {
                Files.delete(root.resolve(path));
            }

            @Override
            public Set<Ability> abilities() {
                return EnumSet.of(Ability.FOLDERS);
            }
        };
    }
}
