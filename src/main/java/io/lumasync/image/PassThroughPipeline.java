package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Publishes the source bytes unchanged, after checking by content that they are an image. */
public final class PassThroughPipeline implements ImagePipeline {

    @Override
    public EncodedImage encode(Path input, String sourceName, EncodeSettings settings, Set<ImageFormat> accepted)
            throws LumasyncException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(input);
        } catch (NoSuchFileException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, sourceName + ": the file disappeared before it could be read.", e);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, sourceName + ": cannot be read (" + e.getMessage() + ").", e);
        }
        if (bytes.length == 0) {
            throw LumasyncException.giveUp(sourceName + ": the file is empty (0 bytes).");
        }
        ImageFormat format = FormatSniffer.sniff(bytes).orElseThrow(() -> LumasyncException.giveUp(
                sourceName + ": this is not an image Lumasync can read (its content is not JPEG, PNG, WebP, AVIF, "
                        + "HEIC, GIF, TIFF, BMP or PSD), whatever its name says."));
        String name = ImageFormat.fromExtension(sourceName).orElse(null) == format
                ? sourceName : EncodedImage.renameFor(sourceName, format);
        return new EncodedImage(bytes, format, name, 0, 0, bytes.length, List.of("sent unchanged"));
    }

    @Override
    public String engineName() {
        return "original (no re-encoding)";
    }
}
