package io.lumasync.destination.webhook;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Placeholders;
import io.lumasync.core.Placeholders.Syntax;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.http.HeaderValues;
import io.lumasync.http.PlainHttp;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A webhook destination's settings after its preset (if any) filled the fields the user left empty.
 *
 * @param name         the destination's name ({{destination_id}})
 * @param url          URL template
 * @param method       POST or PUT
 * @param body         JSON, FORM or RAW
 * @param headers      header template, one {@code Name: value} per line
 * @param template     body template; empty: the default JSON body or form fields
 * @param assetIdPath  JSON path or {{…}} template for the asset id in the answer
 * @param assetUrlPath JSON path or {{…}} template for the asset URL; empty: none
 * @param replace      what an update does at the receiver
 */
public record WebhookSettings(String name, String url, String method, Body body, String headers, String template,
                              String assetIdPath, String assetUrlPath, ReplaceStrategy replace) {

    public enum Body { JSON, FORM, RAW }

    public static WebhookSettings from(AdapterConfig c) throws LumasyncException {
        Optional<WebhookPreset> preset = Optional.empty();
        if (c.get("preset").isPresent() && !c.get("preset").get().equalsIgnoreCase("custom")) {
            preset = WebhookPresets.byId(c.get("preset").get());
            if (preset.isEmpty()) {
                throw invalid(c, "the preset '" + c.get("preset").get() + "' is unknown");
            }
        }
        Optional<WebhookPreset> p = preset;
        String url = c.get("url").or(() -> p.map(WebhookPreset::url)).orElseThrow(() -> invalid(c, "it has no URL"));
        String method = c.get("method").or(() -> p.map(WebhookPreset::method)).orElse("POST").toUpperCase(Locale.ROOT);
        if (!method.equals("POST") && !method.equals("PUT")) {
            throw invalid(c, "the method must be POST or PUT, not " + method);
        }
        String bodyText = c.get("body").or(() -> p.map(WebhookPreset::body)).orElse("json");
        Body body = switch (bodyText.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> Body.JSON;
            case "form", "multipart" -> Body.FORM;
            case "raw", "file" -> Body.RAW;
            default -> throw invalid(c, "the body must be json, form or raw, not " + bodyText);
        };
        WebhookSettings s = new WebhookSettings(c.name(), url, method, body,
                c.get("headers").or(() -> p.map(WebhookPreset::headers)).orElse(""),
                c.get("template").or(() -> p.map(WebhookPreset::template)).orElse(""),
                c.get("asset_id_path").or(() -> p.map(WebhookPreset::assetIdPath)).orElse("asset_id"),
                c.get("asset_url_path").or(() -> p.map(WebhookPreset::assetUrlPath)).orElse("asset_url"),
                p.map(WebhookPreset::replace).orElse(ReplaceStrategy.SAME_ID_NEW_URL));
        s.check(c);
        return s;
    }

    /** Refuses templates with unknown placeholders or preset values still to fill in, naming them. */
    private void check(AdapterConfig c) throws LumasyncException {
        Set<String> unknown = new TreeSet<>();
        Set<String> unfilled = new TreeSet<>();
        for (String t : new String[]{url, headers, template, assetIdPath, assetUrlPath}) {
            unknown.addAll(Template.unknown(t));
            Placeholders.names(t, Syntax.ANGLE).forEach(n -> unfilled.add(Syntax.ANGLE.written(n)));
        }
        if (!unknown.isEmpty()) {
            throw invalid(c, "it uses unknown placeholders " + unknown + "; the known ones are listed in the help");
        }
        if (!unfilled.isEmpty()) {
            throw invalid(c, "replace " + String.join(", ", unfilled) + " with your own values");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw invalid(c, "the URL must start with https:// (or http:// for a local receiver)");
        }
        URI where;
        try {
            where = URI.create(Placeholders.fill(url, Syntax.DOUBLE_BRACES, n -> Optional.of("x")));
        } catch (IllegalArgumentException e) {
            throw invalid(c, "the URL is not a web address (" + e.getMessage() + ")");
        }
        if (where.getHost() == null) {
            throw invalid(c, "the URL has no server name");
        }
        PlainHttp.requireSafe(where, c.flag(PlainHttp.FIELD), "The webhook '" + c.name() + "'");
        for (String line : headers.split("\\R")) {
            int colon = line.indexOf(':');
            if (!line.isBlank() && (colon <= 0 || !HeaderValues.isValidName(line.substring(0, colon).strip()))) {
                throw invalid(c, "the header line '" + HeaderValues.clean(line) + "' is not 'Name: value' with a "
                        + "name of letters, digits and '-'");
            }
        }
    }

    private static LumasyncException invalid(AdapterConfig c, String why) {
        return new LumasyncException(ErrorKind.UNAVAILABLE, "The webhook '" + c.name() + "' cannot be used: " + why
                + ". Edit its settings.");
    }
}
