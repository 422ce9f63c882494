package org.tlsj.testkit.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConfig;
import org.tlsj.ClientConnection;
import org.tlsj.ServerConfig;
import org.tlsj.ServerConnection;
import org.tlsj.TlsConnection;
import org.tlsj.TlsException;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.Bytes;
import org.tlsj.testkit.TestPair;

/**
 * A scriptable attacker that speaks raw TLS records to one of our sans-IO connections (the victim). The
 * test sends any bytes it likes: hand-built plaintext records, or protected records sealed under the
 * keys the victim expects from its peer (taken from the victim's own key log). For attacks after the
 * keys change it can bring an honest accomplice (a real connection of the other role): the test relays
 * the honest peer's flights, opened into plaintext, and may drop, reorder or change messages before
 * sealing them again for the victim.
 *
 * <p>Everything the victim writes is decoded (protected records are opened under the victim's own
 * logged keys), so a test asserts on plaintext records: {@link #response()} holds what the victim wrote
 * in answer to the last {@link #send}.
 *
 * <p>TLS 1.3 keys go by their key log labels. A TLS 1.2 connection has one key per direction, switched on
 * by each side's ChangeCipherSpec and derived from the logged master secret and the randoms of the
 * hellos that passed by; its labels are {@link #TLS12_CLIENT_WRITE} and {@link #TLS12_SERVER_WRITE}.
 */
public final class ScriptedPeer {
    private static final String[] CLIENT_LABELS = {"CLIENT_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0"};
    private static final String[] SERVER_LABELS = {"SERVER_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0"};
    /** The label of the TLS 1.2 key the client writes with (the victim's read key when it is the server). */
    public static final String TLS12_CLIENT_WRITE = "TLS12_CLIENT_WRITE";
    /** The label of the TLS 1.2 key the server writes with (the victim's read key when it is the client). */
    public static final String TLS12_SERVER_WRITE = "TLS12_SERVER_WRITE";
    private static final String TLS12_MASTER = "CLIENT_RANDOM";
    private static final ThreadLocal<Boolean> TRICKLING = ThreadLocal.withInitial(() -> false);

    private final TlsConnection victim;
    private final boolean victimIsClient;
    private final KeyCapture victimKeys;
    private CipherSuite suite = CipherSuite.TLS_AES_128_GCM_SHA256;
    private TlsConnection honest;
    private KeyCapture honestKeys;
    private TlsException failure;
    private TlsException honestFailure;
    private final ByteArrayOutputStream pendingToHonest = new ByteArrayOutputStream();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final ByteBuffer sink = ByteBuffer.allocate(1 << 15);
    private final List<Records.Record> victimRecords = new ArrayList<>();
    private int responseStart;
    private final Map<String, RecordSealer> victimWriteOpeners = new HashMap<>();
    private final Map<String, RecordSealer> honestWriteOpeners = new HashMap<>();
    private final Map<String, RecordSealer> attackerSealers = new HashMap<>();
    private final HelloRandoms hellos = new HelloRandoms();
    private boolean victimChangedCipherSpec;
    private boolean honestChangedCipherSpec;
    private boolean oneByteAtATime;

    private ScriptedPeer(TlsConnection victim, boolean victimIsClient, KeyCapture victimKeys) {
        this.victim = victim;
        this.victimIsClient = victimIsClient;
        this.victimKeys = victimKeys;
        this.oneByteAtATime = TRICKLING.get();
        drainVictim();
    }

    /** Attacks our client: the test plays the server. The client's ClientHello is queued at once. */
    public static ScriptedPeer againstClient(ClientConfig.Builder config, String serverName) {
        KeyCapture keys = new KeyCapture();
        return new ScriptedPeer(ClientConnection.start(config.keyLog(keys).build(), serverName), true, keys);
    }

    /** Attacks our server: the test plays the client. */
    public static ScriptedPeer againstServer(ServerConfig.Builder config) {
        KeyCapture keys = new KeyCapture();
        return new ScriptedPeer(ServerConnection.accept(config.keyLog(keys).build()), false, keys);
    }

    /** Brings an honest server as accomplice (for a client victim). */
    public ScriptedPeer withHonestServer(ServerConfig.Builder config) {
        requireRole(true);
        honestKeys = new KeyCapture();
        honest = ServerConnection.accept(config.keyLog(honestKeys).build());
        return this;
    }

    /** Brings an honest client as accomplice (for a server victim); its ClientHello is queued at once. */
    public ScriptedPeer withHonestClient(ClientConfig.Builder config, String serverName) {
        requireRole(false);
        honestKeys = new KeyCapture();
        honest = ClientConnection.start(config.keyLog(honestKeys).build(), serverName);
        return this;
    }

    /** Sets the TLS 1.3 cipher suite the keys belong to (default TLS_AES_128_GCM_SHA256). */
    public ScriptedPeer suite(CipherSuite s) {
        suite = s;
        return this;
    }

    /**
     * Feeds every later {@link #send} to the victim one byte at a time (each byte its own {@code feed} call),
     * as a peer trickling its bytes would.
     */
    public ScriptedPeer oneByteAtATime() {
        oneByteAtATime = true;
        return this;
    }

    /**
     * Runs a scenario in which every ScriptedPeer made on this thread feeds its victim one byte at a time,
     * so a test suite can replay its cases as a trickling peer.
     */
    public static <T> T trickling(Callable<T> scenario) throws Exception {
        boolean before = TRICKLING.get();
        TRICKLING.set(true);
        try {
            return scenario.call();
        } finally {
            TRICKLING.set(before);
        }
    }

    private void requireRole(boolean client) {
        if (victimIsClient != client) {
            throw new IllegalStateException("the accomplice must play the victim's peer");
        }
    }

    /** The connection under attack. */
    public TlsConnection victim() {
        return victim;
    }

    /** The victim's key log. */
    public KeyCapture victimKeys() {
        return victimKeys;
    }

    /** The honest accomplice. */
    public TlsConnection honest() {
        if (honest == null) {
            throw new IllegalStateException("no accomplice");
        }
        return honest;
    }

    /** The first failure the victim raised, if any. */
    public Optional<TlsException> failure() {
        return Optional.ofNullable(failure);
    }

    /** The accomplice's failure, if any. */
    public Optional<TlsException> honestFailure() {
        return Optional.ofNullable(honestFailure);
    }

    /** The ClientHello our client victim sent (decoded from its first record). */
    public ClientHello clientHello() {
        requireRole(true);
        Records.Record first = victimRecords.getFirst();
        try {
            return (ClientHello) HandshakeCodec.decode(Records.messages(first.body().toArray()).getFirst());
        } catch (TlsException e) {
            throw new IllegalStateException("our own ClientHello does not decode", e);
        }
    }

    // ---- sending to the victim --------------------------------------------------------------------------

    /**
     * Feeds raw bytes to the victim (all of them, or until it fails). What it writes in answer is in
     * {@link #response()}; its failure in {@link #failure()}.
     */
    public ScriptedPeer send(byte[] bytes) {
        drainVictim();
        responseStart = victimRecords.size();
        if (!isTls12()) { // once the TLS 1.2 keys exist, the randoms are settled (and records are ciphertext)
            Records.split(bytes).forEach(hellos::see);
        }
        try {
            if (oneByteAtATime) {
                for (int i = 0; i < bytes.length; i++) {
                    feed(ByteBuffer.wrap(bytes, i, 1));
                }
            } else {
                feed(ByteBuffer.wrap(bytes));
            }
        } catch (TlsException e) {
            if (failure == null) {
                failure = e;
            }
        }
        drainVictim();
        return this;
    }

    /** Feeds and reads like an application: the victim holds a record back while plaintext is unread. */
    private void feed(ByteBuffer in) throws TlsException {
        while (in.hasRemaining()) {
            victim.feed(in);
            readPlaintext();
        }
    }

    /** Sends one plaintext record. */
    public ScriptedPeer sendRecord(int type, byte[] body) {
        return send(Records.record(type, body));
    }

    /**
     * Seals one record under the key the victim expects from its peer ({@code label}, from the victim's
     * key log; the sequence number continues across calls and relayed records) and sends it.
     */
    public ScriptedPeer sendProtected(String label, int type, byte[] content) {
        return send(sealer(label).seal(type, content));
    }

    /** Seals a handshake byte stream in records of at most 2^14 bytes under {@code label} and sends it. */
    public ScriptedPeer sendProtectedHandshake(String label, byte[] stream) {
        return send(Records.sealHandshake(sealer(label), stream));
    }

    /** The attacker's sealer for a key the victim reads with (shared by every send under that label). */
    public RecordSealer sealer(String label) {
        return attackerSealers.computeIfAbsent(label, l -> newSealer(l, victimKeys));
    }

    private RecordSealer newSealer(String label, KeyCapture keys) {
        if (!label.equals(TLS12_CLIENT_WRITE) && !label.equals(TLS12_SERVER_WRITE)) {
            return RecordSealer.of(suite, keys.secret(label));
        }
        return hellos.sealer(keys.secret(TLS12_MASTER), label.equals(TLS12_CLIENT_WRITE));
    }

    /** Whether the victim negotiated TLS 1.2 and has its master secret (logged as CLIENT_RANDOM). */
    public boolean isTls12() {
        return victimKeys.has(TLS12_MASTER);
    }


    /** Replaces the sealer for a label (after a KeyUpdate the test sent). */
    public void replaceSealer(String label, RecordSealer sealer) {
        attackerSealers.put(label, sealer);
    }

    /** The peer's write key labels: the keys the victim reads with, handshake then application. */
    public List<String> peerLabels() {
        if (isTls12()) {
            return List.of(victimIsClient ? TLS12_SERVER_WRITE : TLS12_CLIENT_WRITE);
        }
        return List.of(victimIsClient ? SERVER_LABELS : CLIENT_LABELS);
    }

    private void readPlaintext() throws TlsException {
        sink.clear();
        while (victim.read(sink) > 0) {
            received.write(sink.array(), 0, sink.position());
            sink.clear();
        }
    }

    /** The application data the victim received so far (the attacker reads it as the application would). */
    public byte[] received() {
        return received.toByteArray();
    }

    // ---- what the victim wrote --------------------------------------------------------------------------

    /** Every record the victim wrote so far, opened where it was protected. */
    public List<Records.Record> victimRecords() {
        drainVictim();
        return List.copyOf(victimRecords);
    }

    /** The records the victim wrote in answer to the last {@link #send}, opened where protected. */
    public List<Records.Record> response() {
        drainVictim();
        return List.copyOf(victimRecords.subList(responseStart, victimRecords.size()));
    }

    private void drainVictim() {
        byte[] out = TestPair.drain(victim);
        pendingToHonest.writeBytes(out);
        for (byte[] r : Records.split(out)) {
            if (victimChangedCipherSpec && isTls12()) {
                victimRecords.add(open12(r, victimWriteOpeners, victimKeys, !victimIsClient));
                continue;
            }
            if (!isTls12()) {
                hellos.see(r);
            }
            victimChangedCipherSpec |= (r[0] & 0xff) == Records.CHANGE_CIPHER_SPEC;
            victimRecords.add(openRecord(r, victimWriteOpeners, victimKeys,
                    victimIsClient ? CLIENT_LABELS : SERVER_LABELS));
        }
    }

    /** Opens a TLS 1.2 record written after its writer's ChangeCipherSpec; as is if it does not open. */
    private Records.Record open12(byte[] r, Map<String, RecordSealer> openers, KeyCapture keys, boolean serverWrote) {
        String label = serverWrote ? TLS12_SERVER_WRITE : TLS12_CLIENT_WRITE;
        return openers.computeIfAbsent(label, l -> newSealer(l, keys)).open(r)
                .orElseGet(() -> new Records.Record(r[0] & 0xff, Bytes.of(r, 5, r.length - 5), false));
    }

    private Records.Record openRecord(byte[] r, Map<String, RecordSealer> openers, KeyCapture keys,
                                      String[] labels) {
        int type = r[0] & 0xff;
        if (type == Records.APPLICATION_DATA) {
            for (String label : labels) {
                if (!keys.has(label)) {
                    continue;
                }
                Optional<Records.Record> opened = openers.computeIfAbsent(label,
                        l -> RecordSealer.of(suite, keys.secret(l))).open(r);
                if (opened.isPresent()) {
                    return opened.get();
                }
            }
        }
        return new Records.Record(type, Bytes.of(r, 5, r.length - 5), false);
    }

    // ---- the accomplice ---------------------------------------------------------------------------------

    /** Passes everything the victim wrote so far to the honest peer. */
    public ScriptedPeer relayToHonest() {
        drainVictim();
        byte[] bytes = pendingToHonest.toByteArray();
        pendingToHonest.reset();
        try {
            honest().feed(ByteBuffer.wrap(bytes));
        } catch (TlsException e) {
            honestFailure = e;
        }
        return this;
    }

    /**
     * Takes what the honest peer has to send, record by record, opening protected records under the
     * honest peer's own write keys. The victim has not seen any of it.
     */
    public List<Records.Record> takeFromHonest() {
        List<Records.Record> out = new ArrayList<>();
        for (byte[] r : Records.split(TestPair.drain(honest()))) {
            out.add(fromHonest(r));
        }
        return out;
    }

    private Records.Record fromHonest(byte[] r) {
        if (honestChangedCipherSpec && honestKeys.has(TLS12_MASTER)) {
            return open12(r, honestWriteOpeners, honestKeys, victimIsClient);
        }
        if (!isTls12()) {
            hellos.see(r);
        }
        honestChangedCipherSpec |= (r[0] & 0xff) == Records.CHANGE_CIPHER_SPEC;
        return openRecord(r, honestWriteOpeners, honestKeys, victimIsClient ? SERVER_LABELS : CLIENT_LABELS);
    }

    /**
     * Passes the honest peer's output to the victim unchanged, record by record, keeping the attacker's
     * sealers in step (so a test can later inject records under the same keys). Stops once the victim has
     * failed: {@link #response()} is then its answer to the record that failed it (a TLS 1.3 server's tickets
     * may follow its Finished in the same flight).
     */
    public ScriptedPeer relayToVictim() {
        for (byte[] r : Records.split(TestPair.drain(honest()))) {
            if (failure().isPresent()) {
                break;
            }
            if (fromHonest(r).wasProtected() && isTls12()) {
                sealer(peerLabels().getFirst()).open(r); // the attacker's sealer keeps in step
            } else if ((r[0] & 0xff) == Records.APPLICATION_DATA && !isTls12()) {
                for (String label : peerLabels()) {
                    if (victimKeys.has(label) && sealer(label).open(r).isPresent()) {
                        break;
                    }
                }
            }
            send(r);
        }
        return this;
    }

    /** Relays both ways until neither side has anything to send; requires both to finish the handshake. */
    public ScriptedPeer handshakeHonestly() {
        for (int guard = 0; guard < 100; guard++) {
            drainVictim();
            boolean moved = pendingToHonest.size() > 0 || honest().hasPendingOutput();
            relayToHonest();
            relayToVictim();
            if (!moved) {
                break;
            }
        }
        if (!victim.isHandshakeComplete() || !honest.isHandshakeComplete()) {
            throw new IllegalStateException("honest handshake failed: victim " + failure + ", honest " + honestFailure);
        }
        return this;
    }

    /** The handshake byte stream carried by these records (protected or not, as chosen). */
    public static byte[] handshakeStream(List<Records.Record> records, boolean fromProtected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Records.Record r : records) {
            if (r.type() == Records.HANDSHAKE && r.wasProtected() == fromProtected) {
                out.writeBytes(r.body().toArray());
            }
        }
        return out.toByteArray();
    }

    /** Names the roles only. */
    @Override
    public String toString() {
        return "ScriptedPeer[victim=" + (victimIsClient ? "client" : "server") + ", status=" + victim.status() + "]";
    }
}
