package io.lumasync.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A {@code multipart/form-data} body (RFC 7578) built in memory: text fields and files in the order added, as
 * upload APIs that read fields before the file expect (S3-style presigned POSTs need the file last). Names and file
 * names are made header-safe ({@link HeaderValues#clean}, quotes escaped as {@code %22}), so a file called
 * {@code a".jpg} cannot add a header of its own. Not thread-safe; build one per request.
 */
public final class MultipartForm {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary = "lumasync-" + HexFormat.of().formatHex(randomBytes());
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Adds a text field (UTF-8). */
    public MultipartForm field(String name, String value) {
        head("form-data; name=\"" + quoted(name) + "\"", "text/plain; charset=UTF-8");
        write(value.getBytes(StandardCharsets.UTF_8));
        write("\r\n");
        return this;
    }

    /** Adds a file part. */
    public MultipartForm file(String name, String fileName, String contentType, byte[] bytes) {
        head("form-data; name=\"" + quoted(name) + "\"; filename=\"" + quoted(fileName) + "\"", contentType);
        write(bytes);
        write("\r\n");
        return this;
    }

    /** The Content-Type header's value, with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The whole body, closed with the final boundary. */
    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + boundary.length() + 8);
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return all.toByteArray();
    }

    public HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.ofByteArray(bytes());
    }

    private void head(String disposition, String contentType) {
        write("--" + boundary + "\r\n");
        write("Content-Disposition: " + disposition + "\r\n");
        write("Content-Type: " + HeaderValues.clean(contentType) + "\r\n\r\n");
    }

    private static String quoted(String s) {
        return HeaderValues.clean(s).replace("\\", "%5C").replace("\"", "%22");
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] b) {
        body.writeBytes(b);
    }
}
