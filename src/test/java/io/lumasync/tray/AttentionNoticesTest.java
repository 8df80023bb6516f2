package io.lumasync.tray;

import io.lumasync.core.ErrorKind;
import io.lumasync.store.JobAction;
import io.lumasync.store.JobState;
import io.lumasync.sync.Attention;
import io.lumasync.sync.ItemProgress;
import io.lumasync.sync.RunReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AttentionNoticesTest {
    private static final Attention SIGN_IN = new Attention(Attention.Target.DESTINATION, "blog", ErrorKind.REAUTH,
            "WordPress did not accept the application password (401).");
    private static final Attention FULL = new Attention(Attention.Target.DESTINATION, "archive", ErrorKind.UNAVAILABLE,
            "Cannot write /mnt/a.jpg: the disk is full. Free some space and sync again.");
    private static final Attention DROPBOX = new Attention(Attention.Target.SOURCE, "dropbox", ErrorKind.REAUTH,
            "Dropbox needs reconnect: sign in again.");

    private static ItemProgress item(String source, String destination, JobState state) {
        return new ItemProgress(source, "a.jpg", "a.jpg", destination, JobAction.CREATE, state, 1, 1, "", "");
    }

    private static RunReport report(List<ItemProgress> results, Attention... attention) {
        return new RunReport(false, Map.of(), results, List.of(), List.of(attention));
    }

    @Test
    void eachPlaceIsToldOnceWithThePaneThatFixesIt() {
        AttentionNotices notices = new AttentionNotices();
        List<AttentionNotices.Notice> first = notices.after(report(List.of(), SIGN_IN, FULL, DROPBOX));
        assertThat(first).extracting(AttentionNotices.Notice::page)
                .containsExactly("destinations", "destinations", "sources");
        assertThat(first.getFirst().title()).isEqualTo("Lumasync: 'blog' needs your attention");
        assertThat(first.getFirst().text()).contains("no longer accepts Lumasync's sign-in")
                .contains("(401)").endsWith("Click to open Destinations.");
        assertThat(first.get(1).text()).contains("the disk is full");
        assertThat(first.get(2).text()).startsWith("The source 'dropbox'").endsWith("Click to open Sources.");
        // The next autosync interval fails the same way: no second notification.
        assertThat(notices.after(report(List.of(), SIGN_IN, DROPBOX))).isEmpty();
    }

    @Test
    void aPlaceThatWorkedInBetweenIsToldAgainWhenItBreaksAgain() {
        AttentionNotices notices = new AttentionNotices();
        notices.after(report(List.of(), SIGN_IN));
        notices.after(report(List.of(item("photos", "blog", JobState.DONE))));
        assertThat(notices.after(report(List.of(), SIGN_IN))).hasSize(1);
    }

    @Test
    void failuresAreExplainedOnlyWhenAllHappenedWhereTheUserIsNeeded() {
        assertThat(AttentionNotices.explainsFailures(report(List.of(item("photos", "blog", JobState.FAILED)), SIGN_IN)))
                .isTrue();
        assertThat(AttentionNotices.explainsFailures(report(List.of(item("photos", "blog", JobState.FAILED),
                item("photos", "site", JobState.FAILED)), SIGN_IN))).isFalse();
        assertThat(AttentionNotices.explainsFailures(report(List.of(item("photos", "site", JobState.FAILED)))))
                .isFalse();
    }
}
