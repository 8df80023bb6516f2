package io.lumasync.sync;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.image.ImagePipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A stand-in encoder whose output is recognisable: it keeps the first 60 % of the input, so encoding an encoded
 * file again gives different (shorter) bytes. Files of {@link #TINY} bytes or fewer come out no smaller.
 */
final class ShrinkingPipeline implements ImagePipeline {
    static final int TINY = 16;

    @Override
    public EncodedImage encode(Path input, String sourceName, EncodeSettings settings, Set<ImageFormat> accepted)
            throws LumasyncException {
        try {
            byte[] in = Files.readAllBytes(input);
            byte[] out = in.length <= TINY ? in : Arrays.copyOf(in, in.length * 6 / 10);
            ImageFormat f = accepted.size() == 1 ? accepted.iterator().next()
                    : ImageFormat.fromExtension(sourceName).orElse(ImageFormat.JPEG);
            return new EncodedImage(out, f, EncodedImage.renameFor(sourceName, f), 0, 0, in.length, List.of());
        } catch (IOException e) {
            throw LumasyncException.giveUp(e.getMessage());
        }
    }

    @Override
    public String engineName() {
        return "shrinking test encoder";
    }
}
