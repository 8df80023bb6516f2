package io.lumasync.destination.wordpress;

import io.lumasync.core.ImageFormat;
import io.lumasync.destination.ReplaceStrategy;

/** The destination contract against Debian's WordPress 6.1 without the plugin: AVIF refused, put-then-remove. */
class WordPress61DestinationContractTest extends WordPressContract {
    WordPress61DestinationContractTest() {
        super(WordPressTestSite.wp61());
    }

    @Override
    protected Promises promises() {
        return Promises.of(ReplaceStrategy.PUT_THEN_REMOVE).listing().updatingMetadata().rejecting(ImageFormat.AVIF);
    }
}
