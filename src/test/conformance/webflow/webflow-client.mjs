// Drives the Webflow fake with Webflow's own Data API v2 client (the `webflow-api` npm package, whose Fern
// serializers refuse answers that do not match Webflow's API definition) and prints what it made of each answer as
// one JSON document. The client itself parses answers leniently, so every answer body is also read raw and checked
// with the package's own serializers in strict mode (unknown keys, wrong types and missing fields refused). Usage: node webflow-client.mjs BASE_URL TOKEN SITE_ID COLLECTION_ID LUMASYNC_ASSET_ID
import webflow from 'webflow-api';
import { createRequire } from 'node:module';

const serializers = createRequire(import.meta.url)('webflow-api/serialization');
const STRICT = { unrecognizedObjectKeys: 'fail', allowUnrecognizedUnionMembers: false,
  allowUnrecognizedEnumValues: false, skipValidation: false, breadcrumbsPrefix: [] };

const { WebflowClient } = webflow;
const [baseUrl, accessToken, siteId, collectionId, lumasyncAsset] = process.argv.slice(2);
const client = new WebflowClient({ accessToken, baseUrl, maxRetries: 0 });
const out = {};

async function failure(call) {
  try {
    await call();
    return { status: 200 };
  } catch (e) {
    return { name: e.constructor.name, status: e.statusCode, code: e.body?.code };
  }
}

// The test has the fake refuse the first request with 429 and Retry-After: 60.
out.rateLimited = await failure(() => client.sites.get(siteId));
out.site = (await client.sites.get(siteId)).displayName;

const bytes = new TextEncoder().encode('conformance bytes').buffer;
const created = await client.assets.utilities.createAndUpload(siteId, { file: bytes, fileName: 'sdk.png' });
out.created = { id: created.id, hasUpload: Boolean(created.uploadUrl && created.uploadDetails) };
const asset = await client.assets.get(created.id);
out.asset = { size: asset.size, name: asset.originalFileName, variants: asset.variants.length };
out.renamed = (await client.assets.update(created.id, { displayName: 'Made by the SDK' })).displayName;
const list = await client.assets.list(siteId);
out.list = { count: list.assets.length, total: list.pagination?.total };

const ours = await client.assets.get(lumasyncAsset);
out.lumasync = { altText: ours.altText, displayName: ours.displayName, hostedUrl: ours.hostedUrl, size: ours.size };

out.collections = (await client.collections.list(siteId)).collections.map((c) => c.slug);
out.fields = (await client.collections.get(collectionId)).fields.map((f) => `${f.slug}:${f.type}`);
const items = await client.collections.items.listItems(collectionId);
out.items = items.items.map((i) => ({ id: i.id, hero: i.fieldData.hero?.fileId }));
const first = items.items[0];
const updated = await client.collections.items.updateItem(collectionId, first.id,
  { fieldData: { hero: { fileId: created.id, url: created.hostedUrl, alt: 'set by the SDK' } } });
out.updatedHero = updated.fieldData.hero.fileId;
out.publish = await client.collections.items.publishItem(collectionId, { itemIds: [first.id] });

out.missing = await failure(() => client.assets.get('000000000000000000000000'));
out.badToken = await failure(() => new WebflowClient({ accessToken: 'wrong', baseUrl, maxRetries: 0 }).sites.get(siteId));
// Strict checks of raw answers against the API definition's types.
const raw = async (method, path, body) => {
  const r = await fetch(`${baseUrl}/${path}`, { method, headers: { Authorization: `Bearer ${accessToken}`,
    'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  return r.status === 204 ? null : r.json();
};
const check = (type, body) => {
  try {
    serializers[type].parseOrThrow(body, STRICT);
    return null;
  } catch (e) {
    return `${type}: ${e.message}`;
  }
};
const pending = await raw('POST', `sites/${siteId}/assets`, { fileName: 'raw.png', fileHash: '0'.repeat(32) });
out.strict = [
  check('Site', await raw('GET', `sites/${siteId}`)),
  check('Asset', await raw('GET', `assets/${lumasyncAsset}`)),
  check('Assets', await raw('GET', `sites/${siteId}/assets`)),
  check('AssetUpload', pending),
  check('CollectionList', await raw('GET', `sites/${siteId}/collections`)),
  check('Collection', await raw('GET', `collections/${collectionId}`)),
  check('CollectionItemList', await raw('GET', `collections/${collectionId}/items`)),
  check('Error_', await raw('GET', 'assets/000000000000000000000000')),
].filter((e) => e !== null);
// The strict check can fail: a site whose locales are a list, not Webflow's { primary, secondary } object.
out.strictRefuses = check('Site', { id: siteId, locales: [] }) !== null;
await raw('DELETE', `assets/${pending.id}`);
await client.assets.delete(created.id);
out.deleted = await failure(() => client.assets.get(created.id));
process.stdout.write(JSON.stringify(out));
