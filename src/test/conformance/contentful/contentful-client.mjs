// Drives the Contentful fake with Contentful's own Content Management API client (the `contentful-management` npm
// package, plain API) and prints what the client made of each answer as one JSON document. The client retries a
// 429 after X-Contentful-RateLimit-Reset seconds: the test rate-limits the first call, which must then succeed.
// Usage: node contentful-client.mjs HOST:PORT TOKEN SPACE ENVIRONMENT LUMASYNC_ASSET_ID
import { createClient } from 'contentful-management';

const [host, accessToken, spaceId, environmentId, lumasyncAsset] = process.argv.slice(2);
const client = createClient(
  { accessToken, host, hostUpload: host, insecure: true, retryLimit: 2, logHandler: () => {} },
  { type: 'plain', defaults: { spaceId, environmentId } },
);
const out = {};

async function failure(call) {
  try {
    await call();
    return { status: 200 };
  } catch (e) {
    let details = {};
    try { details = JSON.parse(e.message); } catch { /* not JSON */ }
    return { name: e.name, status: details.status };
  }
}

out.locales = (await client.locale.getMany({})).items.map((l) => l.code);

const upload = await client.upload.create({}, { file: Buffer.from('conformance bytes') });
out.uploadType = upload.sys.type;
const created = await client.asset.createWithId({ assetId: 'sdk-made' }, {
  fields: {
    title: { 'en-US': 'Made by the SDK' },
    file: { 'en-US': { contentType: 'image/png', fileName: 'sdk.png',
      uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } } } },
  },
});
out.createdVersion = created.sys.version;
const processed = await client.asset.processForAllLocales({}, created, { processingCheckWait: 50, processingCheckRetries: 5 });
out.processedUrl = processed.fields.file['en-US'].url;
const published = await client.asset.publish({ assetId: 'sdk-made' }, processed);
out.published = published.sys.publishedVersion > 0;

const page = await client.asset.getMany({ query: { skip: 0, limit: 1 } });
out.page = { total: page.total, limit: page.limit, items: page.items.length };

const ours = await client.asset.get({ assetId: lumasyncAsset });
out.lumasync = { title: ours.fields.title['en-US'], description: ours.fields.description['en-US'],
  url: ours.fields.file['en-US'].url, published: ours.sys.publishedVersion + 1 === ours.sys.version };

out.stale = await failure(() => client.asset.update({ assetId: 'sdk-made' }, { ...published, sys: { ...published.sys, version: 1 } }));
out.missing = await failure(() => client.asset.get({ assetId: 'no-such-asset' }));
out.badToken = await failure(() => createClient({ accessToken: 'wrong', host, insecure: true },
  { type: 'plain', defaults: { spaceId, environmentId } }).locale.getMany({}));

const after = await client.asset.get({ assetId: 'sdk-made' });
await client.asset.unpublish({ assetId: 'sdk-made' }, after);
await client.asset.delete({ assetId: 'sdk-made' });
out.deleted = await failure(() => client.asset.get({ assetId: 'sdk-made' }));
process.stdout.write(JSON.stringify(out));
