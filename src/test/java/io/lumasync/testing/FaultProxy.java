package io.lumasync.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small HTTP/1.1 forwarding proxy on 127.0.0.1 that sits in front of a real server and, for the next N
 * requests, answers with a canned error (429 + Retry-After, 5xx, 413…), drops the connection in the middle of the
 * request body, drops it without any answer, forwards the request and then loses the answer, or passes on only
 * the first half of the answer (a download that breaks off). Everything else is forwarded unchanged — the
 * {@code Host} header included, so request signatures (SigV4, HMAC) made for the proxy's address stay valid.
 *
 * <p>Raw sockets rather than an HTTP server library, because cutting a connection mid-body is exactly what a
 * library is built to prevent. One request per connection ({@code Connection: close}) keeps framing simple.
 */
public final class FaultProxy implements AutoCloseable {
    private static final int MAX_HEAD = 64 * 1024;

    /** What to do with one request instead of forwarding it normally. */
    private sealed interface Fault permits Canned, DropMidBody, LoseAnswer, Drop, CutAnswer {
    }

    private record Canned(int status, Map<String, String> headers, String body) implements Fault {
    }

    private record DropMidBody() implements Fault {
    }

    private record LoseAnswer() implements Fault {
    }

    private record Drop() implements Fault {
    }

    private record CutAnswer() implements Fault {
    }

    private final URI upstream;
    private final ServerSocket server;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;

    private FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("fault-proxy-" + server.getLocalPort()).start(this::acceptLoop);
    }

    /** Starts a proxy forwarding to the scheme/host/port of {@code upstream} (plain http only). */
    public static FaultProxy start(URI upstream) throws IOException {
        if (!"http".equals(upstream.getScheme())) {
            throw new IllegalArgumentException("FaultProxy forwards plain http only: " + upstream);
        }
        return new FaultProxy(upstream);
    }

    /** The proxy's base address, {@code http://127.0.0.1:PORT}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The given upstream URL with its host and port swapped for the proxy's (path and query kept). */
    public URI rewrite(URI upstreamUrl) {
        String rest = upstreamUrl.getRawPath() == null ? "" : upstreamUrl.getRawPath();
        if (upstreamUrl.getRawQuery() != null) {
            rest += "?" + upstreamUrl.getRawQuery();
        }
        return URI.create(uri() + rest);
    }

    /** The next {@code n} requests are answered with this status, headers and body, never reaching the server. */
    public void failNext(int n, int status, Map<String, String> headers, String body) {
        add(n, new Canned(status, Map.copyOf(headers), body == null ? "" : body));
    }

    /**
     * The next {@code n} requests that carry a body have their connection cut after part of it: the server never
     * sees them. Requests without a body (a HEAD before an upload) pass through.
     */
    public void dropMidBodyNext(int n) {
        add(n, new DropMidBody());
    }

    /**
     * The next {@code n} requests that carry a body (uploads) reach the server, but the connection is cut before
     * its answer is passed on. Requests without a body pass through.
     */
    public void loseAnswerNext(int n) {
        add(n, new LoseAnswer());
    }

    /** The next {@code n} requests, with or without a body, have their connection cut before any answer. */
    public void dropNext(int n) {
        add(n, new Drop());
    }

    /**
     * The next {@code n} requests, with or without a body, reach the server; its answer's head and the first half
     * of its body are passed on, then the connection is cut.
     */
    public void cutAnswerNext(int n) {
        add(n, new CutAnswer());
    }

    /** How many requests arrived (faulted or forwarded). */
    public int requestCount() {
        return requests.size();
    }

    /** "METHOD /path" of every request so far, in order. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Forgets pending faults and the request log. */
    public void reset() {
        synchronized (faults) {
            faults.clear();
        }
        requests.clear();
    }

    private void add(int n, Fault f) {
        synchronized (faults) {
            for (int i = 0; i < n; i++) {
                faults.addLast(f);
            }
        }
    }

    private Fault nextFault(boolean hasBody) {
        synchronized (faults) {
            Fault f = faults.peekFirst();
            if (f == null || (!hasBody && (f instanceof DropMidBody || f instanceof LoseAnswer))) {
                return null;
            }
            return faults.pollFirst();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(60_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            Head head = Head.read(in);
            if (head == null) {
                return;
            }
            String[] requestLine = head.firstLine.split(" ", 3);
            String method = requestLine[0];
            requests.add(method + " " + (requestLine.length > 1 ? requestLine[1] : ""));
            if ("100-continue".equalsIgnoreCase(head.header("Expect"))) {
                // We read the whole body before deciding anything, so we let the client send it at once.
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            Fault fault = nextFault(head.contentLength() > 0 || head.isChunked());
            if (fault instanceof DropMidBody) {
                long length = head.contentLength();
                in.readNBytes((int) Math.max(1, Math.min(length / 2, 1 << 20))); // chunked: a byte is enough
                cut(client);
                return;
            }
            byte[] body = readBody(head, in, false);
            if (fault instanceof Canned c) {
                writeCanned(out, c);
                return;
            }
            if (fault instanceof Drop) {
                cut(client);
                return;
            }
            forward(head, body, method, fault instanceof LoseAnswer ? null : out, fault instanceof CutAnswer);
            if (fault instanceof LoseAnswer) {
                cut(client);
            }
            // A CutAnswer ends with an orderly close: the client sees the body end early, as when a transfer
            // breaks off, rather than a reset that could discard the half already sent.
        } catch (IOException e) {
            // a client that went away: nothing to report
        }
    }

    private void forward(Head head, byte[] body, String method, OutputStream out, boolean halfAnswer)
            throws IOException {
        int port = upstream.getPort() > 0 ? upstream.getPort() : 80;
        try (Socket up = new Socket()) {
            up.connect(new InetSocketAddress(upstream.getHost(), port), 10_000);
            up.setSoTimeout(120_000);
            OutputStream upOut = up.getOutputStream();
            upOut.write(head.withoutHopHeaders(true).getBytes(StandardCharsets.ISO_8859_1));
            upOut.write(body);
            upOut.flush();
            InputStream upIn = up.getInputStream();
            Head answer = Head.read(upIn);
            if (answer == null) {
                throw new EOFException("upstream closed without an answer");
            }
            String[] statusLine = answer.firstLine.split(" ", 3);
            int status = Integer.parseInt(statusLine[1]);
            boolean noBody = "HEAD".equals(method) || status == 204 || status == 304 || status / 100 == 1;
            byte[] answerBody = noBody ? new byte[0] : readBody(answer, upIn, true);
            if (out != null) {
                out.write(answer.withoutHopHeaders(false).getBytes(StandardCharsets.ISO_8859_1));
                out.write(answerBody, 0, halfAnswer ? answerBody.length / 2 : answerBody.length);
                out.flush();
            }
        }
    }

    private static void writeCanned(OutputStream out, Canned c) throws IOException {
        byte[] body = c.body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(c.status).append(" Injected\r\n");
        c.headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        if (c.headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
            sb.append("Content-Type: text/plain; charset=utf-8\r\n");
        }
        sb.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** Closes with a TCP reset, the way a dropped network connection looks to the client. */
    private static void cut(Socket s) throws IOException {
        try {
            s.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already gone
        }
        s.close();
    }

    /** Reads a body as raw bytes (chunked framing kept, since it is forwarded as-is). */
    private static byte[] readBody(Head head, InputStream in, boolean untilEofAllowed) throws IOException {
        if (head.isChunked()) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in, raw);
                int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
                if (size == 0) {
                    // trailers, up to an empty line
                    while (!readLine(in, raw).isEmpty()) {
                        // keep reading trailer lines
                    }
                    return raw.toByteArray();
                }
                raw.write(in.readNBytes(size));
                readLine(in, raw);
            }
        }
        long length = head.contentLength();
        if (length >= 0) {
            byte[] b = in.readNBytes((int) length);
            if (b.length < length) {
                throw new EOFException("body shorter than Content-Length");
            }
            return b;
        }
        return untilEofAllowed ? in.readAllBytes() : new byte[0];
    }

    private static String readLine(InputStream in, ByteArrayOutputStream copy) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            copy.write(c);
            if (c == '\n') {
                break;
            }
            line.write(c);
        }
        if (c == -1) {
            throw new EOFException("connection closed inside a chunked body");
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }

    /** A request or status line with its headers, order kept. */
    private record Head(String firstLine, List<Map.Entry<String, String>> headers) {
        static Head read(InputStream in) throws IOException {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int last4 = 0;
            int c;
            // Stop at the blank line (CR LF CR LF) that ends the head.
            while (last4 != 0x0D0A0D0A && (c = in.read()) != -1) {
                buf.write(c);
                last4 = (last4 << 8) | c;
                if (buf.size() > MAX_HEAD) {
                    throw new IOException("header too long");
                }
            }
            if (buf.size() == 0) {
                return null;
            }
            String[] lines = buf.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
                }
            }
            return new Head(lines[0], headers);
        }

        String header(String name) {
            return headers.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        boolean isChunked() {
            return "chunked".equalsIgnoreCase(header("Transfer-Encoding"));
        }

        long contentLength() {
            String v = header("Content-Length");
            return v == null ? -1 : Long.parseLong(v.trim());
        }

        /** The head as text with connection-scoped headers replaced by {@code Connection: close}. */
        String withoutHopHeaders(boolean request) {
            Set<String> drop = new HashSet<>(
                    Set.of("connection", "keep-alive", "proxy-connection", "upgrade", "http2-settings"));
            if (request) {
                drop.add("expect"); // the proxy already answered 100 Continue itself
            }
            StringBuilder sb = new StringBuilder(firstLine).append("\r\n");
            for (Map.Entry<String, String> e : headers) {
                if (!drop.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                    sb.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
                }
            }
            return sb.append("Connection: close\r\n\r\n").toString();
        }
    }
}
