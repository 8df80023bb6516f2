package io.lumasync.sync;

import java.util.Map;

/** A saved source or destination as the doors show it: its name, its kind and its settings without secrets. */
public interface ConfiguredAdapter {
    String name();

    String typeId();

    Map<String, String> settings();
}
