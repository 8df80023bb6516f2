package io.lumasync.ui.activity;

import io.lumasync.store.ActivityEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A name chosen by whoever shares a folder must not run as a formula when the export is opened in a spreadsheet. */
class ActivityCsvTest {

    @Test
    void cellsAForeignFileNameCouldTurnIntoFormulasAreNeutralised() {
        for (String hostile : List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd")) {
            String cell = ActivityViewModel.quote(hostile);
            String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
            assertThat(unquoted).as(hostile).startsWith("'");
        }
    }

    @Test
    void plainCellsStayAsTheyAre() {
        assertThat(ActivityViewModel.quote("beach.jpg")).isEqualTo("beach.jpg");
        assertThat(ActivityViewModel.quote("a, b")).isEqualTo("\"a, b\"");
        assertThat(ActivityViewModel.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void aWholeRowWithAHostileAssetNameExportsItAsText() {
        ActivityEvent e = new ActivityEvent(1, Instant.parse("2026-01-02T03:04:05Z"), "synced", "shared",
                "=cmd|' /C calc'!A0.jpg", "blog", "published", "", 0, 0);
        String csv = ActivityViewModel.toCsv(List.of(e));
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(",'=cmd|' /C calc'!A0.jpg,");
    }
}
