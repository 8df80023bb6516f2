package io.lumasync.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPathsTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void everyPathFormOfSavedSettingsStillReads() throws Exception {
        JsonNode answer = json("{\"asset_id\":7,\"data\":{\"id\":\"d1\"},\"images\":[{\"url\":\"u0\"}],"
                + "\"document\":{\"_id\":\"x\"},\"fields\":{\"Image\":[{\"url\":\"//c/a.jpg\"}]},"
                + "\"grid\":[[1,2],[3,4]],\"a/b\":{\"c~d\":\"odd\"}}");
        assertThat(JsonPaths.text(answer, "asset_id")).contains("7");
        assertThat(JsonPaths.text(answer, " data.id ")).contains("d1");
        assertThat(JsonPaths.text(answer, "images[0].url")).contains("u0");
        assertThat(JsonPaths.text(answer, "document._id")).contains("x");
        assertThat(JsonPaths.text(answer, "fields.Image[0].url")).contains("//c/a.jpg");
        assertThat(JsonPaths.text(answer, "grid[1][0]")).contains("3");
        assertThat(JsonPaths.text(answer, "a/b.c~d")).contains("odd");
        assertThat(JsonPaths.text(json("[{\"url\":\"first\"}]"), "[0].url")).contains("first");
    }

    @Test
    void anEmptyPathIsTheAnswerItselfButNamesNoField() throws Exception {
        JsonNode list = json("[1,2]");
        assertThat(JsonPaths.at(list, "").isArray()).isTrue();
        assertThat(JsonPaths.text(json("\"v\""), "")).isEmpty();
    }

    @Test
    void containersNullsBlanksAndMissingValuesGiveNothing() throws Exception {
        JsonNode answer = json("{\"a\":{\"b\":1},\"n\":null,\"blank\":\"  \",\"list\":[]}");
        assertThat(JsonPaths.text(answer, "a")).isEmpty();
        assertThat(JsonPaths.text(answer, "n")).isEmpty();
        assertThat(JsonPaths.text(answer, "blank")).isEmpty();
        assertThat(JsonPaths.text(answer, "list[3]")).isEmpty();
        assertThat(JsonPaths.text(answer, "a.b.c")).isEmpty();
    }

    @Test
    void aMistypedPathPointsAtNothingInsteadOfFailing() throws Exception {
        JsonNode answer = json("{\"a\":[{\"b\":\"v\"}]}");
        for (String bad : new String[]{"a[x].b", "a[0", "a[].b", "a[-1].b", "a[99999999999].b", "a[0]]"}) {
            assertThat(JsonPaths.at(answer, bad).isMissingNode()).as(bad).isTrue();
        }
    }
}
