package io.lumasync.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The stdio filter that gives the SDK's transport cancellation, and the dry-run ledger. */
class StdioFilterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void toolCallsCarryTheirIdAndOtherLinesPassUntouched() throws Exception {
        StdioFilter filter = new StdioFilter(new Calls(() -> { }));
        JsonNode stamped = JSON.readTree(filter.inbound(
                "{\"jsonrpc\":\"2.0\",\"id\":\"a-7\",\"method\":\"tools/call\",\"params\":{\"name\":\"status\","
                        + "\"_meta\":{\"progressToken\":5}}}"));
        assertThat(stamped.at("/params/_meta/progressToken").asInt()).isEqualTo(5);
        assertThat(stamped.at("/params/_meta").get(StdioFilter.REQUEST_ID).asText()).isEqualTo("\"a-7\"");

        String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        assertThat(filter.inbound(list)).isEqualTo(list);
        assertThat(filter.inbound("not json at all")).isEqualTo("not json at all");
        assertThat(filter.inbound("[1,2]")).isEqualTo("[1,2]");
    }

    @Test
    void aCancellationStopsItsCallAndSwallowsItsAnswerOnce() throws Exception {
        AtomicInteger engineStops = new AtomicInteger();
        Calls calls = new Calls(engineStops::incrementAndGet);
        StdioFilter filter = new StdioFilter(calls);
        Cancellation running = calls.start("3");
        assertThat(filter.inbound("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                + "\"params\":{\"requestId\":3,\"reason\":\"changed my mind\"}}")).isNull();
        assertThat(running.cancelled()).isTrue();
        assertThat(engineStops).hasValue(1);

        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        var out = filter.output(wire);
        out.write("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
        out.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}\n"
                .getBytes(StandardCharsets.UTF_8));
        out.write("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
        out.write("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(wire.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}");
    }

    @Test
    void aCancelThatOvertakesItsCallCancelsItAtTheStart() {
        Calls calls = new Calls(() -> { });
        calls.cancel("\"late\"");
        assertThat(calls.start("\"late\"").cancelled()).isTrue();
        assertThat(calls.start("\"other\"").cancelled()).isFalse();
    }

    @Test
    void theInputStreamEndsWhenTheClientClosesAndSwallowsCancellations() throws Exception {
        StdioFilter filter = new StdioFilter(new Calls(() -> { }), Duration.ofMillis(300));
        String in = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n";
        byte[] passed = filter.input(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8))).readAllBytes();
        assertThat(new String(passed, StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
        filter.awaitInputEnd();
    }

    @Test
    void theEndOfInputWaitsForTheAnswersStillDue() throws Exception {
        StdioFilter filter = new StdioFilter(new Calls(() -> { }), Duration.ofSeconds(20));
        var in = filter.input(new ByteArrayInputStream("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(in.read(new byte[4096])).isPositive();
        var out = filter.output(new ByteArrayOutputStream());
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
                out.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        assertThat(in.read()).isEqualTo(-1);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(waitedMs).as("held back until the answer went out").isBetween(250L, 10_000L);
    }

    @Test
    void aDryRunConfirmsOnlyItsOwnRequestOnceAndNotForever() {
        Instant[] now = {Instant.parse("2026-01-01T10:00:00Z")};
        Confirmations ledger = new Confirmations(() -> now[0]);
        Map<String, Object> request = Map.of("paths", java.util.List.of("/a.png"), "destinations", java.util.List.of("web"));
        ledger.shown("push", request);
        assertThat(ledger.take("optimize", request)).isFalse();
        assertThat(ledger.take("push", Map.of("paths", java.util.List.of("/b.png")))).isFalse();
        assertThat(ledger.take("push", new java.util.TreeMap<>(request))).as("key order does not matter").isTrue();
        assertThat(ledger.take("push", request)).as("used once").isFalse();

        ledger.shown("push", request);
        now[0] = now[0].plus(Confirmations.VALID).plus(Duration.ofSeconds(1));
        assertThat(ledger.take("push", request)).as("too old").isFalse();
    }
}
