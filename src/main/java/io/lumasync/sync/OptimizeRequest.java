package io.lumasync.sync;

import io.lumasync.core.EncodeSettings;

import java.util.List;

/**
 * What to optimize at a destination.
 *
 * @param select   file-name patterns ({@code *.jpg}, {@code 2024/*}) or asset ids; empty = every image
 * @param settings the quality and size to recompress to; format AUTO or ORIGINAL keeps each image's format
 *                 (and so its address)
 */
public record OptimizeRequest(String destination, List<String> select, EncodeSettings settings, boolean dryRun) {
    public OptimizeRequest {
        select = List.copyOf(select);
    }
}
