package io.lumasync.image;

import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which web formats to encode for one image, and why: the user's choice, narrowed by what the destination accepts
 * (falling back AVIF → WebP → JPEG), by transparency (JPEG has none) and by animation (only WebP animates).
 *
 * @param formats  the formats to encode, best first; the smallest result wins
 * @param flatten  true when the image has transparency but only JPEG is possible: flatten onto white
 * @param animate  keep all frames (animated WebP)
 * @param notes    plain-language reasons for any deviation from the user's choice
 */
record FormatPlan(List<ImageFormat> formats, boolean flatten, boolean animate, List<String> notes) {
    static final List<ImageFormat> WEB = List.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG);

    static FormatPlan choose(String name, OutputFormat wanted, Set<ImageFormat> accepted, boolean alpha,
                             boolean animated) throws LumasyncException {
        List<String> notes = new ArrayList<>();
        List<ImageFormat> allowed = WEB.stream().filter(f -> accepted.isEmpty() || accepted.contains(f)).toList();
        if (allowed.isEmpty()) {
            throw LumasyncException.giveUp(name + ": this destination accepts none of AVIF, WebP or JPEG, so there "
                    + "is nothing Lumasync can encode for it. Choose \"original\" as the format for it.");
        }
        List<ImageFormat> formats;
        if (wanted == OutputFormat.AUTO) {
            formats = new ArrayList<>(allowed);
        } else {
            ImageFormat want = wanted.imageFormat().orElseThrow();
            List<ImageFormat> chain = WEB.subList(WEB.indexOf(want), WEB.size());
            ImageFormat pick = chain.stream().filter(allowed::contains).findFirst().orElse(allowed.getFirst());
            if (pick != want) {
                notes.add(label(want) + " is not accepted by this destination: sent " + label(pick) + ".");
            }
            formats = new ArrayList<>(List.of(pick));
        }
        boolean animate = false;
        if (animated) {
            if (allowed.contains(ImageFormat.WEBP)) {
                animate = true;
                if (!formats.equals(List.of(ImageFormat.WEBP))) {
                    notes.add("Animated image: sent as animated WebP (the only animated format here).");
                }
                formats = new ArrayList<>(List.of(ImageFormat.WEBP));
            } else {
                notes.add("Animated image, but this destination takes no WebP: sent the first frame only.");
            }
        }
        boolean flatten = false;
        if (alpha && formats.contains(ImageFormat.JPEG)) {
            if (formats.size() > 1) {
                formats.remove(ImageFormat.JPEG);   // JPEG would lose the transparency: not a candidate
            } else {
                flatten = true;
                notes.add("JPEG has no transparency: transparent areas were filled with white.");
            }
        }
        return new FormatPlan(List.copyOf(formats), flatten, animate, notes);
    }

    static String label(ImageFormat f) {
        return switch (f) {
            case AVIF -> "AVIF";
            case WEBP -> "WebP";
            case JPEG -> "JPEG";
            default -> f.name();
        };
    }
}
