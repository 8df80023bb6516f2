package io.lumasync.sync;

import io.lumasync.sync.alt.AltMode;

/** A destination's alt text: where it comes from, and whether new images wait until it is approved. */
public record AltTextSetup(AltMode mode, boolean review) {
}
