package io.lumasync.destination;

import io.lumasync.core.LumasyncException;

import java.util.List;

/**
 * A destination that can tell where an address of one of its files is used (a shop's pages whose text links it),
 * so that when a replace changes the URL the engine names what now points at the old one instead of only saying
 * that it changed.
 */
public interface UrlReferences {
    /** What links {@code url}, in words for the user ("page 'About us'"); empty when nothing does or none is known. */
    List<String> referencesTo(String url) throws LumasyncException;
}
