package io.lumasync.destination;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A place images are published to. Implementations are blocking and thread-safe (the engine calls them from
 * several virtual threads, bounded per destination). Every failure is a {@link LumasyncException} classified
 * for the engine (retry, give up, re-authenticate, unavailable) with a message a photographer understands;
 * adapters never retry on their own and never log secrets.
 */
public interface Destination extends AutoCloseable {

    /** What it accepts; may probe the server (cache the answer). */
    Capabilities capabilities() throws LumasyncException;

    /** Publishes a new asset. */
    RemoteRef put(Upload upload) throws LumasyncException;

    /**
     * Replaces the bytes (and metadata) of an asset published before, as {@link Capabilities#replace()} promises.
     * Only called when the strategy is not {@link ReplaceStrategy#PUT_THEN_REMOVE}.
     */
    default RemoteRef replace(RemoteRef existing, Upload upload) throws LumasyncException {
        throw new LumasyncException(ErrorKind.GIVE_UP, "This destination cannot replace files in place.");
    }

    /** Changes only the descriptive text of an asset. */
    default void updateMetadata(RemoteRef existing, AssetMetadata metadata) throws LumasyncException {
        throw new LumasyncException(ErrorKind.GIVE_UP, "This destination cannot update metadata.");
    }

    /** Removes an asset; removing one that is already gone succeeds. */
    void remove(RemoteRef ref) throws LumasyncException;

    /**
     * After a crash between sending an upload and recording its answer: finds the asset that upload made, if
     * it arrived. Used so that a lost answer is reconciled rather than uploaded twice.
     */
    default Optional<RemoteRef> reconcile(Upload upload) throws LumasyncException {
        return Optional.empty();
    }

    /** One page of the assets at the destination (page counts from 1); empty when past the end. */
    default List<RemoteAsset> list(int page, int perPage) throws LumasyncException {
        return List.of();
    }

    /**
     * The text stored with an asset (alt text, title, caption, description), so a file published again under
     * another name keeps it; empty when the destination keeps none or the asset is gone.
     */
    default Optional<AssetMetadata> metadata(RemoteRef ref) throws LumasyncException {
        return Optional.empty();
    }

    /** How a deliberate rename works here; the default publishes the file again and removes the old one. */
    default Renaming renaming() {
        return Renaming.republish();
    }

    /**
     * For {@link Renaming.Route#SERVER_COPY}: copies an asset to {@code newName} on the server, keeping its text,
     * and answers the copy. The old asset stays until the engine has recorded the copy and removes it. A copy an
     * earlier attempt made under that name is taken again rather than duplicated.
     */
    default RemoteRef copyAs(RemoteRef existing, String newName) throws LumasyncException {
        throw new LumasyncException(ErrorKind.GIVE_UP, "This destination cannot copy files on the server.");
    }

    /** For {@link Renaming.Route#IN_PLACE}: gives the same asset the file name {@code newName}; answers its address. */
    default RemoteRef renameInPlace(RemoteRef existing, String newName) throws LumasyncException {
        throw new LumasyncException(ErrorKind.GIVE_UP, "This destination cannot rename files in place.");
    }

    /** Downloads an asset's bytes (for Optimize). */
    default InputStream download(RemoteRef ref) throws LumasyncException {
        throw new LumasyncException(ErrorKind.GIVE_UP, "This destination cannot download files.");
    }

    @Override
    default void close() {
    }
}
