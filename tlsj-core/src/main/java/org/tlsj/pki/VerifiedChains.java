package org.tlsj.pki;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsj.Bytes;

/**
 * Chains that passed PKIX path validation, so that a client reconnecting to the same server (or a server
 * seeing the same client certificate again) does not re-run {@code CertPathValidator}, which costs more than
 * the rest of the certificate handling together.
 *
 * <p>What is cached is only the path validation result (trust and each certificate's signature and dates).
 * An entry is found only for the same chain bytes as sent, the same trust anchors object, the same host name
 * and purpose, and a time {@code now} that lies inside the entry's window: not before it was validated, not
 * past {@link #ttl} after that, and inside every path certificate's validity (so expiry is seen exactly as
 * the validator would see it). Failures are never cached. The purpose and host name checks are made by the
 * caller on every use, and the handshake's signature check (CertificateVerify) never involves this cache.
 * At most {@link #capacity} entries are kept; the least recently used goes first. The time to live also
 * bounds how long a change that is not part of the key (the JDK's disabled algorithms security property)
 * takes to apply. Thread-safe.
 */
final class VerifiedChains {
    /** Entries kept by the verifiers. */
    static final int DEFAULT_CAPACITY = 128;
    /** How long an entry is trusted at most, whatever the certificates' dates say. */
    static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    private final int capacity;
    private final Duration ttl;
    private final LinkedHashMap<Key, Entry> entries;

    /**
     * What a cached validation is keyed by.
     *
     * @param chain each certificate's DER encoding, in the order sent
     * @param anchors the trust anchors object validated against (compared by identity)
     * @param serverName the host name checked after validation, if any
     * @param purpose the extended key usage OID checked after validation
     */
    record Key(List<Bytes> chain, Object anchors, Optional<String> serverName, String purpose) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.anchors == anchors && k.chain.equals(chain)
                    && k.serverName.equals(serverName) && k.purpose.equals(purpose);
        }

        @Override
        public int hashCode() {
            return chain.hashCode() * 31 + System.identityHashCode(anchors);
        }
    }

    /**
     * A validation that passed.
     *
     * @param chainCheck the check line naming the chain and the anchor it reached
     * @param validatedAt the {@code now} of the validation
     * @param from the latest notBefore of the path's certificates
     * @param until the earliest of the path's notAfter and {@code validatedAt} plus the time to live
     */
    record Entry(String chainCheck, Instant validatedAt, Instant from, Instant until) {
        boolean covers(Instant now) {
            return !now.isBefore(validatedAt) && !now.isBefore(from) && !now.isAfter(until);
        }
    }

    VerifiedChains(int capacity, Duration ttl) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The key of a chain as sent; empty if a certificate cannot be encoded (then it is simply not cached). */
    static Optional<Key> key(List<X509Certificate> chain, Object anchors, Optional<String> serverName, String purpose) {
        List<Bytes> der = new ArrayList<>(chain.size());
        try {
            for (X509Certificate c : chain) {
                der.add(Bytes.wrap(c.getEncoded()));
            }
        } catch (CertificateEncodingException e) {
            return Optional.empty();
        }
        return Optional.of(new Key(List.copyOf(der), anchors, serverName, purpose));
    }

    /** The entry for this key if it covers {@code now}; an entry that no longer covers it is dropped. */
    synchronized Optional<Entry> find(Key key, Instant now) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.covers(now)) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /**
     * Remembers a validation that passed at {@code now} for the certificates of {@code path} (the chain as
     * validated, a subset of the chain as sent).
     */
    synchronized void put(Key key, String chainCheck, List<X509Certificate> path, Instant now) {
        Instant from = Instant.MIN;
        Instant until = now.plus(ttl);
        for (X509Certificate c : path) {
            Instant notBefore = c.getNotBefore().toInstant();
            Instant notAfter = c.getNotAfter().toInstant();
            from = notBefore.isAfter(from) ? notBefore : from;
            until = notAfter.isBefore(until) ? notAfter : until;
        }
        entries.put(key, new Entry(chainCheck, now, from, until));
        if (entries.size() > capacity) {
            Map.Entry<Key, Entry> eldest = entries.entrySet().iterator().next();
            entries.remove(eldest.getKey());
        }
    }

    /** How many entries are held. */
    synchronized int size() {
        return entries.size();
    }

    /** The most entries held. */
    int capacity() {
        return capacity;
    }
}
