package io.lumasync.destination.wordpress;

import io.lumasync.destination.ReplaceStrategy;

/** The destination contract against WordPress 6.5.5 with the companion plugin: AVIF, replace in place, 8 MB limit. */
class WordPressDestinationContractTest extends WordPressContract {
    WordPressDestinationContractTest() {
        super(WordPressTestSite.wp65());
    }

    @Override
    protected Promises promises() {
        return Promises.of(ReplaceStrategy.SAME_ID_SAME_URL).listing().updatingMetadata().refusingAbove(8L * 1024 * 1024);
    }
}
