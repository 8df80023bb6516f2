package io.lumasync.destination.wordpress.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** WordPress's error answer: {@code {"code":"rest_cannot_create","message":"…","data":{"status":403}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WpError(String code, String message) {
    public WpError {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
    }
}
