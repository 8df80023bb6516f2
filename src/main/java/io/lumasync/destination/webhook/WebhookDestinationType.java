package io.lumasync.destination.webhook;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationType;
import io.lumasync.http.PlainHttp;
import io.lumasync.http.signing.RequestSigner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Any HTTP endpoint, signed (Standard Webhooks or a hex HMAC); presets fill the request for common services. */
public final class WebhookDestinationType implements DestinationType {
    public static final String ID = "webhook";
    public static final String SECRET = "secret";
    public static final String TOKEN = "token";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Webhook (any URL)";
    }

    @Override
    public String description() {
        return "Sends each image to a URL of your choice, signed so the receiver can check it came from you.";
    }

    @Override
    public List<ConfigField> fields() {
        List<String> presets = new ArrayList<>(List.of("custom"));
        WebhookPresets.all().forEach(p -> presets.add(p.id()));
        String placeholders = "Placeholders: " + String.join(" ", Template.NAMES.stream().sorted()
                .map(n -> "{{" + n + "}}").toList()) + ".";
        List<ConfigField> fields = new ArrayList<>(List.of(
                ConfigField.url("url", "URL", "Where each image is sent. " + placeholders),
                ConfigField.choice("preset", "Preset", "custom", presets,
                        "Fills the request for a known service; fields you set yourself win."),
                ConfigField.choice("method", "Method", "POST", List.of("POST", "PUT"), "The HTTP method."),
                ConfigField.choice("body", "Body", "json", List.of("json", "form", "raw"),
                        "json: a JSON document with the file in base64; form: multipart form with a file part; "
                                + "raw: the file itself."),
                new ConfigField("headers", "Headers", ConfigField.Kind.TEXT, false, "",
                        "Extra headers, one 'Name: value' per line. " + placeholders, List.of()),
                new ConfigField("template", "Body template", ConfigField.Kind.TEXT, false, "",
                        "Empty: the default body. json: your JSON with placeholders; form: 'name=value' lines, "
                                + "'name=@file' for the file part.", List.of()),
                new ConfigField("asset_id_path", "Asset id path", ConfigField.Kind.TEXT, false, "asset_id",
                        "Where the answer holds the new asset's id, e.g. asset_id, data.id, [0].id.", List.of()),
                new ConfigField("asset_url_path", "Asset URL path", ConfigField.Kind.TEXT, false, "asset_url",
                        "Where the answer holds the asset's public URL (or a template like "
                                + "https://cdn.example.com/{{asset_id}}).", List.of()),
                new ConfigField(SECRET, "Signing secret", ConfigField.Kind.SECRET, true, "",
                        "Signs every request. Standard Webhooks: a whsec_… secret (Lumasync can make one for you); "
                                + "hex HMAC: any secret your receiver knows.", List.of()),
                new ConfigField(TOKEN, "API token", ConfigField.Kind.SECRET, false, "",
                        "Optional: a service's API token, used where a header says {{token}}.", List.of())));
        fields.addAll(WebhookSigning.fields());
        fields.add(PlainHttp.field());
        return List.copyOf(fields);
    }

    @Override
    public void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException {
        WebhookSettings.from(config);
        WebhookSigning signing = WebhookSigning.from(config);
        String secret = secrets.get(SECRET);
        if (secret != null) {
            try {
                signing.signer(secret);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("The webhook '" + config.name() + "': " + e.getMessage()
                        + " Enter another secret, let Lumasync make one, or choose " + WebhookSigning.HEX
                        + " signing to use the secret your receiver already has.");
            }
        }
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.CREDENTIALS;
    }

    @Override
    public Destination create(AdapterContext context) throws LumasyncException {
        WebhookSettings settings = WebhookSettings.from(context.config());
        RequestSigner signer;
        try {
            signer = WebhookSigning.from(context.config()).signer(context.secrets().require(SECRET, settings.name()));
        } catch (IllegalArgumentException e) {
            throw new LumasyncException(ErrorKind.REAUTH, "The webhook '" + settings.name() + "': " + e.getMessage()
                    + " Enter the secret again or let Lumasync make a new one.");
        }
        return new WebhookDestination(settings, signer, context.secrets().get(TOKEN), context.http());
    }
}
