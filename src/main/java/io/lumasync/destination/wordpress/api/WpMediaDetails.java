package io.lumasync.destination.wordpress.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of {@code media_details} Lumasync reads: size and pixel dimensions of the main file, and
 * {@code original_image}, the name of the file as uploaded when WordPress serves a scaled-down copy of a big image
 * ({@code -scaled}); empty otherwise.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WpMediaDetails(long filesize, int width, int height, String file, String originalImage) {
    public WpMediaDetails {
        originalImage = originalImage == null ? "" : originalImage;
    }
}
