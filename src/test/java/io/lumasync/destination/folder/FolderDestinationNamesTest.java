package io.lumasync.destination.folder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names with the folders a name template puts in front stay under the root, whatever the template produced. */
class FolderDestinationNamesTest {

    @Test
    void templateFoldersAreKeptAndNothingClimbsOut() {
        assertThat(FolderDestination.sanitize("2019/07/harbour.jpg")).isEqualTo("2019/07/harbour.jpg");
        assertThat(FolderDestination.sanitize("../../etc/passwd.jpg")).isEqualTo("etc/passwd.jpg");
        assertThat(FolderDestination.sanitize("/abs//./x.jpg")).isEqualTo("abs/x.jpg");
        assertThat(FolderDestination.sanitize("a\\b\\.hidden.jpg")).isEqualTo("a/b/image.hidden.jpg");
        assertThat(FolderDestination.sanitize("C:/x.jpg")).isEqualTo("C_/x.jpg");
        assertThat(FolderDestination.sanitize("../..")).isEqualTo("image");
        assertThat(FolderDestination.sanitize("a/b/c/d/e/f/g.jpg")).isEqualTo("a/b/c/d/e_f_g.jpg");
    }
}
