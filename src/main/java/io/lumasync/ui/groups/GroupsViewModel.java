package io.lumasync.ui.groups;

import io.lumasync.core.ConfigurationException;
import io.lumasync.store.GroupRecord;
import io.lumasync.store.GroupRules;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.Sizes;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The group editor: the saved groups, and one group's destinations and rules being edited. */
public final class GroupsViewModel {
    /** The formats a group can allow, in the order shown. */
    public static final List<String> FORMATS = List.of("AVIF", "WEBP", "JPEG", "PNG");
    private final AppServices services;
    private final Tasks tasks;
    final ObservableList<GroupRecord> groups = FXCollections.observableArrayList();
    final ObservableList<String> destinationNames = FXCollections.observableArrayList();
    /** Per destination name: whether it is in the group being edited. */
    final Map<String, BooleanProperty> members = new LinkedHashMap<>();
    final Map<String, BooleanProperty> formats = new LinkedHashMap<>();
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty maxFileSize = new SimpleStringProperty("");
    final StringProperty minWidth = new SimpleStringProperty("");
    final StringProperty minHeight = new SimpleStringProperty("");
    final StringProperty sources = new SimpleStringProperty("");
    final StringProperty folder = new SimpleStringProperty("");
    final BooleanProperty alwaysCompress = new SimpleBooleanProperty();
    final BooleanProperty autosync = new SimpleBooleanProperty(true);
    final BooleanProperty approval = new SimpleBooleanProperty();
    final StringProperty message = new SimpleStringProperty("");

    public GroupsViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
        FORMATS.forEach(f -> formats.put(f, new SimpleBooleanProperty()));
    }

    public void refresh() {
        tasks.run("groups", () -> new Loaded(services.groups(), services.destinations()), l -> {
            groups.setAll(l.groups());
            List<String> names = l.destinations().stream().map(DestinationInfo::name).toList();
            names.forEach(n -> members.computeIfAbsent(n, k -> new SimpleBooleanProperty()));
            destinationNames.setAll(names);
            message.set(Messages.get("groups.count", l.groups().size()));
        }, e -> message.set(Texts.error(e)));
    }

    private record Loaded(List<GroupRecord> groups, List<DestinationInfo> destinations) {
    }

    /** Fills the editor with a saved group (or empties it for a new one when null). */
    public void edit(GroupRecord g) {
        GroupRules r = g == null ? GroupRules.NONE : g.rules();
        name.set(g == null ? "" : g.name());
        members.forEach((d, p) -> p.set(g != null && g.destinations().contains(d)));
        formats.forEach((f, p) -> p.set(r.formats().stream().anyMatch(x -> x.equalsIgnoreCase(f))));
        maxFileSize.set(r.maxFileBytes() > 0 ? Sizes.human(r.maxFileBytes()).replace(" ", "") : "");
        minWidth.set(r.minWidth() > 0 ? Integer.toString(r.minWidth()) : "");
        minHeight.set(r.minHeight() > 0 ? Integer.toString(r.minHeight()) : "");
        sources.set(String.join(", ", r.sources()));
        folder.set(r.folder());
        alwaysCompress.set(r.alwaysCompress());
        autosync.set(r.autosync());
        approval.set(r.approval());
    }

    /** The rules as typed; a ConfigurationException names the field that is not a number or size. */
    GroupRules rules() throws ConfigurationException {
        return new GroupRules(maxFileSize.get().isBlank() ? 0 : Sizes.parse(maxFileSize.get()),
                pixels(minWidth.get(), Messages.get("groups.minWidth")),
                pixels(minHeight.get(), Messages.get("groups.minHeight")),
                formats.entrySet().stream().filter(e -> e.getValue().get()).map(e -> e.getKey().toLowerCase(Locale.ROOT))
                        .toList(),
                Arrays.stream(sources.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                alwaysCompress.get(), autosync.get(), approval.get(), folder.get().strip());
    }

    private static int pixels(String text, String field) throws ConfigurationException {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new ConfigurationException(Messages.get("groups.notPixels", field, text));
        }
    }

    public void save() {
        String n = name.get().strip();
        List<String> chosen = members.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        tasks.runVoid("save group", () -> services.setGroup(n, chosen, rules()), () -> {
            message.set(Messages.get("groups.saved", n));
            refresh();
        }, e -> message.set(Texts.error(e)));
    }

    public void remove() {
        String n = name.get().strip();
        tasks.runVoid("remove group", () -> services.removeGroup(n), () -> {
            message.set(Messages.get("groups.removed", n));
            edit(null);
            refresh();
        }, e -> message.set(Texts.error(e)));
    }
}
