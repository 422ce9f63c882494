package org.tlsj.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedChainsTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final X509Certificate CERT = localhost();
    private static final Instant NOT_BEFORE = CERT.getNotBefore().toInstant();
    private static final Instant NOT_AFTER = CERT.getNotAfter().toInstant();
    private static final Instant NOW = NOT_BEFORE.plus(Duration.ofDays(30));
    private static final Object ANCHORS = new Object();

    private static X509Certificate localhost() {
        try (InputStream in = VerifiedChainsTest.class.getResourceAsStream("/org/tlsj/io/localhost.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test certificate unreadable", e);
        }
    }

    private static VerifiedChains.Key key(Object anchors, String host, String purpose) {
        return VerifiedChains.key(List.of(CERT), anchors, Optional.ofNullable(host), purpose).orElseThrow();
    }

    private static VerifiedChains cacheWith(VerifiedChains.Key key, Instant validatedAt) {
        VerifiedChains cache = new VerifiedChains(4, TTL);
        cache.put(key, "chain: ok", List.of(CERT), validatedAt);
        return cache;
    }

    @Test
    void findsChainValidatedEarlierWithinTheTimeToLive() {
        VerifiedChains cache = cacheWith(key(ANCHORS, "localhost", SERVER_AUTH), NOW);

        assertThat(cache.find(key(ANCHORS, "localhost", SERVER_AUTH), NOW.plus(TTL)))
                .map(VerifiedChains.Entry::chainCheck).contains("chain: ok");
    }

    @Test
    void keysByExactChainBytesNotByCertificateObject() {
        VerifiedChains cache = cacheWith(key(ANCHORS, "localhost", SERVER_AUTH), NOW);
        X509Certificate sameBytesOtherObject = localhost();

        var again = VerifiedChains.key(List.of(sameBytesOtherObject), ANCHORS, Optional.of("localhost"), SERVER_AUTH);
        var longer = VerifiedChains.key(List.of(CERT, CERT), ANCHORS, Optional.of("localhost"), SERVER_AUTH);

        assertThat(cache.find(again.orElseThrow(), NOW)).isPresent();
        assertThat(cache.find(longer.orElseThrow(), NOW)).isEmpty();
    }

    @Test
    void missesForAnotherHostPurposeOrTrustAnchors() {
        VerifiedChains cache = cacheWith(key(ANCHORS, "localhost", SERVER_AUTH), NOW);

        assertThat(cache.find(key(ANCHORS, "example.com", SERVER_AUTH), NOW)).isEmpty();
        assertThat(cache.find(key(ANCHORS, null, SERVER_AUTH), NOW)).isEmpty();
        assertThat(cache.find(key(ANCHORS, "localhost", CLIENT_AUTH), NOW)).isEmpty();
        assertThat(cache.find(key(new Object(), "localhost", SERVER_AUTH), NOW)).isEmpty();
    }

    @Test
    void entryExpiresAfterTheTimeToLiveAndIsDropped() {
        VerifiedChains.Key key = key(ANCHORS, "localhost", SERVER_AUTH);
        VerifiedChains cache = cacheWith(key, NOW);

        assertThat(cache.find(key, NOW.plus(TTL).plusSeconds(1))).isEmpty();
        assertThat(cache.size()).isZero();
        assertThat(cache.find(key, NOW)).isEmpty();
    }

    @Test
    void entryNeverOutlivesTheCertificatesNotAfter() {
        VerifiedChains.Key key = key(ANCHORS, "localhost", SERVER_AUTH);
        Instant validatedAt = NOT_AFTER.minusSeconds(10);
        VerifiedChains cache = cacheWith(key, validatedAt);

        assertThat(cache.find(key, NOT_AFTER)).isPresent();
        assertThat(cache.find(key, NOT_AFTER.plusSeconds(1))).isEmpty();
    }

    @Test
    void clockGoingBackBeforeTheValidationMisses() {
        VerifiedChains.Key key = key(ANCHORS, "localhost", SERVER_AUTH);
        VerifiedChains cache = cacheWith(key, NOW);

        assertThat(cache.find(key, NOW.minusSeconds(1))).isEmpty();
    }

    @Test
    void holdsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        VerifiedChains cache = new VerifiedChains(3, TTL);
        List<VerifiedChains.Key> keys = List.of(key(ANCHORS, "a", SERVER_AUTH), key(ANCHORS, "b", SERVER_AUTH),
                key(ANCHORS, "c", SERVER_AUTH), key(ANCHORS, "d", SERVER_AUTH));
        cache.put(keys.get(0), "a", List.of(CERT), NOW);
        cache.put(keys.get(1), "b", List.of(CERT), NOW);
        cache.put(keys.get(2), "c", List.of(CERT), NOW);
        assertThat(cache.find(keys.get(0), NOW)).isPresent(); // "a" is now the most recently used

        cache.put(keys.get(3), "d", List.of(CERT), NOW);

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.find(keys.get(1), NOW)).isEmpty();
        assertThat(cache.find(keys.get(0), NOW)).isPresent();
        assertThat(cache.find(keys.get(3), NOW)).isPresent();
    }

    @Test
    void manyDistinctChainsStayWithinTheDefaultBound() {
        VerifiedChains cache = new VerifiedChains(VerifiedChains.DEFAULT_CAPACITY, TTL);
        for (int i = 0; i < VerifiedChains.DEFAULT_CAPACITY * 3; i++) {
            cache.put(key(ANCHORS, "host" + i, SERVER_AUTH), "chain", List.of(CERT), NOW);
        }

        assertThat(cache.size()).isEqualTo(VerifiedChains.DEFAULT_CAPACITY);
    }
}
