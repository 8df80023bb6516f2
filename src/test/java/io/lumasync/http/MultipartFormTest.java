package io.lumasync.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartFormTest {
    @Test
    void fieldsAndFilesComeInOrderBetweenBoundariesAndTheBodyIsClosed() {
        MultipartForm f = new MultipartForm().field("folderPath", "/Lumasync").file("file", "heron.jpg", "image/jpeg",
                new byte[]{1, 2, 3});
        String boundary = f.contentType().substring(f.contentType().indexOf("boundary=") + 9);
        String body = new String(f.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(body).startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"folderPath\"\r\n");
        assertThat(body).contains("\r\n\r\n/Lumasync\r\n--" + boundary + "\r\n");
        assertThat(body).contains("name=\"file\"; filename=\"heron.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u0001\u0002\u0003\r\n");
        assertThat(body).endsWith("--" + boundary + "--\r\n");
        assertThat(body.indexOf("folderPath")).isLessThan(body.indexOf("heron.jpg"));
    }

    @Test
    void aHostileFileNameCannotAddHeadersOrEndTheQuotedName() {
        MultipartForm f = new MultipartForm().file("file", "a\".jpg\r\nX-Evil: 1", "image/jpeg", new byte[0]);
        String body = new String(f.bytes(), StandardCharsets.UTF_8);
        assertThat(body).contains("filename=\"a%22.jpg X-Evil: 1\"");
        assertThat(body).doesNotContain("\r\nX-Evil");
    }

    @Test
    void twoFormsHaveDifferentBoundaries() {
        assertThat(new MultipartForm().contentType()).isNotEqualTo(new MultipartForm().contentType());
    }
}
