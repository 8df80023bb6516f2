package io.lumasync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.JobAction;
import io.lumasync.store.JobState;
import io.lumasync.sync.ai.FakeOpenRouter;
import io.lumasync.sync.alt.AltMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alt text through the engine: each mode planned per item and destination, sent where the destination keeps it (a
 * webhook's {@code alt_text}), cached AI answers on a re-push, metadata-only updates when the text changes, the
 * monthly budget stop, the estimate before a batch, and texts set by hand. The AI service is the OpenRouter fake.
 */
class AltTextRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofSeconds(2));
    @TempDir
    Path dir;
    private HttpServer receiver;
    /** The last alt text the webhook receiver got per file name. */
    private final Map<String, String> altByName = new ConcurrentHashMap<>();
    private final AtomicInteger metadataUpdates = new AtomicInteger();
    private final AtomicInteger uploads = new AtomicInteger();
    private FakeOpenRouter ai;
    private SyncService sync;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger ids = new AtomicInteger();
        receiver.createContext("/hook", ex -> {
            try (ex) {
                JsonNode body = JSON.readTree(ex.getRequestBody());
                boolean known = body.hasNonNull("existing_asset_id");
                String id = known ? body.get("existing_asset_id").asText() : "a" + ids.incrementAndGet();
                String name = body.hasNonNull("filename") ? body.get("filename").asText() : id;
                if (body.path("event").asText().contains("metadata")) {
                    metadataUpdates.incrementAndGet();
                    name = body.findValue("existing_asset_id").asText();
                } else {
                    uploads.incrementAndGet();
                }
                altByName.put(name, body.findValue("alt_text").asText());
                byte[] answer = ("{\"asset_id\":\"" + id + "\",\"asset_url\":\"https://cdn.example/" + id + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, answer.length);
                ex.getResponseBody().write(answer);
            }
        });
        receiver.start();
        ai = new FakeOpenRouter();
        sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(), new PassThroughPipeline(),
                new SyncService.Options(FAST, 1, 1, false));
        sync.addDestination("hook", "webhook", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook", "secret", "whsec_YW4gb2xkIHNpZ25pbmcgc2VjcmV0IDMyIGJ5dGVzISE="));
        ai.connect(sync, FakeOpenRouter.VISION, FakeOpenRouter.IMAGE);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        sync.close();
        ai.close();
    }

    private Path photo(String name, int shade) throws Exception {
        Path f = dir.resolve("in").resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, TinyPng.solid(16, 12, shade));
        return f;
    }

    private RunReport push(Optional<AltMode> mode, Path... files) throws Exception {
        return sync.push(List.of(files), List.of("hook"), EngineFixture.ORIGINAL, mode, false, SyncListener.NONE);
    }

    @Test
    void basicModeNamesImagesFromTheirFileNamesWithoutAnyModelCall() throws Exception {
        Path tram = photo("lisbon-tram-at-dusk.png", 10);
        Path camera = photo("IMG_2034-final_v2.png", 20);

        RunReport r = push(Optional.of(AltMode.BASIC), tram, camera);

        assertThat(r.results()).allMatch(p -> p.state() == JobState.DONE);
        assertThat(altByName).containsEntry("lisbon-tram-at-dusk.png", "Lisbon tram at dusk")
                .containsEntry("IMG_2034-final_v2.png", "");
        assertThat(ai.completions()).isZero();
        assertThat(ai.headers()).as("no network call to the AI service at all").isEmpty();
        assertThat(sync.altTexts(Optional.of("hook"), true)).extracting(AltTextEntry::assetId)
                .containsExactly("IMG_2034-final_v2.png");
    }

    @Test
    void embeddedModeUsesTheCaptionInTheFile() throws Exception {
        Path f = dir.resolve("in/DSC00731.png");
        Files.createDirectories(f.getParent());
        Files.write(f, withXmp(TinyPng.solid(16, 12, 30), "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf="
                + "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" xmlns:dc="
                + "\"http://purl.org/dc/elements/1.1/\"><dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">"
                + "Fishermen mend nets on the quay</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF>"
                + "</x:xmpmeta>"));

        push(Optional.of(AltMode.EMBEDDED), f);

        assertThat(altByName).containsEntry("DSC00731.png", "Fishermen mend nets on the quay");
        assertThat(ai.headers()).isEmpty();
    }

    @Test
    void aiModeDescribesOnceAndARePushCostsNothing() throws Exception {
        Path a = photo("a.png", 40);
        Path b = photo("b.png", 80);
        ai.describeWith(img -> "\"Image of a solid square, " + img.length + " bytes.\"");

        Optional<String> estimate = sync.estimateAltText(List.of(a, b), List.of("hook"), EngineFixture.ORIGINAL,
                Optional.of(AltMode.AI));
        assertThat(estimate).get().asString().contains("2 image(s)").contains(FakeOpenRouter.VISION).contains("$");
        assertThat(ai.completions()).as("an estimate calls no model").isZero();

        List<Notifications.Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        sync.notifications().listen(events::add);
        RunReport first = push(Optional.of(AltMode.AI), a, b);
        assertThat(first.problems()).isEmpty();
        assertThat(ai.completions()).isEqualTo(2);
        assertThat(events).filteredOn(e -> e.type().equals(Notifications.ENRICHMENT_COMPLETED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("described", 2).containsEntry("kind", "alt_text"));
        assertThat(altByName.get("a.png")).startsWith("A solid square, ").doesNotContain("\"").doesNotContain("Image of");
        assertThat(sync.aiSpentThisMonth()).isPositive();
        String prompt = ai.requests().getFirst().path("messages").path(0).path("content").path(0).path("text").asText();
        assertThat(prompt).contains("in English").contains("Do not begin with \"image of\"");

        RunReport again = push(Optional.of(AltMode.AI), a, b);
        assertThat(ai.completions()).as("answers are cached by content").isEqualTo(2);
        assertThat(events).as("cached answers are no new enrichment")
                .filteredOn(e -> e.type().equals(Notifications.ENRICHMENT_COMPLETED)).hasSize(1);
        assertThat(again.results()).allMatch(p -> p.state() == JobState.SKIPPED);
        assertThat(sync.estimateAltText(List.of(a, b), List.of("hook"), EngineFixture.ORIGINAL,
                Optional.of(AltMode.AI))).isEmpty();
    }

    @Test
    void aChangedTextIsAMetadataOnlyUpdate() throws Exception {
        Path a = photo("harbour-crane.png", 50);
        push(Optional.of(AltMode.OFF), a);
        assertThat(uploads.get()).isEqualTo(1);

        RunReport r = push(Optional.of(AltMode.BASIC), a);

        assertThat(r.results()).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo(JobAction.METADATA);
            assertThat(p.state()).isEqualTo(JobState.DONE);
        });
        assertThat(uploads.get()).as("the image is not sent again").isEqualTo(1);
        assertThat(metadataUpdates.get()).isEqualTo(1);
        assertThat(altByName).containsEntry("a1", "Harbour crane");
    }

    @Test
    void theDestinationsOwnModeAppliesWhenTheRunGivesNone() throws Exception {
        sync.ai().setAltMode("hook", AltMode.AI);
        sync.ai().setLanguage("hook", "de");
        push(Optional.empty(), photo("x.png", 60));
        assertThat(ai.completions()).isEqualTo(1);
        String prompt = ai.requests().getFirst().path("messages").path(0).path("content").path(0).path("text").asText();
        assertThat(prompt).contains("in German");
    }

    @Test
    void theMonthlyBudgetStopsModelCalls() throws Exception {
        sync.ai().configure(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(0.0));

        RunReport r = push(Optional.of(AltMode.AI), photo("quiet-harbour.png", 70));

        assertThat(ai.completions()).isZero();
        assertThat(r.problems()).anyMatch(p -> p.contains("monthly AI budget"));
        assertThat(altByName).as("published with the file name's text instead").containsEntry("quiet-harbour.png",
                "Quiet harbour");
    }

    @Test
    void oneRefusedImageFailsAloneAndTheBatchGoesOn() throws Exception {
        Path a = photo("a.png", 90);
        Path b = photo("b.png", 100);
        byte[] refused = Files.readAllBytes(a);
        ai.describeWith(img -> java.util.Arrays.equals(img, refused) ? "" : "A grey square");

        RunReport r = push(Optional.of(AltMode.AI), a, b);

        assertThat(r.results()).allMatch(p -> p.state() == JobState.DONE);
        assertThat(r.problems()).singleElement().asString().contains("a.png").contains("no usable description");
        assertThat(altByName).containsEntry("b.png", "A grey square").containsEntry("a.png", "");
    }

    @Test
    void aTextSetByHandWinsAndIsSentInPlace() throws Exception {
        Path a = photo("lisbon-tram.png", 110);
        push(Optional.of(AltMode.BASIC), a);
        sync.setAltText(SyncService.UPLOAD_SOURCE, "lisbon-tram.png", "Tram 28 passing the cathedral");

        push(Optional.of(AltMode.BASIC), a);

        assertThat(altByName).containsEntry("a1", "Tram 28 passing the cathedral");
        assertThat(sync.altTexts(Optional.empty(), false)).singleElement().satisfies(e -> {
            assertThat(e.altText()).isEqualTo("Tram 28 passing the cathedral");
            assertThat(e.origin()).isEqualTo("manual");
        });
    }

    /** A PNG with an iTXt chunk holding an XMP packet, inserted before IEND. */
    static byte[] withXmp(byte[] png, String xmp) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(xmp.getBytes(StandardCharsets.UTF_8));
        byte[] d = data.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, png.length - 12);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(d.length).array());
        byte[] typeAndData = new byte[4 + d.length];
        System.arraycopy("iTXt".getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
        System.arraycopy(d, 0, typeAndData, 4, d.length);
        out.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, png.length - 12, 12);
        return out.toByteArray();
    }
}
