package io.lumasync.destination;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterRegistry;
import io.lumasync.destination.contentful.ContentfulDestinationType;
import io.lumasync.destination.folder.FolderDestinationType;
import io.lumasync.destination.hubspot.HubSpotDestinationType;
import io.lumasync.destination.s3.S3DestinationType;
import io.lumasync.destination.shopify.ShopifyDestinationType;
import io.lumasync.destination.webflow.WebflowDestinationType;
import io.lumasync.destination.webhook.WebhookDestinationType;
import io.lumasync.destination.wordpress.WordPressDestinationType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of destination kinds. A new adapter adds one line here. */
public final class DestinationTypes {
    private static final AdapterRegistry<DestinationType> REGISTRY = new AdapterRegistry<>("destination", List.of(
            new FolderDestinationType(),
            new S3DestinationType(),
            new WebhookDestinationType(),
            new WordPressDestinationType(),
            new ContentfulDestinationType(),
            new ShopifyDestinationType(),
            new WebflowDestinationType(),
            new HubSpotDestinationType()
    ));

    private DestinationTypes() {
    }

    public static AdapterRegistry<DestinationType> registry() {
        return REGISTRY;
    }

    public static List<DestinationType> all() {
        return REGISTRY.all();
    }

    public static Optional<DestinationType> byId(String id) {
        return REGISTRY.byId(id);
    }

    /** A folder destination writing into {@code dir}: the one a new data folder starts with, needing no account. */
    public static AdapterConfig localFolder(String name, Path dir) {
        return new AdapterConfig(name, FolderDestinationType.ID, Map.of("path", dir.toString()));
    }
}
