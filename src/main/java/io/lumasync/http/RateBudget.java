package io.lumasync.http;

import java.net.http.HttpHeaders;

/**
 * A platform's request budget: how fast Lumasync may call one account of one service (Shopify's cost bucket,
 * HubSpot's 10-second window, Webflow's requests per minute, Contentful's reset header). One instance is shared by
 * every run in the process ({@link RateBudgets#shared}), so two syncs to the same shop pace together. The retry layer
 * still owns back-off after a refusal; a budget paces before the refusal happens. Implementations are thread-safe.
 */
public interface RateBudget {

    /** Blocks until a request costing {@code cost} units may be sent (1 for budgets that count requests). */
    void acquire(double cost) throws InterruptedException;

    /** Learns from an answer: remaining-quota headers, a 429's reset time. Called for every answer, 429 included. */
    void observe(int status, HttpHeaders headers);

    /** A budget that never waits, for destinations without a published limit. */
    RateBudget UNLIMITED = new RateBudget() {
        @Override
        public void acquire(double cost) {
        }

        @Override
        public void observe(int status, HttpHeaders headers) {
        }
    };
}
