package org.tlsj.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * An attacker on the path, for one connection on 127.0.0.1: it hides the client's supported_versions extension
 * from the server by renaming it to an unassigned type of the same length, so a server that speaks TLS 1.3 sees
 * a TLS 1.2 ClientHello and answers TLS 1.2 (RFC 8446 section 4.1.3 is how the client must notice). Everything
 * else is passed through unchanged, both ways.
 */
final class DowngradingProxy implements AutoCloseable {
    private static final int SUPPORTED_VERSIONS = 0x002b;
    /** An extension type nobody assigned, which a server must ignore. */
    private static final int UNASSIGNED = 0xeeee;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ServerSocket listener;
    private final int targetPort;
    private final Thread thread;

    private DowngradingProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
        this.thread = Thread.ofVirtual().name("downgrading-proxy").unstarted(this::relayOne);
    }

    /** Listens on a free port of 127.0.0.1 and relays one connection to 127.0.0.1:{@code targetPort}. */
    static DowngradingProxy start(int targetPort) throws IOException {
        DowngradingProxy p = new DowngradingProxy(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()),
                targetPort);
        p.thread.start();
        return p;
    }

    /** The port to connect to. */
    int port() {
        return listener.getLocalPort();
    }

    private void relayOne() {
        try (Socket client = listener.accept();
             Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            client.setSoTimeout((int) TIMEOUT.toMillis());
            server.setSoTimeout((int) TIMEOUT.toMillis());
            byte[] hello = readRecord(client.getInputStream());
            hideSupportedVersions(hello);
            server.getOutputStream().write(hello);
            Thread back = Thread.ofVirtual().name("downgrading-proxy-back").start(() -> pipe(server, client));
            pipe(client, server);
            back.join(TIMEOUT.toMillis());
        } catch (IOException e) {
            // The client aborting mid-handshake is the expected end; nothing to report.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One TLS record, header included. */
    private static byte[] readRecord(InputStream in) throws IOException {
        byte[] header = in.readNBytes(5);
        if (header.length < 5 || header[0] != 22) {
            throw new IOException("expected a handshake record from the client");
        }
        int length = u16(header, 3);
        byte[] record = new byte[5 + length];
        System.arraycopy(header, 0, record, 0, 5);
        if (in.readNBytes(record, 5, length) < length) {
            throw new IOException("the client's first record ended early");
        }
        return record;
    }

    /** Renames supported_versions in the ClientHello that fills {@code record} (RFC 8446 section 4.1.2 layout). */
    private static void hideSupportedVersions(byte[] record) throws IOException {
        int pos = 5 + 4 + 2 + 32;
        pos += 1 + (record[pos] & 0xff);
        pos += 2 + u16(record, pos);
        pos += 1 + (record[pos] & 0xff);
        int end = pos + 2 + u16(record, pos);
        pos += 2;
        while (pos + 4 <= end) {
            if (u16(record, pos) == SUPPORTED_VERSIONS) {
                record[pos] = (byte) (UNASSIGNED >> 8);
                record[pos + 1] = (byte) UNASSIGNED;
                return;
            }
            pos += 4 + u16(record, pos + 2);
        }
        throw new IOException("the ClientHello has no supported_versions extension");
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // One side closed or reset: the relay is over.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try {
            thread.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
