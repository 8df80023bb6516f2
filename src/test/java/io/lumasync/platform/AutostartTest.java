package io.lumasync.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AutostartTest {
    @TempDir
    Path dir;

    private final List<List<String>> commands = new ArrayList<>();

    private Autostart on(String os, Optional<Path> exe) {
        return Autostart.of(Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString()), os, dir.toString(), exe,
                c -> {
                    commands.add(c);
                    return 0;
                });
    }

    @Test
    void linuxWritesAndRemovesAnXdgAutostartEntry() throws Exception {
        Path exe = dir.resolve("opt/lumasync/bin/Lumasync");
        Autostart a = on("Linux", Optional.of(exe));
        assertThat(a.apply(true)).contains("start when you log in");
        Path entry = dir.resolve("config/autostart/lumasync.desktop");
        assertThat(Files.readString(entry)).contains("Exec=\"" + exe + "\"").contains("Type=Application");
        assertThat(a.apply(false)).isEmpty();
        assertThat(entry).doesNotExist();
    }

    @Test
    void linuxWithoutXdgConfigHomeUsesDotConfig() throws Exception {
        Autostart a = Autostart.of(Map.of(), "Linux", dir.toString(), Optional.of(dir.resolve("x")), c -> 0);
        a.apply(true);
        assertThat(dir.resolve(".config/autostart/lumasync.desktop")).exists();
    }

    @Test
    void macWritesALaunchAgentThatLaunchdCanRead() throws Exception {
        Path exe = dir.resolve("Applications/Lumasync & Co.app/Contents/MacOS/Lumasync");
        Autostart a = on("Mac OS X", Optional.of(exe));
        assertThat(a.apply(true)).contains("start when you log in");
        Path plist = dir.resolve("Library/LaunchAgents/io.lumasync.Lumasync.plist");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(plist.toFile());
        var xp = XPathFactory.newInstance().newXPath();
        assertThat(xp.evaluate("/plist/dict/key[.='Label']/following-sibling::string[1]", doc))
                .isEqualTo("io.lumasync.Lumasync");
        assertThat(xp.evaluate("/plist/dict/key[.='ProgramArguments']/following-sibling::array[1]/string[1]", doc))
                .isEqualTo(exe.toString());
        assertThat(xp.evaluate("name(/plist/dict/key[.='RunAtLoad']/following-sibling::*[1])", doc)).isEqualTo("true");
        assertThat(a.apply(false)).isEmpty();
        assertThat(plist).doesNotExist();
    }

    @Test
    void windowsWritesTheRunKeyWithRegExe() throws Exception {
        Path exe = Path.of("C:/Program Files/Lumasync/Lumasync.exe");
        Autostart a = on("Windows 11", Optional.of(exe));
        assertThat(a.apply(true)).contains("start when you log in");
        assertThat(commands.getFirst()).containsExactly("reg.exe", "add",
                "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "/v", "Lumasync", "/t", "REG_SZ",
                "/d", "\"" + exe + "\"", "/f");
        a.apply(false);
        assertThat(commands.get(1)).containsExactly("reg.exe", "delete",
                "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "/v", "Lumasync", "/f");
    }

    @Test
    void windowsSaysWhenRegExeRefuses() throws Exception {
        Autostart a = Autostart.of(Map.of(), "Windows 10", dir.toString(), Optional.of(dir.resolve("L.exe")), c -> 5);
        assertThat(a.apply(true)).contains("did not accept").contains("5");
    }

    @Test
    void saysPlainlyWhenItCannot() throws Exception {
        assertThat(on("Haiku", Optional.empty()).apply(true)).contains("not available");
        for (String os : List.of("Linux", "Mac OS X", "Windows 11")) {
            assertThat(on(os, Optional.empty()).apply(true)).as(os).contains("needs an installed Lumasync");
        }
        assertThat(dir.resolve("config/autostart/lumasync.desktop")).doesNotExist();
        assertThat(dir.resolve("Library/LaunchAgents")).doesNotExist();
        assertThat(commands).isEmpty();
    }
}
