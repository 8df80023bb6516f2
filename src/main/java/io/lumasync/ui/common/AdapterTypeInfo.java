package io.lumasync.ui.common;

import io.lumasync.core.ConfigField;
import io.lumasync.destination.DestinationType;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.source.SourceType;
import io.lumasync.source.SourceTypes;

import java.util.List;

/** The part of a source or destination descriptor a settings form needs, the same for both families. */
public record AdapterTypeInfo(String id, String displayName, String description, List<ConfigField> fields) {

    public static List<AdapterTypeInfo> destinations() {
        return DestinationTypes.all().stream().map(AdapterTypeInfo::of).toList();
    }

    public static List<AdapterTypeInfo> sources() {
        return SourceTypes.all().stream().map(AdapterTypeInfo::of).toList();
    }

    static AdapterTypeInfo of(DestinationType t) {
        return new AdapterTypeInfo(t.id(), t.displayName(), t.description(), t.fields());
    }

    static AdapterTypeInfo of(SourceType t) {
        return new AdapterTypeInfo(t.id(), t.displayName(), t.description(), t.fields());
    }

    @Override
    public String toString() {
        return displayName;
    }
}
