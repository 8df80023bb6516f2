// Runs Shopify's own Admin API client against the test fake: each document Lumasync sends, with its variables,
// goes through createAdminApiClient().request(), and what the client made of each answer is printed as JSON.
// Usage: node admin-client.mjs <fake base url> <api version> <token> <requests.json>
import { createAdminApiClient } from '@shopify/admin-api-client';
import { readFileSync } from 'node:fs';

const [base, apiVersion, accessToken, file] = process.argv.slice(2);
const storeDomain = 'heron-prints.myshopify.com';
const seen = [];
const client = createAdminApiClient({
  storeDomain,
  apiVersion,
  accessToken,
  // The client always speaks https to the shop; the fake listens on plain http on this computer.
  customFetchApi: (url, init) => {
    const target = String(url).replace(`https://${storeDomain}`, base);
    seen.push({ url: String(url), headers: init.headers });
    return fetch(target, init);
  },
});

const out = [];
for (const { query, variables } of JSON.parse(readFileSync(file, 'utf8'))) {
  const r = await client.request(query, { variables });
  out.push({
    data: r.data ?? null,
    errors: r.errors ? { message: r.errors.message ?? null, graphQLErrors: r.errors.graphQLErrors ?? [],
      networkStatusCode: r.errors.networkStatusCode ?? null } : null,
    extensions: r.extensions ?? null,
  });
}
console.log(JSON.stringify({ results: out, requests: seen }));
