package io.lumasync.destination.webhook;

/** What a request tells the receiver: {@code event} is sent as {{event}}, {@code action} as {{action}}. */
enum Event {
    CREATED("asset.created", "create"),
    UPDATED("asset.updated", "update"),
    METADATA("metadata.updated", "metadata"),
    DELETED("asset.deleted", "delete");

    final String event;
    final String action;

    Event(String event, String action) {
        this.event = event;
        this.action = action;
    }
}
