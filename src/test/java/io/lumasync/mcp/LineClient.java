package io.lumasync.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare MCP client over newline-delimited JSON-RPC, as the stdio transport of the specification defines it
 * (modelcontextprotocol.io/specification/2025-06-18/basic/transports#stdio), driving {@link McpDoor#serve} in this
 * JVM. It sends exactly what a test writes, so protocol errors can be provoked on purpose.
 */
final class LineClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream toServer;
    private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Thread server;
    private final Thread reader;

    LineClient(McpDoor door) throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(fromServer);
        server = Thread.ofPlatform().daemon().name("mcp-door-under-test").start(() -> {
            try {
                door.serve(serverIn, serverOut, "test");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader = Thread.ofPlatform().daemon().name("mcp-test-reader").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    JsonNode msg = JSON.readTree(line);
                    if (msg.has("method")) {
                        notifications.add(msg);
                    } else {
                        answers.add(msg);
                    }
                }
            } catch (IOException ended) {
                // the server closed its output
            }
        });
    }

    /** Initializes the session as every client must first. */
    LineClient initialize() throws Exception {
        JsonNode init = request("initialize", JSON.readTree("""
                {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}"""));
        if (!init.has("result")) {
            throw new AssertionError("initialize failed: " + init);
        }
        notify("notifications/initialized", JSON.createObjectNode());
        return this;
    }

    int nextId() {
        return ids.incrementAndGet();
    }

    void sendRaw(String line) throws IOException {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    void send(int id, String method, JsonNode params) throws IOException {
        ObjectNode msg = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        msg.set("params", params);
        sendRaw(msg.toString());
    }

    void notify(String method, JsonNode params) throws IOException {
        ObjectNode msg = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        msg.set("params", params);
        sendRaw(msg.toString());
    }

    JsonNode request(String method, JsonNode params) throws Exception {
        int id = nextId();
        send(id, method, params);
        return answer(id, 60);
    }

    /** The answer to {@code id}; fails when none comes in time. */
    JsonNode answer(int id, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (JsonNode a = answers.poll(seconds, TimeUnit.SECONDS); a != null;
             a = answers.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            if (a.path("id").asInt() == id) {
                return a;
            }
        }
        throw new AssertionError("no answer to request " + id + " within " + seconds + " s");
    }

    /** Whatever answers arrive within {@code millis} (to show that none does). */
    List<JsonNode> answersWithin(long millis) throws InterruptedException {
        List<JsonNode> out = new java.util.ArrayList<>();
        JsonNode a = answers.poll(millis, TimeUnit.MILLISECONDS);
        while (a != null) {
            out.add(a);
            a = answers.poll(10, TimeUnit.MILLISECONDS);
        }
        return out;
    }

    JsonNode call(String tool, String arguments) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("name", tool);
        params.set("arguments", JSON.readTree(arguments));
        JsonNode a = request("tools/call", params);
        if (!a.has("result")) {
            throw new AssertionError("tools/call " + tool + " answered " + a);
        }
        return a.get("result");
    }

    List<JsonNode> notifications() {
        return notifications;
    }

    boolean serverRunning() {
        return server.isAlive();
    }

    @Override
    public void close() throws Exception {
        toServer.close();
        server.join(10_000);
        reader.join(2_000);
    }
}
