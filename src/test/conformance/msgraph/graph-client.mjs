// Drives the OneDrive fake with Microsoft's own Graph JavaScript client (@microsoft/microsoft-graph-client) and
// prints what the client made of each answer as one JSON document. The client only sends the token to
// https://graph.microsoft.com, so the fetch it uses sends those requests to the fake and gives the fake's JSON
// back with the fake's address written as Graph's (as a TLS front would).
// Usage: node graph-client.mjs BASE_URL ACCESS_TOKEN DELTA_LINK EXPIRED_DELTA_LINK
import { Client, PageIterator, ResponseType } from '@microsoft/microsoft-graph-client';

const [base, accessToken, deltaLinkBefore, expiredLink] = process.argv.slice(2);
const GRAPH = 'https://graph.microsoft.com';
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const isRequest = typeof input !== 'string' && !(input instanceof URL);
  const url = String(isRequest ? input.url : input).replace(GRAPH, base);
  const options = isRequest ? { method: input.method, headers: input.headers, redirect: input.redirect, ...init } : init;
  const r = await realFetch(url, options);
  if (!(r.headers.get('content-type') || '').includes('json')) {
    return r;
  }
  const text = (await r.text()).replaceAll(base, GRAPH);
  return new Response(text, { status: r.status, statusText: r.statusText, headers: r.headers });
};
const toGraph = (link) => link.replace(base, GRAPH);

const client = Client.init({ authProvider: (done) => done(null, accessToken), defaultVersion: 'v1.0' });
const out = {};

async function failure(call) {
  try {
    await call();
    return { statusCode: 200 };
  } catch (e) {
    return { statusCode: e.statusCode, code: e.code };
  }
}

const folder = await client.api('/me/drive/root:/Photos:').get();
const drive = folder.parentReference.driveId;
out.folder = { id: folder.id, name: folder.name, driveType: folder.parentReference.driveType, isFolder: !!folder.folder };

const first = await client.api(`/drives/${drive}/items/${folder.id}/delta`).top(2).get();
const items = [];
const pages = new PageIterator(client, first, (item) => { items.push(item); return true; });
await pages.iterate();
out.deltaLinkFromIterator = !!pages.getDeltaLink();
out.items = items.map((i) => ({ id: i.id, name: i.name, folder: !!i.folder, size: i.size,
  quickXorHash: i.file?.hashes?.quickXorHash, parent: i.parentReference?.id }));

const changes = await client.api(toGraph(deltaLinkBefore)).get();
out.changes = changes.value.map((i) => ({ id: i.id, name: i.name, deleted: !!i.deleted }));

const jpeg = items.find((i) => i.name && i.name.endsWith('.jpg'));
const meta = await client.api(`/drives/${drive}/items/${jpeg.id}`).get();
out.downloadUrl = !!meta['@microsoft.graph.downloadUrl'];
const bytes = await client.api(`/drives/${drive}/items/${jpeg.id}/content`).responseType(ResponseType.ARRAYBUFFER).get();
out.content = { bytes: bytes.byteLength };
const thumbs = await client.api(`/drives/${drive}/items/${jpeg.id}/thumbnails`).get();
out.thumbnailSizes = Object.keys(thumbs.value[0]).filter((k) => k !== 'id').sort();

out.missing = await failure(() => client.api('/me/drive/root:/No such folder:').get());
out.expired = await failure(() => client.api(toGraph(expiredLink)).get());

process.stdout.write(JSON.stringify(out));
