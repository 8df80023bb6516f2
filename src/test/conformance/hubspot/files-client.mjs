// Runs HubSpot's own API client against the test fake: upload, get, search (paged), replace and delete through
// client.files.filesApi, printing what the client parsed from each answer as JSON. The SDK deserialises every
// answer into its generated models and throws on a status or shape its OpenAPI description does not allow.
// Usage: node files-client.mjs <fake base url> <token> <png file> <other png file>
import { Client } from '@hubspot/api-client';
import { readFileSync } from 'node:fs';

const [basePath, accessToken, first, second] = process.argv.slice(2);
const client = new Client({ accessToken, basePath, numberOfApiCallRetries: 0 });
const files = client.files.filesApi;
const options = JSON.stringify({ access: 'PUBLIC_NOT_INDEXABLE', overwrite: false });

const uploaded = await files.upload({ data: readFileSync(first), name: 'sdk-heron.png' }, undefined, '/Lumasync',
  'sdk-heron', undefined, options);
const got = await files.getById(uploaded.id);
const page1 = await files.doSearch(undefined, undefined, undefined, 1, undefined, undefined, undefined, undefined,
  undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined,
  [Number(uploaded.parentFolderId)]);
const page2 = page1.paging?.next?.after === undefined ? null : await files.doSearch(undefined, page1.paging.next.after,
  undefined, 1, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined,
  undefined, undefined, undefined, [Number(uploaded.parentFolderId)]);
const replaced = await files.replace(uploaded.id, { data: readFileSync(second), name: 'sdk-heron.png' }, undefined,
  JSON.stringify({ access: 'PUBLIC_NOT_INDEXABLE' }));
await files.archive(uploaded.id);
let missing = null;
try {
  await files.getById(uploaded.id);
} catch (e) {
  missing = { code: e.code, category: e.body?.category ?? null };
}
console.log(JSON.stringify({ uploaded, got, page1, page2, replaced, missing }));
