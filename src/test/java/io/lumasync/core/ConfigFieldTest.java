package io.lumasync.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigFieldTest {
    private final ConfigField url = ConfigField.url("url", "URL", "");

    @Test
    void anAddressWithPlaceholdersOfEitherSyntaxCanBeSaved() {
        assertThat(url.problem("https://{site}/wp-json/wp/v2/media?per_page={per_page}")).isEmpty();
        assertThat(url.problem("https://cdn.example.com/{{folder_path}}{{filename}}")).isEmpty();
        assertThat(url.problem("https://cdn.example.com/{{ asset_id }}")).isEmpty();
    }

    @Test
    void anAddressThatIsNoWebAddressIsStillRefused() {
        assertThat(url.problem("ftp://{site}/x")).hasValueSatisfying(p -> assertThat(p).contains("https://"));
        assertThat(url.problem("https:///{{filename}}")).hasValueSatisfying(p -> assertThat(p).contains("server"));
    }
}
