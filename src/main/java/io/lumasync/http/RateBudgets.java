package io.lumasync.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The process-wide budgets, one per platform account (e.g. {@code "shopify:my-shop.myshopify.com"}). */
public final class RateBudgets {
    private static final ConcurrentHashMap<String, RateBudget> BUDGETS = new ConcurrentHashMap<>();

    private RateBudgets() {
    }

    /**
     * The budget known as {@code key}, made by {@code create} the first time. The key names the account, not the
     * destination, so two destinations on one shop share its bucket as the shop does.
     */
    public static <T extends RateBudget> T shared(String key, Class<T> kind, Supplier<T> create) {
        RateBudget b = BUDGETS.computeIfAbsent(key, k -> create.get());
        if (!kind.isInstance(b)) {
            throw new IllegalStateException("The budget '" + key + "' is a " + b.getClass().getSimpleName());
        }
        return kind.cast(b);
    }
}
