// Drives a Dropbox fake with Dropbox's own JavaScript SDK (the `dropbox` npm package) and prints what the SDK
// made of each answer as one JSON document. The SDK builds https://{api,content,notify}.dropboxapi.com URLs; the
// fetch it is given sends them to the fake instead.
// Usage: node dropbox-client.mjs BASE_URL ACCESS_TOKEN ROOT CURSOR
import { Dropbox } from 'dropbox';
import nodeFetch from 'node-fetch';

const [base, accessToken, root, cursorBefore] = process.argv.slice(2);
const fetch = (url, init) => nodeFetch(url.replace(/^https:\/\/(api|content|notify)\.dropboxapi\.com/, base), init);
const dbx = new Dropbox({ accessToken, fetch });
const out = {};

async function failure(call) {
  try {
    await call();
    return { status: 200 };
  } catch (e) {
    return { status: e.status, summary: e.error?.error_summary, tag: e.error?.error?.['.tag'] };
  }
}

let page = (await dbx.filesListFolder({ path: root, recursive: true, limit: 2 })).result;
const entries = [...page.entries];
while (page.has_more) {
  page = (await dbx.filesListFolderContinue({ cursor: page.cursor })).result;
  entries.push(...page.entries);
}
out.files = entries.filter((e) => e['.tag'] === 'file')
  .map((e) => ({ name: e.name, id: e.id, size: e.size, content_hash: e.content_hash, path_display: e.path_display }));
out.folders = entries.filter((e) => e['.tag'] === 'folder').map((e) => e.path_display);

out.latestCursorKeys = Object.keys((await dbx.filesListFolderGetLatestCursor({ path: root, recursive: true })).result);

const changes = (await dbx.filesListFolderContinue({ cursor: cursorBefore })).result;
out.deleted = changes.entries.filter((e) => e['.tag'] === 'deleted').map((e) => e.path_display);
out.longpoll = (await dbx.filesListFolderLongpoll({ cursor: cursorBefore, timeout: 30 })).result;

const jpeg = out.files.find((f) => f.name.endsWith('.jpg'));
const download = (await dbx.filesDownload({ path: jpeg.id })).result;
out.download = { name: download.name, size: download.size, bytes: download.fileBinary.length };
const thumb = (await dbx.filesGetThumbnailV2({
  resource: { '.tag': 'path', path: jpeg.id }, format: { '.tag': 'jpeg' }, size: { '.tag': 'w256h256' },
  mode: { '.tag': 'fitone_bestfit' },
})).result;
out.thumbnail = { bytes: thumb.fileBinary.length, of: thumb.file_metadata?.name };

const raw = out.files.find((f) => f.name.toLowerCase().endsWith('.nef'));
out.rawThumbnail = await failure(() => dbx.filesGetThumbnailV2({ resource: { '.tag': 'path', path: raw.id } }));
out.missingDownload = await failure(() => dbx.filesDownload({ path: root + '/no such file.jpg' }));
out.missingFolder = await failure(() => dbx.filesListFolder({ path: root + '/no such folder' }));

process.stdout.write(JSON.stringify(out));
