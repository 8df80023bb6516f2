package io.lumasync.destination.webhook;

import io.lumasync.destination.ReplaceStrategy;

/**
 * Ready-made settings for a service that accepts uploads over HTTP. A preset only fills the webhook's fields;
 * the user replaces the {@code <angle-bracket>} parts of the URL and template with their own values, and may
 * change anything else.
 *
 * @param id           the value of the {@code preset} setting
 * @param name         shown in the list
 * @param docUrl       the vendor page the request is modelled on
 * @param method       POST or PUT
 * @param url          URL template
 * @param body         json, form or raw
 * @param headers      header template, one {@code Name: value} per line
 * @param template     body template (JSON text for json; {@code name=value} lines for form; unused for raw)
 * @param assetIdPath  where the asset id is in the answer (a JSON path, or a template with {{…}})
 * @param assetUrlPath where the asset URL is in the answer (same forms); empty: none
 * @param replace      what an update does at this service
 * @param notes        what the user must know (set-up steps, limits)
 */
public record WebhookPreset(String id, String name, String docUrl, String method, String url, String body,
                            String headers, String template, String assetIdPath, String assetUrlPath,
                            ReplaceStrategy replace, String notes) {
}
