package io.lumasync.cli;

import io.lumasync.destination.s3.S3DestinationType;
import io.lumasync.destination.webhook.WebhookDestinationType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdapterOptionsTest {
    private static CliContext context(String stdin, StringWriter out) {
        return new CliContext(() -> {
            throw new IllegalStateException("no service needed");
        }, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of());
    }

    @Test
    void anOptionalSecretIsNotAskedForUnlessItsStdinFlagIsGiven() throws Exception {
        StringWriter out = new StringWriter();
        Map<String, String> v = AdapterOptions.parse("webhook", new WebhookDestinationType().fields(),
                List.of("--url", "https://example.com/hook"), context("", out));
        assertThat(v).containsEntry("url", "https://example.com/hook").doesNotContainKey("token");
        assertThat(v.get("secret")).startsWith("whsec_");
        assertThat(out.toString()).contains(v.get("secret"));

        Map<String, String> withToken = AdapterOptions.parse("webhook", new WebhookDestinationType().fields(),
                List.of("--url", "https://example.com/hook", "--token-stdin"), context("tok-1\n", new StringWriter()));
        assertThat(withToken).containsEntry("token", "tok-1");
        assertThat(withToken.get("secret")).as("still generated").startsWith("whsec_");
    }

    @Test
    void aStdinFlagNamingNoFieldReadsTheRequiredSecret() throws Exception {
        Map<String, String> v = AdapterOptions.parse("s3", new S3DestinationType().fields(),
                List.of("--bucket", "b", "--access-key", "AK", "--secret-stdin"), context("sk-1\n", new StringWriter()));
        assertThat(v).containsEntry("secret_key", "sk-1").containsEntry("access_key", "AK");
    }
}
