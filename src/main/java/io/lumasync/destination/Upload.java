package io.lumasync.destination;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodedImage;

/**
 * One thing to publish.
 *
 * @param image         the encoded bytes and file name
 * @param metadata      alt text, title, caption, description
 * @param syncId        a stable id of this (source asset, destination) pair: an idempotency key that lets a
 *                      destination recognise a repeated upload whose first answer was lost
 * @param sourceName    the configured source's name
 * @param sourceAssetId the asset's id at the source
 * @param folder        the asset's folder at the source ("" at the top), for key templates
 */
public record Upload(EncodedImage image, AssetMetadata metadata, String syncId, String sourceName,
                     String sourceAssetId, String folder) {
}
