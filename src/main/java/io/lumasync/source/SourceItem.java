package io.lumasync.source;

import io.lumasync.core.Fingerprint;

/**
 * One asset at a source.
 *
 * @param id          stable id at the source (folder: the relative path; Dropbox: the file id)
 * @param name        the file name
 * @param folder      the folder path relative to the source root, "" at the top, '/'-separated
 * @param fingerprint size, mtime and a content hash when the provider gives one for free
 */
public record SourceItem(String id, String name, String folder, Fingerprint fingerprint) {
}
