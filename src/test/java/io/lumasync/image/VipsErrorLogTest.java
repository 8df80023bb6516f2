package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.ImageFormat;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsScope;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The binding's handling of libvips' process-wide error log. */
class VipsErrorLogTest extends PipelineTestBase {

    private static String missing(Path dir, String name) {
        return "VipsForeignLoad: file \"" + dir.resolve(name) + "\" does not exist";
    }

    @Test
    void linesLoggedByCallsThatSucceededAreNotBlamedOnTheNextFailure() throws Exception {
        // Encoding every format with auto-quality leaves "source: bad seek" lines in libvips' log although
        // everything succeeded; they must not end up in the next failure's message.
        pipeline.encode(Fixtures.photo(dir, 200, 150, 41), "p.png", EncodeSettings.defaults(),
                Set.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG));
        try (VipsScope scope = vips.scope()) {
            assertThatThrownBy(() -> scope.open(dir.resolve("gone.jpg"))).isInstanceOfSatisfying(VipsException.class,
                    e -> {
                        assertThat(e.getMessage()).isEqualTo(missing(dir, "gone.jpg"));
                        assertThat(e.uncertain()).isFalse();
                    });
        }
    }

    @Test
    void aFailureNotMarkedUncertainCarriesExactlyItsOwnMessage() throws Exception {
        // Two threads failing over and over: whatever the interleaving, an exception that claims certainty must
        // hold its own message and nothing else; the uncertain ones are what the pipeline runs again alone.
        int tries = 300;
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (String name : List.of("a.jpg", "b.jpg")) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (VipsScope scope = vips.scope()) {
                    start.await();
                    for (int i = 0; i < tries; i++) {
                        try {
                            scope.open(dir.resolve(name));
                            wrong.add(name + " opened");
                        } catch (VipsException e) {
                            if (!e.uncertain() && !e.getMessage().equals(missing(dir, name))) {
                                wrong.add(name + ": " + e.getMessage());
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aloneGivesTheExactMessageWhileAnotherThreadKeepsFailing() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread noisy = Thread.ofPlatform().start(() -> {
            try (VipsScope scope = vips.scope()) {
                while (!stop.get()) {
                    try {
                        scope.open(dir.resolve("other.jpg"));
                    } catch (VipsException e) {
                        // expected: this thread only makes noise in the shared log
                    }
                }
            }
        });
        try {
            for (int i = 0; i < 50; i++) {
                VipsException e = vips.alone(() -> {
                    try (VipsScope scope = vips.scope()) {
                        scope.open(dir.resolve("mine.jpg"));
                        return null;
                    } catch (VipsException failure) {
                        return failure;
                    }
                });
                assertThat(e).isNotNull();
                assertThat(e.getMessage()).isEqualTo(missing(dir, "mine.jpg"));
                assertThat(e.uncertain()).isFalse();
            }
        } finally {
            stop.set(true);
            noisy.join();
        }
    }
}
