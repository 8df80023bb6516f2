package io.lumasync.sync.alt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The basic mode's cleaner on names real cameras, phones, editors and people write. */
class FileNameAltTest {

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            // cameras and phones: nothing a reader could use
            "IMG_2034.JPG|",
            "IMG_2034-final_v2.jpg|",
            "_MG_0042.CR2|",
            "DSC00731.ARW|",
            "DSCN0042.JPG|",
            "DSCF4432.RAF|",
            "PXL_20230512_184512345.MP.jpg|",
            "MVIMG_20190812_101010.jpg|",
            "GOPR0123.JPG|",
            "DJI_0042.JPG|",
            "P1010234.JPG|",
            "20230512_184512.jpg|",
            "Screenshot 2024-03-01 at 10.12.33.png|",
            "WhatsApp Image 2024-01-12 at 09.41.12.jpeg|",
            "photo(1).jpg|",
            "new-york-skyline.jpg|New york skyline",
            "export-1920x1080@2x.webp|",
            "a3f9c2e1b7d4.jpg|",
            "untitled-1.png|",
            // names people chose
            "lisbon-tram-at-dusk.jpg|Lisbon tram at dusk",
            "lisbon_tram_at_dusk-final-v2.jpg|Lisbon tram at dusk",
            "Lisbon Tram at Dusk (1).jpg|Lisbon tram at dusk",
            "IMG_2034 lisbon tram.jpg|Lisbon tram",
            "red-fox-in-snow_2048px.webp|Red fox in snow",
            "NYC-skyline-2019.jpg|NYC skyline",
            "LISBON-TRAM.JPG|Lisbon tram",
            "ThreeFriendsOnABeach.png|Three friends on a beach",
            "café-de-flore-paris.jpg|Café de flore paris",
            "東京-夜景-tower.jpg|東京 夜景 tower",
            "product-shot-blue-mug@2x.png|Product shot blue mug",
            "folder/sub/old-harbour-crane.tif|Old harbour crane",
    })
    void cleansFileNames(String name, String expected) {
        assertThat(FileNameAlt.of(name)).isEqualTo(expected == null ? "" : expected);
    }

    @org.junit.jupiter.api.Test
    void capsVeryLongNamesAtWordBoundaries() {
        String name = "a-very-long-description-of-a-mountain-lake-".repeat(8) + ".jpg";
        String alt = FileNameAlt.of(name);
        assertThat(alt).hasSizeLessThanOrEqualTo(FileNameAlt.MAX_LENGTH).startsWith("A very long description of a mountain lake a very")
                .doesNotEndWith(" ");
    }
}
