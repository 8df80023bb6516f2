package io.lumasync.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Sits between stdio and the SDK's stdio transport, which has no cancellation of its own: every {@code tools/call}
 * gets its JSON-RPC id written into {@code _meta} (so the tool knows which call it is), a
 * {@code notifications/cancelled} stops the call it names, and the answer to a cancelled call is dropped.
 * Messages are one JSON object per line both ways (the MCP stdio transport); anything else passes untouched.
 */
final class StdioFilter {
    /** The {@code _meta} key carrying the JSON-RPC id of a tool call. */
    static final String REQUEST_ID = "io.lumasync/requestId";
    /** The longest message read (a line); longer ones are passed on for the SDK to refuse. */
    private static final int MAX_INSPECTED = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long requests read before the client closed its input may still take to be answered. */
    static final java.time.Duration FINISH_AFTER_INPUT_END = java.time.Duration.ofMinutes(2);

    private final Calls calls;
    private final CountDownLatch inputEnded = new CountDownLatch(1);
    /** Requests read whose answer has not gone out yet, so that the end of input can wait for them. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    private final java.time.Duration finishAfterInputEnd;

    StdioFilter(Calls calls) {
        this(calls, FINISH_AFTER_INPUT_END);
    }

    /** {@code finishAfterInputEnd}: how long the end of input waits for the answers still due. */
    StdioFilter(Calls calls, java.time.Duration finishAfterInputEnd) {
        this.calls = calls;
        this.finishAfterInputEnd = finishAfterInputEnd;
    }

    /** Waits until the client closes its end of stdin. */
    void awaitInputEnd() throws InterruptedException {
        inputEnded.await();
    }

    /**
     * Waits (at most {@code limit}) until every request read has been answered: a client that closes its input
     * right after its last request still gets the answer.
     */
    void awaitAnswers(java.time.Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    InputStream input(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new InputStream() {
            private byte[] line = new byte[0];
            private int pos;

            @Override
            public int read() throws IOException {
                if (!fill()) {
                    return -1;
                }
                return line[pos++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, line.length - pos);
                System.arraycopy(line, pos, b, off, n);
                pos += n;
                return n;
            }

            private boolean fill() throws IOException {
                while (pos >= line.length) {
                    String next = reader.readLine();
                    if (next == null) {
                        // The SDK's transport shuts down at the end of its input: hold that back until the
                        // requests already read are answered.
                        inputEnded.countDown();
                        try {
                            awaitAnswers(finishAfterInputEnd);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return false;
                    }
                    String passed = inbound(next);
                    if (passed != null) {
                        line = (passed + "\n").getBytes(StandardCharsets.UTF_8);
                        pos = 0;
                    }
                }
                return true;
            }
        };
    }

    OutputStream output(OutputStream out) {
        return new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) throws IOException {
                pending.write(b);
                if (b == '\n') {
                    release();
                }
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }

            @Override
            public synchronized void flush() throws IOException {
                out.flush();
            }

            @Override
            public synchronized void close() throws IOException {
                release();
                out.close();
            }

            private void release() throws IOException {
                byte[] bytes = pending.toByteArray();
                pending.reset();
                if (bytes.length > 0 && outbound(new String(bytes, StandardCharsets.UTF_8).strip())) {
                    out.write(bytes);
                }
            }
        };
    }

    /** The line to hand to the SDK, or null to swallow it (a cancellation, handled here). */
    String inbound(String line) {
        JsonNode msg = parse(line);
        if (!(msg instanceof ObjectNode o)) {
            return line;
        }
        String method = o.path("method").asText("");
        if (o.has("id") && !method.isEmpty()) {
            inFlight.incrementAndGet();
        }
        if (method.equals("notifications/cancelled") && !o.has("id")) {
            JsonNode id = o.path("params").path("requestId");
            if (id.isTextual() || id.isNumber()) {
                calls.cancel(id.toString());
            }
            return null;
        }
        if (method.equals("tools/call") && o.has("id") && o.path("params").isObject()) {
            ObjectNode params = (ObjectNode) o.get("params");
            JsonNode meta = params.get("_meta");
            ObjectNode m = meta instanceof ObjectNode existing ? existing : params.putObject("_meta");
            m.put(REQUEST_ID, o.get("id").toString());
            return o.toString();
        }
        return line;
    }

    /** False for the answer to a call the client cancelled. */
    boolean outbound(String line) {
        JsonNode msg = parse(line);
        if (msg instanceof ObjectNode o && o.has("id") && !o.has("method") && (o.has("result") || o.has("error"))) {
            inFlight.updateAndGet(n -> Math.max(0, n - 1));
            return !calls.dropAnswer(o.get("id").toString());
        }
        return true;
    }

    private static JsonNode parse(String line) {
        if (line.length() > MAX_INSPECTED || !line.startsWith("{")) {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }
}
