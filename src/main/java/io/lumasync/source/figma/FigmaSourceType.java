package io.lumasync.source.figma;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.PlainHttp;
import io.lumasync.source.Source;
import io.lumasync.source.SourceType;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figma frames as a source, signed in with a personal access token (a SECRET field, in the vault). Figma's OAuth
 * apps need a client secret in the token exchange and a registered redirect, which a desktop app cannot keep
 * secret, so the token is the native way in. {@code api_url} ("API address") points the adapter at another
 * server (a proxy, tests); the token goes to it over https, or plain http to this computer only.
 */
public final class FigmaSourceType implements SourceType {
    public static final String ID = "figma";
    private static final Pattern FILE_URL = Pattern.compile("figma\\.com/(?:file|design|proto|board)/([A-Za-z0-9]+)");
    static final String DEFAULT_API = "https://api.figma.com";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{6,64}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Figma";
    }

    @Override
    public String description() {
        return "The top-level frames of Figma files, rendered as PNG or JPG; a changed frame is published again "
                + "on its own.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.secret("token", "Personal access token", "Figma → Settings → Security → Personal access "
                        + "tokens, with the scope file_content:read. Stays in the keychain."),
                ConfigField.text("files", "Files", true, "Figma file links or file keys, separated by commas or "
                        + "spaces (the key is the part after /design/ or /file/ in the link)."),
                ConfigField.text("pages", "Pages", false, "Page names to take frames from, separated by commas; "
                        + "empty = every page."),
                ConfigField.choice("format", "Format", "png", List.of("png", "jpg"), "How Figma renders each frame."),
                ConfigField.choice("scale", "Scale", "2", List.of("0.5", "1", "2", "3", "4"),
                        "Render scale: 2 gives twice the frame's size in pixels (Figma allows up to 4)."),
                new ConfigField("api_url", "API address", ConfigField.Kind.URL, false, DEFAULT_API, "Leave as it is"
                        + " unless you reach Figma through a proxy.", List.of()),
                PlainHttp.field());
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.CREDENTIALS;
    }

    @Override
    public void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException {
        fileKeys(config);
        PlainHttp.apiAddress(config.get("api_url"), DEFAULT_API, config.flag(PlainHttp.FIELD),
                "The Figma source '" + config.name() + "'");
    }

    /** The file keys of the {@code files} setting, from links or bare keys, each once. */
    static List<String> fileKeys(AdapterConfig config) throws ConfigurationException {
        Set<String> keys = new LinkedHashSet<>();
        for (String part : config.get("files").orElse("").split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = FILE_URL.matcher(part);
            if (m.find()) {
                keys.add(m.group(1));
            } else if (KEY.matcher(part).matches()) {
                keys.add(part);
            } else {
                throw new ConfigurationException("'" + config.name() + "': '" + part + "' is neither a Figma file "
                        + "link nor a file key. Copy the link of the file from Figma (Share → Copy link).");
            }
        }
        if (keys.isEmpty()) {
            throw new ConfigurationException("'" + config.name() + "' names no Figma file. Enter at least one file "
                    + "link or key.");
        }
        return new ArrayList<>(keys);
    }

    @Override
    public Source create(AdapterContext context) throws LumasyncException {
        AdapterConfig cfg = context.config();
        String token = context.secrets().require("token", cfg.name());
        URI base = PlainHttp.apiAddress(cfg.get("api_url"), DEFAULT_API, cfg.flag(PlainHttp.FIELD),
                "The Figma source '" + cfg.name() + "'");
        Set<String> pages = new LinkedHashSet<>();
        Arrays.stream(cfg.get("pages").orElse("").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(pages::add);
        String format = cfg.get("format").orElse("png").equalsIgnoreCase("jpg") ? "jpg" : "png";
        double scale;
        try {
            scale = Double.parseDouble(cfg.get("scale").orElse("2"));
        } catch (NumberFormatException e) {
            scale = 2;
        }
        scale = Math.max(0.01, Math.min(4, scale));
        return new FigmaSource(new FigmaApi(context.http(), base, token, context.retrier()), fileKeys(cfg), pages,
                format, scale, context.dataDir());
    }
}
