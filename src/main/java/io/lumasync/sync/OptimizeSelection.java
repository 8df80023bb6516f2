package io.lumasync.sync;

import io.lumasync.core.LumasyncException;
import io.lumasync.destination.RemoteAsset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Picks a destination's images for Optimize by file-name pattern or asset id. */
final class OptimizeSelection {
    static final int PER_PAGE = 100;
    /** A bound on paging: a destination that keeps answering full pages cannot keep a run listing forever. */
    static final int MAX_PAGES = 2000;

    private OptimizeSelection() {
    }

    static List<RemoteAsset> select(Optimizer optimizer, String destination, List<String> patterns)
            throws LumasyncException {
        List<Pattern> globs = patterns.stream().map(OptimizeSelection::glob).toList();
        List<RemoteAsset> out = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            List<RemoteAsset> assets = optimizer.list(destination, page, PER_PAGE);
            for (RemoteAsset a : assets) {
                if (patterns.isEmpty() || patterns.contains(a.ref().id())
                        || globs.stream().anyMatch(g -> g.matcher(a.fileName()).matches()
                        || g.matcher(a.ref().id()).matches())) {
                    out.add(a);
                }
            }
            if (assets.size() < PER_PAGE) {
                break;
            }
        }
        return out;
    }

    /** {@code *} and {@code ?} as in a shell; everything else literally, case-insensitively. */
    static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
