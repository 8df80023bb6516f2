package io.lumasync.destination.wordpress.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of {@code media_details} Lumasync reads: size and pixel dimensions of the main file. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WpMediaDetails(long filesize, int width, int height, String file) {
}
