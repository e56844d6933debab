package org.chorus.host.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A web server on 127.0.0.1 for tests of URL sources: serves files and canned answers, never the internet. */
public final class LocalHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    public LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves a file at {@code path} with a content type. */
    public LocalHttpServer file(String path, Path file, String contentType) {
        server.createContext(path, ex -> {
            try (ex) {
                byte[] body = Files.readAllBytes(file);
                ex.getResponseHeaders().add("Content-Type", contentType);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        return this;
    }

    public LocalHttpServer status(String path, int status) {
        server.createContext(path, ex -> {
            try (ex) {
                ex.sendResponseHeaders(status, -1);
            }
        });
        return this;
    }

    /** Answers after a delay, to test timeouts. */
    public LocalHttpServer slow(String path, long millis) {
        server.createContext(path, ex -> {
            try (ex) {
                Thread.sleep(millis);
                ex.sendResponseHeaders(200, 2);
                ex.getResponseBody().write("ok".getBytes());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // the client gave up
            }
        });
        return this;
    }

    public LocalHttpServer handler(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }


    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
