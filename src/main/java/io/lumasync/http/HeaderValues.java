package io.lumasync.http;

import java.util.regex.Pattern;

/**
 * Makes values safe to place in HTTP headers, whoever typed or sent them (a title from a shared folder, an API's
 * answer): no character that could end the header or start another one survives.
 */
public final class HeaderValues {
    /** RFC 9110 token characters: what a header name may hold. */
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");
    /** C0 and C1 controls (NUL, CR, LF, VT, FF, NEL, DEL…) and the Unicode line and paragraph separators. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

    private HeaderValues() {
    }

    /** The value with every control character run replaced by one space, trimmed. */
    public static String clean(String value) {
        return value == null ? "" : CONTROL.matcher(value).replaceAll(" ").strip();
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
