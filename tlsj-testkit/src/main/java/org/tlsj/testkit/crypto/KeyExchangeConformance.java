package org.tlsj.testkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.AlertDescription;
import org.tlsj.NamedGroup;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.EcCurve;
import org.tlsj.crypto.Encapsulation;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.KeyShare;
import org.tlsj.crypto.RandomSource;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;
import org.tlsj.testkit.ScriptedRandom;

/**
 * The key-exchange half of the provider conformance kit: X25519 against RFC 7748, the NIST curves and
 * the ML-KEM groups (hybrids and pure) against the JCA provider in both roles, and the rejection of bad peer shares with
 * illegal_parameter. Extend {@link CryptoProviderConformance} rather than this class.
 */
public abstract class KeyExchangeConformance {
    private static final SecureRandom SYSTEM = new SecureRandom();

    /** Creates the conformance base. */
    protected KeyExchangeConformance() {
    }

    /**
     * The provider under test, drawing all randomness from {@code random}. Its X25519 private scalar must
     * be exactly the next 32 bytes drawn (as with the JCA provider), so RFC vectors can be scripted.
     */
    protected abstract CryptoProvider provider(RandomSource random);

    /** The provider under test over the system's secure randomness. */
    protected final CryptoProvider provider() {
        return provider(SYSTEM::nextBytes);
    }

    /** The reference provider every result is checked against: the JDK's JCA. */
    protected static CryptoProvider reference() {
        return JcaCryptoProvider.create(SYSTEM::nextBytes);
    }

    /** The ECDHE groups over NIST curves; secp521r1 is optional and its tests run only if the provider lists it. */
    static List<NamedGroup> nistGroups() {
        return List.of(NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.SECP521R1);
    }

    /** Skips a NIST-group test for an optional group the provider does not list. */
    private void assumeImplemented(NamedGroup group) {
        assumeTrue(NamedGroup.SUPPORTED.contains(group) || provider().groups().contains(group),
                () -> "the provider does not implement the optional group " + group);
    }

    @Test
    void providerImplementsTheGroupsTlsjNegotiates() {
        assertThat(provider().groups()).containsAll(NamedGroup.SUPPORTED);
    }

    @Test
    void providerExposesItsRandomSource() {
        RandomSource source = new ScriptedRandom(1);
        assertThat(provider(source).random()).isSameAs(source);
    }

    @Test
    void x25519PublicSharesAreRfc7748Section61Keys() {
        assertThat(x25519(ConformanceVectors.X25519_ALICE_PRIVATE).publicShare().hex())
                .isEqualTo(ConformanceVectors.X25519_ALICE_PUBLIC);
        assertThat(x25519(ConformanceVectors.X25519_BOB_PRIVATE).publicShare().hex())
                .isEqualTo(ConformanceVectors.X25519_BOB_PUBLIC);
    }

    @Test
    void x25519AgreesOnRfc7748Section61SharedSecretBothWays() throws TlsFatalAlertException {
        assertThat(hex(x25519(ConformanceVectors.X25519_ALICE_PRIVATE)
                .complete(Bytes.fromHex(ConformanceVectors.X25519_BOB_PUBLIC))))
                .isEqualTo(ConformanceVectors.X25519_SHARED);
        assertThat(hex(x25519(ConformanceVectors.X25519_BOB_PRIVATE)
                .complete(Bytes.fromHex(ConformanceVectors.X25519_ALICE_PUBLIC))))
                .isEqualTo(ConformanceVectors.X25519_SHARED);
    }

    @Test
    void x25519ServerEncapsulationWithScriptedScalarIsRfc7748Bob() throws TlsFatalAlertException {
        CryptoProvider bob = provider(scripted(ConformanceVectors.X25519_BOB_PRIVATE));
        Encapsulation result = bob.encapsulate(NamedGroup.X25519, Bytes.fromHex(ConformanceVectors.X25519_ALICE_PUBLIC));
        assertThat(result.serverShare().hex()).isEqualTo(ConformanceVectors.X25519_BOB_PUBLIC);
        assertThat(hex(result.sharedSecret())).isEqualTo(ConformanceVectors.X25519_SHARED);
    }

    @Test
    void x25519AgreesWithJcaInBothRoles() throws TlsFatalAlertException {
        agreesWithReference(NamedGroup.X25519);
    }

    @ParameterizedTest
    @ValueSource(strings = {ConformanceVectors.X25519_ZERO_POINT, ConformanceVectors.X25519_ORDER_FOUR,
            ConformanceVectors.X25519_ORDER_EIGHT})
    void rejectsX25519PeerShareGivingAllZeroSecret(String peerShare) {
        KeyShare share = x25519(ConformanceVectors.X25519_ALICE_PRIVATE);
        assertIllegalParameter(() -> share.complete(Bytes.fromHex(peerShare)));
        assertIllegalParameter(() -> provider().encapsulate(NamedGroup.X25519, Bytes.fromHex(peerShare)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, 33, 65})
    void rejectsX25519PeerShareOfWrongLength(int length) {
        KeyShare share = provider().startKeyExchange(NamedGroup.X25519);
        Bytes peer = Bytes.wrap(new byte[length]);
        assertIllegalParameter(() -> share.complete(peer));
        assertIllegalParameter(() -> provider().encapsulate(NamedGroup.X25519, peer));
    }

    @ParameterizedTest
    @MethodSource("nistGroups")
    void ecdhAgreesWithJcaInBothRoles(NamedGroup group) throws TlsFatalAlertException {
        assumeImplemented(group);
        agreesWithReference(group);
    }

    @ParameterizedTest
    @MethodSource("nistGroups")
    void ecdhSharesAreUncompressedPointsOfTheFieldSize(NamedGroup group) {
        assumeImplemented(group);
        Bytes share = provider().startKeyExchange(group).publicShare();
        int field = EcCurve.forGroup(group).fieldBytes();
        assertThat(share.length()).isEqualTo(1 + 2 * field);
        assertThat(share.get(0)).isEqualTo(0x04);
    }

    @ParameterizedTest
    @MethodSource("nistGroups")
    void rejectsEcdhPointOffTheCurve(NamedGroup group) {
        assumeImplemented(group);
        byte[] point = reference().startKeyExchange(group).publicShare().toArray();
        point[point.length - 1] ^= 0x01;
        assertPeerShareRejected(group, Bytes.wrap(point));
    }

    @ParameterizedTest
    @MethodSource("nistGroups")
    void rejectsMalformedEcdhPoints(NamedGroup group) {
        assumeImplemented(group);
        Bytes valid = reference().startKeyExchange(group).publicShare();
        int field = (valid.length() - 1) / 2;
        byte[] compressed = valid.slice(0, 1 + field).toArray();
        compressed[0] = 0x02;
        assertPeerShareRejected(group, Bytes.wrap(compressed));
        assertPeerShareRejected(group, Bytes.fromHex("00"));
        assertPeerShareRejected(group, Bytes.EMPTY);
        assertPeerShareRejected(group, valid.concat(Bytes.fromHex("00")));
        assertPeerShareRejected(group, valid.slice(0, valid.length() - 1));
        byte[] hybrid = valid.toArray();
        hybrid[0] = 0x06;
        assertPeerShareRejected(group, Bytes.wrap(hybrid));
        assertPeerShareRejected(group, Bytes.fromHex("04").concat(Bytes.wrap(new byte[2 * field])));
    }

    @Test
    void rejectsP256PointWithCoordinateNotBelowThePrime() {
        Bytes valid = reference().startKeyExchange(NamedGroup.SECP256R1).publicShare();
        Bytes xIsP = Bytes.fromHex("04" + ConformanceVectors.P256_PRIME).concat(valid.slice(33, 65));
        assertPeerShareRejected(NamedGroup.SECP256R1, xIsP);
        Bytes yIsP = valid.slice(0, 33).concat(Bytes.fromHex(ConformanceVectors.P256_PRIME));
        assertPeerShareRejected(NamedGroup.SECP256R1, yIsP);
    }

    @ParameterizedTest
    @MethodSource("nistGroups")
    void rejectsEcdhPointWithCoordinateNotBelowThePrime(NamedGroup group) {
        assumeImplemented(group);
        // p itself (and x + p for a valid x) reduces to a point on the curve; an unreduced coordinate is still invalid.
        EcCurve curve = EcCurve.forGroup(group);
        int n = curve.fieldBytes();
        Bytes valid = reference().startKeyExchange(group).publicShare();
        Bytes prime = Bytes.wrap(curve.uncompressed(new ECPoint(primeOf(curve), BigInteger.ZERO))).slice(1, 1 + n);
        assertPeerShareRejected(group, Bytes.fromHex("04").concat(prime).concat(valid.slice(1 + n, 1 + 2 * n)));
        assertPeerShareRejected(group, valid.slice(0, 1 + n).concat(prime));
    }

    @Test
    void p521CoordinatesUseOnly521BitsOf66Bytes() throws TlsFatalAlertException {
        assumeImplemented(NamedGroup.SECP521R1);
        // 521-bit coordinates in 66 bytes: a peer X whose top byte exceeds 0x01 is at least 2^521 > p.
        Bytes valid = reference().startKeyExchange(NamedGroup.SECP521R1).publicShare();
        byte[] high = valid.toArray();
        high[1] = (byte) 0x02;
        assertPeerShareRejected(NamedGroup.SECP521R1, Bytes.wrap(high));
        assertThat(provider().startKeyExchange(NamedGroup.SECP521R1).publicShare().get(1)).isLessThanOrEqualTo(1);
    }

    private static BigInteger primeOf(EcCurve curve) {
        return ((ECFieldFp) curve.params().getCurve().getField()).getP();
    }

    @Test
    void hybridAgreesWithJcaInBothRoles() throws TlsFatalAlertException {
        agreesWithReference(NamedGroup.X25519MLKEM768);
    }

    @Test
    void hybridSharesHaveTheDraftLengths() throws TlsFatalAlertException {
        KeyShare client = provider().startKeyExchange(NamedGroup.X25519MLKEM768);
        assertThat(client.publicShare().length()).isEqualTo(1184 + 32);
        Encapsulation server = provider().encapsulate(NamedGroup.X25519MLKEM768, client.publicShare());
        assertThat(server.serverShare().length()).isEqualTo(1088 + 32);
        assertThat(server.sharedSecret().length()).isEqualTo(64);
    }

    @Test
    void rejectsHybridSharesOfWrongLength() {
        KeyShare client = provider().startKeyExchange(NamedGroup.X25519MLKEM768);
        assertIllegalParameter(() -> client.complete(Bytes.wrap(new byte[1088])));
        assertIllegalParameter(() -> provider().encapsulate(NamedGroup.X25519MLKEM768,
                client.publicShare().slice(0, 1184)));
    }

    @Test
    void rejectsHybridShareWithAllZeroX25519Part() {
        Bytes mlKem = reference().startKeyExchange(NamedGroup.X25519MLKEM768).publicShare().slice(0, 1184);
        assertIllegalParameter(() -> provider().encapsulate(NamedGroup.X25519MLKEM768,
                mlKem.concat(Bytes.fromHex(ConformanceVectors.X25519_ZERO_POINT))));
    }

    /** The KEM groups beside X25519MLKEM768: the NIST-curve hybrids (RFC 10024) and pure ML-KEM. */
    static List<NamedGroup> otherKemGroups() {
        return List.of(NamedGroup.SECP256R1MLKEM768, NamedGroup.SECP384R1MLKEM1024, NamedGroup.MLKEM768,
                NamedGroup.MLKEM1024);
    }

    @ParameterizedTest
    @MethodSource("otherKemGroups")
    void kemGroupAgreesWithJcaInBothRolesWithTheDraftLengths(NamedGroup group) throws TlsFatalAlertException {
        assumeImplemented(group);
        agreesWithReference(group);
        // client share, server share, secret: RFC 10024 section 4 and draft-ietf-tls-mlkem section 3
        int[] lengths = switch (group.displayName()) {
            case "SecP256r1MLKEM768" -> new int[] {65 + 1184, 65 + 1088, 32 + 32};
            case "SecP384r1MLKEM1024" -> new int[] {97 + 1568, 97 + 1568, 48 + 32};
            case "MLKEM768" -> new int[] {1184, 1088, 32};
            default -> new int[] {1568, 1568, 32};
        };
        KeyShare client = provider().startKeyExchange(group);
        Encapsulation server = provider().encapsulate(group, client.publicShare());
        assertThat(new int[] {client.publicShare().length(), server.serverShare().length(),
                server.sharedSecret().length()}).as("%s", group).containsExactly(lengths);
    }

    @ParameterizedTest
    @MethodSource("otherKemGroups")
    void rejectsKemSharesOfWrongLength(NamedGroup group) throws TlsFatalAlertException {
        assumeImplemented(group);
        KeyShare client = provider().startKeyExchange(group);
        Bytes share = client.publicShare();
        assertIllegalParameter(() -> provider().encapsulate(group, share.slice(0, share.length() - 1)));
        Bytes server = reference().encapsulate(group, share).serverShare();
        assertIllegalParameter(() -> client.complete(server.concat(Bytes.fromHex("00"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SecP256r1MLKEM768", "SecP384r1MLKEM1024"})
    void rejectsHybridWhoseEcdhPointIsOffTheCurveOrZero(String name) throws TlsFatalAlertException {
        NamedGroup group = NamedGroup.byName(name).orElseThrow();
        int point = group.equals(NamedGroup.SECP256R1MLKEM768) ? 65 : 97; // the ECDH part comes first
        KeyShare client = provider().startKeyExchange(group);
        byte[] offCurve = reference().startKeyExchange(group).publicShare().toArray();
        offCurve[point - 1] ^= 1;
        assertIllegalParameter(() -> provider().encapsulate(group, Bytes.wrap(offCurve)));
        byte[] zero = offCurve.clone();
        Arrays.fill(zero, 1, point, (byte) 0);
        assertIllegalParameter(() -> provider().encapsulate(group, Bytes.wrap(zero)));
        byte[] server = reference().encapsulate(group, client.publicShare()).serverShare().toArray();
        server[point - 1] ^= 1;
        assertIllegalParameter(() -> client.complete(Bytes.wrap(server)));
    }

    /** The provider's share completed by the reference, and the reference's share completed by the provider. */
    private void agreesWithReference(NamedGroup group) throws TlsFatalAlertException {
        KeyShare ours = provider().startKeyExchange(group);
        assertThat(ours.group()).isEqualTo(group);
        Encapsulation theirs = reference().encapsulate(group, ours.publicShare());
        assertThat(ours.complete(theirs.serverShare()).expose()).as("%s, provider as client", group)
                .isEqualTo(theirs.sharedSecret().expose());

        KeyShare client = reference().startKeyExchange(group);
        Encapsulation server = provider().encapsulate(group, client.publicShare());
        assertThat(client.complete(server.serverShare()).expose()).as("%s, provider as server", group)
                .isEqualTo(server.sharedSecret().expose());
    }

    private void assertPeerShareRejected(NamedGroup group, Bytes peer) {
        KeyShare share = provider().startKeyExchange(group);
        assertIllegalParameter(() -> share.complete(peer));
        assertIllegalParameter(() -> provider().encapsulate(group, peer));
    }

    static void assertIllegalParameter(ThrowingCallable action) {
        assertThatThrownBy(action).isInstanceOfSatisfying(TlsFatalAlertException.class, e -> {
            assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
            assertThat(e.reason()).isEqualTo(Reason.InvalidMessage.BAD_KEY_SHARE);
        });
    }

    private KeyShare x25519(String privateScalar) {
        return provider(scripted(privateScalar)).startKeyExchange(NamedGroup.X25519);
    }

    /** A source whose first 32-byte request answers the scalar, then seeded bytes. */
    static ScriptedRandom scripted(String privateScalar) {
        return new ScriptedRandom(7).then(Bytes.fromHex(privateScalar));
    }

    static String hex(Secret secret) {
        return HexFormat.of().formatHex(secret.expose());
    }
}
