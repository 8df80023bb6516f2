package io.lumasync.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Prints a list as one JSON document or as lines, with a sentence when it is empty. */
final class Listing {
    private Listing() {
    }

    /**
     * @param toJson one item's JSON object, fields in the order printed
     * @param toText one item's lines
     * @param none   what to print when there is nothing, with the command that adds something
     */
    static <T> int print(CliContext ctx, boolean json, List<T> items, Function<T, Map<String, Object>> toJson,
                         Function<T, List<String>> toText, String none) {
        if (json) {
            ctx.out().println(RunOutput.json(items.stream().map(toJson).toList()));
            return Cli.OK;
        }
        if (items.isEmpty()) {
            ctx.out().println(none);
        }
        items.forEach(i -> toText.apply(i).forEach(ctx.out()::println));
        return Cli.OK;
    }
}
