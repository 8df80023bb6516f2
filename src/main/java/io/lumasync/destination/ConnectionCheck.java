package io.lumasync.destination;

import java.util.List;

/**
 * A destination that can prove a connection end to end beyond its capability probe (a webhook: send a 1×1 test
 * image and show the receiver's whole answer). Used by "Test" in the app and {@code lumasync destinations test}.
 */
public interface ConnectionCheck {
    /** Plain lines describing what was sent and what came back; never contains secrets. */
    List<String> checkConnection();
}
