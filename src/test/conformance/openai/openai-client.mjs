// Drives the OpenRouter fake with the official `openai` npm client (OpenRouter documents itself as a drop-in for
// it: openrouter.ai/docs/quickstart, "Using the OpenAI SDK") and prints what the client made of each answer as one
// JSON document, so a Java test can compare it with what Lumasync's own client reads.
// Usage: node openai-client.mjs BASE_URL API_KEY happy
//        node openai-client.mjs BASE_URL API_KEY call MODEL PROMPT   (one call; prints how it failed, if it did)
import OpenAI from 'openai';

const [baseURL, apiKey, mode, model, prompt] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 20000 });
const out = {};
// A 1x1 JPEG is enough: the fake checks that the data URL decodes, not what it shows.
const jpeg = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==';

async function failure(call) {
  try {
    await call();
    return { status: 200 };
  } catch (e) {
    if (!(e instanceof OpenAI.APIError)) {
      return { status: -1, message: String(e) };
    }
    return { status: e.status, code: e.error?.code ?? null, message: e.error?.message ?? e.message,
      retryAfter: e.headers?.get?.('retry-after') ?? null, reasons: e.error?.metadata?.reasons ?? null };
  }
}

if (mode === 'happy') {
  out.models = [];
  for await (const m of client.models.list()) {
    out.models.push({ id: m.id, prompt: m.pricing?.prompt, output: m.architecture?.output_modalities });
  }
  const chat = await client.chat.completions.create({
    model: 'google/gemini-2.5-flash', max_tokens: 60, usage: { include: true },
    messages: [{ role: 'user', content: [
      { type: 'text', text: 'Write alt text for this image.' },
      { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${jpeg}` } },
    ] }],
  });
  out.alt = chat.choices[0].message.content;
  out.finish = chat.choices[0].finish_reason;
  out.usage = chat.usage;
  const gen = await client.chat.completions.create({
    model: 'google/gemini-2.5-flash-image', modalities: ['image', 'text'], image_config: { aspect_ratio: '16:9' },
    messages: [{ role: 'user', content: 'a lighthouse at dawn' }],
  });
  out.image = gen.choices[0].message.images?.[0]?.image_url?.url?.slice(0, 22) ?? null;
} else {
  out.result = await failure(() => client.chat.completions.create({
    model, messages: [{ role: 'user', content: prompt }] }));
}
console.log(JSON.stringify(out));
