package io.lumasync.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to generate.
 *
 * @param name         the asset's name (its file name at destinations); blank: made from the prompt. A name used
 *                     before makes a new version of that asset
 * @param prompt       what the image shows
 * @param model        the image model; blank: the one set with {@code lumasync ai set --image-model}
 * @param aspectRatio  e.g. "16:9"; blank: square
 * @param reference    an image the model starts from
 * @param destinations where to publish it; empty: where the asset is published already
 */
public record GenerateRequest(String name, String prompt, String model, String aspectRatio, Optional<Path> reference,
                              List<String> destinations) {
    public GenerateRequest {
        destinations = List.copyOf(destinations);
    }
}
