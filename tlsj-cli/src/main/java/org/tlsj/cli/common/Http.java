package org.tlsj.cli.common;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Just enough HTTP/1.1 for a greeting server and a GET client: header blocks, bodies by length, chunks or EOF. */
public final class Http {
    /** The largest request header block the server reads. */
    static final int MAX_REQUEST_HEAD = 16 * 1024;
    /** The largest response header block the client reads. */
    static final int MAX_RESPONSE_HEAD = 64 * 1024;
    /** The largest response body the client keeps. */
    public static final int MAX_BODY = 64 * 1024 * 1024;

    private Http() {
    }

    /** A header block is larger than allowed. */
    static final class HeadTooLargeException extends IOException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        HeadTooLargeException(int limit) {
            super("header block over " + limit / 1024 + " KiB");
        }
    }

    /**
     * Reads a header block up to and without its empty line.
     *
     * @param in the stream, positioned at the start line
     * @param maxBytes the most bytes the block may take
     * @return the lines, start line first, without line ends; empty if the stream ended before any byte
     * @throws HeadTooLargeException if the block is longer than {@code maxBytes}
     */
    static List<String> readHead(InputStream in, int maxBytes) throws IOException {
        return readHead(in, maxBytes, Long.MAX_VALUE, java.time.Duration.ZERO);
    }

    /**
     * Reads a header block that must be complete by {@code deadlineNanos} (System.nanoTime): a client that
     * trickles bytes (slow loris) is cut off even though each single read is quick.
     */
    static List<String> readHead(InputStream in, int maxBytes, long deadlineNanos, java.time.Duration budget)
            throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (total == 0) {
                    return List.of();
                }
                throw new EOFException("connection ended inside the header block");
            }
            if (++total > maxBytes) {
                throw new HeadTooLargeException(maxBytes);
            }
            if (System.nanoTime() - deadlineNanos > 0 && deadlineNanos != Long.MAX_VALUE) {
                throw new java.net.SocketTimeoutException("request header not complete within "
                        + budget.toMillis() + " ms");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty()) {
                return lines;
            }
            lines.add(text);
        }
    }

    /** Header lines as a map from lower-case name to value (later duplicates win). */
    public static Map<String, String> headers(List<String> head) {
        Map<String, String> h = new LinkedHashMap<>();
        for (String line : head.subList(Math.min(1, head.size()), head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                h.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return h;
    }

    /** A response as the client received it. */
    public static final class Response {
        private final int status;
        private final String reason;
        private final Map<String, String> headers;
        private final List<String> head;
        private final byte[] body;

        /** A response from its status code, reason phrase, header lines and body (all copied). */
        public Response(int status, String reason, List<String> head, byte[] body) {
            this.status = status;
            this.reason = reason;
            this.head = List.copyOf(head);
            this.headers = Map.copyOf(Http.headers(head));
            this.body = body.clone();
        }

        /** The status line and header lines as received, without line ends. */
        public List<String> head() {
            return head;
        }

        /** The status code. */
        public int status() {
            return status;
        }

        /** The reason phrase. */
        public String reason() {
            return reason;
        }

        /** Header names in lower case. */
        public Map<String, String> headers() {
            return headers;
        }

        /** A copy of the body. */
        public byte[] body() {
            return body.clone();
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Whether the status is 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Reads a whole response: status line, headers, and the body (Content-Length, chunked, or to the end). */
    public static Response readResponse(InputStream in) throws IOException {
        List<String> head = readHead(in, MAX_RESPONSE_HEAD);
        if (head.isEmpty()) {
            throw new EOFException("the server closed the connection without answering");
        }
        String[] start = head.getFirst().split(" ", 3);
        if (start.length < 2 || !start[0].startsWith("HTTP/1.") || !start[1].matches("\\d{3}")) {
            throw new IOException("the server's answer is not HTTP/1.x: " + printable(head.getFirst()));
        }
        Map<String, String> headers = headers(head);
        byte[] body;
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        } else if (headers.containsKey("content-length")) {
            body = readExactly(in, contentLength(headers.get("content-length")));
        } else {
            body = readToEnd(in);
        }
        return new Response(Integer.parseInt(start[1]), start.length > 2 ? start[2] : "", head, body);
    }

    private static long contentLength(String value) throws IOException {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0 || n > MAX_BODY) {
                throw new IOException("the response body of " + n + " bytes is more than tlsj get keeps");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("the server sent a bad Content-Length: " + printable(value), e);
        }
    }

    private static byte[] readExactly(InputStream in, long n) throws IOException {
        byte[] body = in.readNBytes((int) n);
        if (body.length < n) {
            throw new EOFException("the response body ended after " + body.length + " of " + n + " bytes");
        }
        return body;
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new IOException("the response body is more than tlsj get keeps (" + MAX_BODY + " bytes)");
        }
        return body;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in).split(";", 2)[0].trim();
            long n;
            try {
                n = Long.parseLong(size, 16);
            } catch (NumberFormatException e) {
                throw new IOException("the server sent a bad chunk size: " + printable(size), e);
            }
            if (n == 0) {
                readHead(in, MAX_RESPONSE_HEAD);
                return body.toByteArray();
            }
            if (n < 0 || body.size() + n > MAX_BODY) {
                throw new IOException("the response body is more than tlsj get keeps (" + MAX_BODY + " bytes)");
            }
            body.writeBytes(readExactly(in, n));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the chunked response body ended early");
            }
            if (line.size() > 1024) {
                throw new IOException("a chunk size line is too long");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Text safe to show: control characters replaced, at most 80 characters. */
    public static String printable(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }
}
