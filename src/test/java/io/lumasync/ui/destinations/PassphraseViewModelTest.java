package io.lumasync.ui.destinations;

import io.lumasync.auth.EncryptedFileVault;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.TestVaults;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.ui.EngineServices;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.SameThreadTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a keychain the app asks for a vault passphrase before saving a password, instead of losing it. */
class PassphraseViewModelTest {
    private static final String SECRET_VALUE = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=";
    private static final Map<String, String> HOOK = Map.of("url", "https://hooks.example.com/in");
    private static final Map<String, String> SECRET = Map.of("secret", SECRET_VALUE);

    @TempDir
    Path dir;

    private EngineServices withoutKeychain(Path data) throws Exception {
        return FxTestSupport.engine(data, TestVaults.withoutKeychain(data), new PassThroughPipeline());
    }

    @Test
    void aPasswordWaitsForThePassphraseAndIsSavedOnceItIsGiven() throws Exception {
        Path data = dir.resolve("data");
        try (EngineServices services = withoutKeychain(data)) {
            DestinationsViewModel vm = new DestinationsViewModel(services, new SameThreadTasks());
            vm.save("hook", "webhook", HOOK, SECRET);
            assertThat(vm.passphrase().askingProperty().get()).isTrue();
            assertThat(services.destinations()).extracting(DestinationInfo::name).doesNotContain("hook");

            char[] typed = "correct horse battery".toCharArray();
            vm.usePassphrase(typed);
            assertThat(typed).as("the typed passphrase is wiped").containsOnly('\0');
            assertThat(vm.passphrase().askingProperty().get()).isFalse();
            assertThat(services.destinations()).extracting(DestinationInfo::name).contains("hook");
            assertThat(vm.failedProperty().get()).isFalse();
            assertThat(services.vaultNeedsPassphrase()).isFalse();
        }
        // The password outlives the app, in the file the passphrase opens.
        EncryptedFileVault kept = EncryptedFileVault.open(data.resolve(EncryptedFileVault.FILE_NAME),
                "correct horse battery".toCharArray());
        assertThat(kept.get("destination/hook/secret")).contains(SECRET_VALUE);
    }

    @Test
    void decliningSavesNothingAndSaysWhy() throws Exception {
        try (EngineServices services = withoutKeychain(dir.resolve("data"))) {
            DestinationsViewModel vm = new DestinationsViewModel(services, new SameThreadTasks());
            vm.save("hook", "webhook", HOOK, SECRET);
            vm.declinePassphrase();
            assertThat(services.destinations()).extracting(DestinationInfo::name).doesNotContain("hook");
            assertThat(vm.failedProperty().get()).isTrue();
            assertThat(vm.messageProperty().get()).isEqualTo(Messages.get("common.passphrase.notSaved"));
            assertThat(vm.busyProperty().get()).isFalse();
        }
        assertThat(dir.resolve("data").resolve(EncryptedFileVault.FILE_NAME)).doesNotExist();
    }

    @Test
    void noQuestionWithAKeychainOrWithoutPasswords() throws Exception {
        try (EngineServices withKeychain = FxTestSupport.engine(dir.resolve("data"), new InMemorySecretVault(),
                new PassThroughPipeline())) {
            DestinationsViewModel vm = new DestinationsViewModel(withKeychain, new SameThreadTasks());
            vm.save("hook", "webhook", HOOK, SECRET);
            assertThat(vm.passphrase().askingProperty().get()).isFalse();
            assertThat(withKeychain.destinations()).extracting(DestinationInfo::name).contains("hook");
        }
        try (EngineServices noKeychain = withoutKeychain(dir.resolve("other"))) {
            DestinationsViewModel plain = new DestinationsViewModel(noKeychain, new SameThreadTasks());
            plain.save("web", "folder", Map.of("path", dir.resolve("web").toString()), Map.of());
            assertThat(plain.passphrase().askingProperty().get()).isFalse();
            assertThat(noKeychain.destinations()).extracting(DestinationInfo::name).contains("web");
        }
    }
}
