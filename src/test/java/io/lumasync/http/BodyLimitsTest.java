package io.lumasync.http;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyLimitsTest {
    private static final BodyLimits.Limits SMALL = new BodyLimits.Limits(1 << 20, Duration.ofSeconds(2));
    private HostileServer server;
    private final HttpClient http = Http.newClient();

    @BeforeEach
    void start() throws IOException {
        server = new HostileServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anEndlessStreamStopsAtTheByteCap() throws Exception {
        long t0 = System.nanoTime();
        try (InputStream in = http.send(get("/forever"), BodyLimits.ofInputStream(SMALL)).body()) {
            assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(BodyLimitException.class).hasMessageContaining("more than 1 MB");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aTricklingStreamStopsAtTheDeadline() throws Exception {
        BodyLimits.Limits quick = new BodyLimits.Limits(1 << 20, Duration.ofMillis(700));
        long t0 = System.nanoTime();
        try (InputStream in = http.send(get("/trickle"), BodyLimits.ofInputStream(quick)).body()) {
            assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(BodyLimitException.class).hasMessageContaining("took longer than");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aDeclaredLengthAboveTheCapIsRefusedBeforeReading() throws Exception {
        try (InputStream in = http.send(get("/declared-huge"), BodyLimits.ofInputStream(SMALL)).body()) {
            assertThatThrownBy(in::read).isInstanceOf(BodyLimitException.class);
        }
        assertThatThrownBy(() -> http.send(get("/declared-huge"), BodyLimits.ofString(SMALL)))
                .hasRootCauseInstanceOf(BodyLimitException.class);
    }

    @Test
    void anEndlessTextAnswerStopsAtTheCapWithoutFillingTheHeap() {
        assertThatThrownBy(() -> http.send(get("/forever"), BodyLimits.ofString(SMALL)))
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(HttpErrors.fromIo("The API", (IOException) e))
                        .extracting(LumasyncException::kind).isEqualTo(ErrorKind.GIVE_UP))
                .satisfies(e -> assertThat(HttpErrors.fromIo("The API", (IOException) e).getMessage())
                        .contains("more than 1 MB"));
    }

    @Test
    void aTricklingTextAnswerStopsAtTheDeadline() {
        BodyLimits.Limits quick = new BodyLimits.Limits(1 << 20, Duration.ofMillis(700));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> http.send(get("/trickle"), BodyLimits.ofString(quick)))
                .satisfies(e -> assertThat(HttpErrors.fromIo("The API", (IOException) e).getMessage())
                        .contains("took longer than"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void answersWithinTheLimitsArriveWhole() throws Exception {
        assertThat(http.send(get("/small"), BodyLimits.ofString(SMALL)).body()).isEqualTo("{\"ok\":true}");
        try (InputStream in = http.send(get("/small"), BodyLimits.ofInputStream(SMALL)).body()) {
            assertThat(new String(in.readAllBytes())).isEqualTo("{\"ok\":true}");
        }
        byte[] exact = new byte[1 << 20];
        try (InputStream in = BodyLimits.bound(new ByteArrayInputStream(exact), SMALL)) {
            assertThat(in.readAllBytes()).hasSize(exact.length);
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10)).build();
    }
}
