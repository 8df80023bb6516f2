package io.lumasync.source.custom;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Source;
import io.lumasync.http.HeaderValues;
import io.lumasync.http.PlainHttp;
import io.lumasync.source.SourceType;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Any JSON API (with presets for well-known ones) as a source; its token is a SECRET field in the vault. */
public final class CustomApiSourceType implements SourceType {
    public static final String ID = "custom-api";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Custom API";
    }

    @Override
    public String description() {
        return "Images listed by any JSON API (Unsplash, Pexels, Pixabay, Flickr, Cloudinary, Airtable, Notion, "
                + "Contentful, Sanity, WordPress presets, or your own mapping). Use 'Verify & connect' to see what "
                + "is mapped.";
    }

    @Override
    public List<ConfigField> fields() {
        List<String> presets = new ArrayList<>(List.of("none"));
        CustomApiPresets.all().forEach(p -> presets.add(p.id()));
        return List.of(
                ConfigField.choice("preset", "Preset", "none", presets, "A ready mapping; fields below override it."),
                new ConfigField("url", "API URL", ConfigField.Kind.URL, false, "",
                        "The list address. {token} and any setting name in braces, e.g. {username}, are filled in.",
                        List.of()),
                new ConfigField("token", "Token", ConfigField.Kind.SECRET, false, "",
                        "API key or personal access token; stays in the keychain, sent only to the API's host.",
                        List.of()),
                ConfigField.text("headers", "Headers", false, "'Name: value' lines, e.g. Authorization: Bearer {token}"),
                ConfigField.text("items_path", "Items path", false, "Where the list is in the answer, e.g. results or "
                        + "data.items; empty when the answer is the list."),
                ConfigField.text("id_field", "ID field", false, "e.g. id or sys.id"),
                ConfigField.text("name_field", "Name field", false, "e.g. title; empty = the file name of the download"),
                ConfigField.text("thumb_field", "Thumbnail field", false, "e.g. urls.thumb"),
                ConfigField.text("download_field", "Download field", false, "e.g. urls.full or fields.file.url"),
                ConfigField.text("version_field", "Version field", false, "Changes when the image changes, e.g. "
                        + "updated_at; empty = the download address is compared"),
                ConfigField.text("size_field", "Size field", false, "Bytes, if the API gives them"),
                ConfigField.text("modified_field", "Modified field", false, "An ISO date, if the API gives one"),
                ConfigField.text("per_page_param", "Page size parameter", false, "e.g. per_page or limit"),
                new ConfigField("per_page", "Page size", ConfigField.Kind.NUMBER, false, "", "Items per page", List.of()),
                ConfigField.text("next", "Next page", false, "none, link, field:<path>, cursor:<path>:<param>, "
                        + "page:<param> or offset:<param>"),
                PlainHttp.field());
    }

    @Override
    public void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException {
        CustomApiMapping mapping = CustomApiMapping.from(config);
        for (String name : mapping.headers().keySet()) {
            if (!HeaderValues.isValidName(name)) {
                throw new ConfigurationException("'" + config.name() + "': '" + name + "' is not a header name. Write "
                        + "one 'Name: value' per line, the name in letters, digits and '-'.");
            }
        }
        URI api;
        try {
            api = URI.create(mapping.url().strip().replaceAll("\\{[a-z_][a-z0-9_]*}", "x"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("'" + config.name() + "': the API URL is not a web address.");
        }
        if (!mapping.next().matches("(?i)none|link|field:.+|cursor:[^:]+:[^:]+|page:.+|offset:.+")) {
            throw new ConfigurationException("'" + config.name() + "': the next-page rule '" + mapping.next()
                    + "' is not one of none, link, field:<path>, cursor:<path>:<param>, page:<param>, offset:<param>.");
        }
        if (secrets.containsKey("token") || !mapping.headers().isEmpty()) {
            PlainHttp.requireSafe(api, config.flag(PlainHttp.FIELD), "The source '" + config.name() + "'");
        }
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.CREDENTIALS;
    }

    @Override
    public Source create(AdapterContext context) throws LumasyncException {
        return open(context);
    }

    /** The source itself, for "Verify &amp; connect" ({@link CustomApiSource#verify}). */
    public static CustomApiSource open(AdapterContext context) throws LumasyncException {
        CustomApiMapping mapping = CustomApiMapping.from(context.config());
        return new CustomApiSource(mapping, new ApiRequests(mapping, context.config(), context.secrets().get("token"),
                context.http(), context.retrier()), context.dataDir());
    }
}
