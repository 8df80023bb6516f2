package io.lumasync.ui.common;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LogFile;
import io.lumasync.core.LumasyncException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {
    @AfterEach
    void forgetLogFile() {
        LogFile.set(null);
    }

    @Test
    void anUnexpectedErrorNamesTheLogFileWhileOursStayAsWritten() {
        Path log = Path.of("/home/me/.local/share/lumasync/logs/lumasync.log");
        LogFile.set(log);
        assertThat(Texts.error(new IllegalStateException("index 3 out of bounds")))
                .startsWith("Something went wrong: index 3 out of bounds.").contains(log.toString());
        String ours = "WordPress at blog.example did not accept the saved credentials.";
        assertThat(Texts.error(new RuntimeException(new LumasyncException(ErrorKind.REAUTH, ours)))).isEqualTo(ours);
    }
}
