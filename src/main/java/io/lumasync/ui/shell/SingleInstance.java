package io.lumasync.ui.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps one Lumasync window per user: the first instance listens on a loopback port written (with a random
 * token) to {@code instance.port} in the data folder; a second launch connects, hands over its file arguments
 * and exits. The token keeps other local programs from pushing files into the queue. No JavaFX here: the
 * launcher may call it before the toolkit starts.
 */
public final class SingleInstance implements AutoCloseable {
    static final String PORT_FILE = "instance.port";
    private static final int CONNECT_TIMEOUT_MS = 1500;

    private final ServerSocket server;
    private final String token;
    private final Path portFile;
    private final List<List<Path>> early = new ArrayList<>();
    private final List<Consumer<List<Path>>> listeners = new CopyOnWriteArrayList<>();

    private SingleInstance(ServerSocket server, String token, Path portFile) {
        this.server = server;
        this.token = token;
        this.portFile = portFile;
        Thread t = new Thread(this::acceptLoop, "lumasync-single-instance");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Becomes the running instance, or hands {@code files} to the one already running.
     *
     * @return the claimed instance, or empty when another instance took the files
     */
    public static Optional<SingleInstance> claim(Path dataDir, List<Path> files) {
        try {
            Files.createDirectories(dataDir);
            // The lock makes two launches at the same moment agree on which one listens.
            try (FileChannel ch = FileChannel.open(dataDir.resolve("instance.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                Path portFile = dataDir.resolve(PORT_FILE);
                if (handOver(portFile, files)) {
                    return Optional.empty();
                }
                ServerSocket server = new ServerSocket();
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                byte[] raw = new byte[16];
                new SecureRandom().nextBytes(raw);
                String token = HexFormat.of().formatHex(raw);
                Files.writeString(portFile, server.getLocalPort() + "\n" + token + "\n");
                restrict(portFile);
                return Optional.of(new SingleInstance(server, token, portFile));
            }
        } catch (IOException e) {
            // Without the guard two windows may open; that is better than no window at all.
            System.err.println("Lumasync could not check for a running copy (" + e.getMessage() + ").");
            return Optional.of(detached());
        }
    }

    private static SingleInstance detached() {
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new SingleInstance(s, "", null);
        } catch (IOException e) {
            throw new IllegalStateException("No loopback network available", e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Windows: the file sits in the user's private profile folder already.
        }
    }

    static boolean handOver(Path portFile, List<Path> files) {
        if (!Files.isRegularFile(portFile)) {
            return false;
        }
        try {
            List<String> lines = Files.readAllLines(portFile);
            int port = Integer.parseInt(lines.get(0).strip());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
                s.setSoTimeout(CONNECT_TIMEOUT_MS);
                PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                out.println(lines.get(1).strip());
                files.forEach(f -> out.println(f.toAbsolutePath()));
                out.println();
                String answer = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                return "ok".equals(answer);
            }
        } catch (IOException | RuntimeException e) {
            // A stale file from a crashed run: nobody answers, so this launch becomes the instance.
            return false;
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(CONNECT_TIMEOUT_MS);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                if (token.isEmpty() || !token.equals(in.readLine())) {
                    continue;
                }
                List<Path> files = new ArrayList<>();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    files.add(Path.of(line));
                }
                new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8).println("ok");
                deliver(files);
            } catch (IOException | RuntimeException e) {
                // One bad connection never stops the listener.
            }
        }
    }

    private synchronized void deliver(List<Path> files) {
        if (listeners.isEmpty()) {
            early.add(files);
        } else {
            listeners.forEach(l -> l.accept(files));
        }
    }

    /** Receives the files of every later launch (an empty list means "just show the window"). */
    public synchronized void listen(Consumer<List<Path>> listener) {
        listeners.add(listener);
        early.forEach(listener);
        early.clear();
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
            if (portFile != null) {
                Files.deleteIfExists(portFile);
            }
        } catch (IOException e) {
            // Quitting anyway; a stale port file is ignored by the next launch.
        }
    }
}
