package io.lumasync.ui.destinations;

import io.lumasync.sync.DestinationInfo;
import io.lumasync.ui.FakeAppServices;
import io.lumasync.ui.common.PassphraseGate;
import io.lumasync.ui.common.SameThreadTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a keychain the app asks for a vault passphrase before saving a password, instead of losing it. */
class PassphraseViewModelTest {
    private static final Map<String, String> HOOK = Map.of("url", "https://hooks.example.com/in");
    private static final Map<String, String> SECRET = Map.of("secret", "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=");

    @TempDir
    Path dir;

    @Test
    void aPasswordWaitsForThePassphraseAndIsSavedOnceItIsGiven() throws Exception {
        FakeAppServices services = new FakeAppServices(dir);
        services.withoutKeychain();
        DestinationsViewModel vm = new DestinationsViewModel(services, new SameThreadTasks());
        vm.save("hook", "webhook", HOOK, SECRET);
        assertThat(vm.passphrase().askingProperty().get()).isTrue();
        assertThat(services.destinations()).extracting(DestinationInfo::name).doesNotContain("hook");

        char[] typed = "correct horse battery".toCharArray();
        vm.usePassphrase(typed);
        assertThat(services.vaultPassphrase()).contains("correct horse battery");
        assertThat(typed).as("the typed passphrase is wiped").containsOnly('\0');
        assertThat(vm.passphrase().askingProperty().get()).isFalse();
        assertThat(services.destinations()).extracting(DestinationInfo::name).contains("hook");
        assertThat(vm.failedProperty().get()).isFalse();
    }

    @Test
    void decliningSavesNothingAndSaysWhy() throws Exception {
        FakeAppServices services = new FakeAppServices(dir);
        services.withoutKeychain();
        DestinationsViewModel vm = new DestinationsViewModel(services, new SameThreadTasks());
        vm.save("hook", "webhook", HOOK, SECRET);
        vm.declinePassphrase();
        assertThat(services.destinations()).extracting(DestinationInfo::name).doesNotContain("hook");
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo(PassphraseGate.NOT_SAVED);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void noQuestionWithAKeychainOrWithoutPasswords() throws Exception {
        FakeAppServices withKeychain = new FakeAppServices(dir);
        DestinationsViewModel vm = new DestinationsViewModel(withKeychain, new SameThreadTasks());
        vm.save("hook", "webhook", HOOK, SECRET);
        assertThat(vm.passphrase().askingProperty().get()).isFalse();
        assertThat(withKeychain.destinations()).extracting(DestinationInfo::name).contains("hook");

        FakeAppServices noKeychain = new FakeAppServices(dir.resolve("other"));
        noKeychain.withoutKeychain();
        DestinationsViewModel plain = new DestinationsViewModel(noKeychain, new SameThreadTasks());
        plain.save("web", "folder", Map.of("path", dir.resolve("web").toString()), Map.of());
        assertThat(plain.passphrase().askingProperty().get()).isFalse();
        assertThat(noKeychain.destinations()).extracting(DestinationInfo::name).contains("web");
    }
}
