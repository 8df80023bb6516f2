package io.lumasync.destination;

import io.lumasync.core.RemoteRef;

/** An asset already at a destination, as listed for Optimize and for adopting existing uploads. */
public record RemoteAsset(RemoteRef ref, String fileName, String mimeType, long size, int width, int height,
                          String contentHash) {
}
