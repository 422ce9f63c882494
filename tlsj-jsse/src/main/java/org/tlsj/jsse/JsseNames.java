package org.tlsj.jsse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SignatureScheme;

/** Translates between JSSE's standard names and tlsj's values (protocols, suites, groups, schemes). */
final class JsseNames {
    /** The protocols tlsj implements, highest first. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** Every suite tlsj implements by its upper-case standard name. */
    private static final Map<String, CipherSuite> SUITES_BY_NAME = CipherSuite.supported().stream()
            .collect(Collectors.toUnmodifiableMap(s -> s.displayName().toUpperCase(Locale.ROOT), s -> s));
    /** The signature schemes tlsj knows by lower-case name, as {@code SignatureScheme.byName} finds them. */
    private static final Map<String, SignatureScheme> SCHEMES_BY_NAME = SignatureScheme.CERTIFICATE_DEFAULTS.stream()
            .collect(Collectors.toUnmodifiableMap(s -> s.displayName().toLowerCase(Locale.ROOT), s -> s, (a, b) -> a));
    private static final Map<List<ProtocolVersion>, List<CipherSuite>> DEFAULT_SUITES = new ConcurrentHashMap<>();
    private static final NameMemo<CipherSuite> SUITE_NAMES = new NameMemo<>(
            l -> l.stream().map(CipherSuite::displayName).toArray(String[]::new));
    private static final NameMemo<NamedGroup> GROUP_NAMES = new NameMemo<>(
            l -> l.stream().map(NamedGroup::displayName).toArray(String[]::new));
    private static final NameMemo<SignatureScheme> SCHEME_NAMES = new NameMemo<>(
            l -> l.stream().map(SignatureScheme::displayName).toArray(String[]::new));
    private static final NameMemo<SignatureScheme> LOCAL_JCA_NAMES = new NameMemo<>(JsseNames::localJcaNames);
    private static final NameMemo<SignatureScheme> JCA_NAMES = new NameMemo<>(
            l -> l.stream().map(JsseNames::jcaName).flatMap(Optional::stream).distinct().toArray(String[]::new));

    private JsseNames() {
    }

    /** Standard names of every suite tlsj implements (signalling values excluded). */
    static String[] supportedSuites() {
        return CipherSuite.supported().stream().map(CipherSuite::displayName).toArray(String[]::new);
    }

    /** The default suites for these versions: TLS 1.3 ones, then TLS 1.2 ECDHE ones. */
    static List<CipherSuite> defaultSuites(List<ProtocolVersion> versions) {
        return DEFAULT_SUITES.computeIfAbsent(List.copyOf(versions), v -> CipherSuite.DEFAULTS.stream()
                .filter(s -> v.contains(s.version().orElseThrow()) && SUITES_BY_NAME.containsValue(s)).toList());
    }

    /** Standard names of these suites. */
    static String[] suiteNames(List<CipherSuite> suites) {
        return SUITE_NAMES.of(suites);
    }

    /** Protocol names, highest first. */
    static String[] protocolNames(List<ProtocolVersion> versions) {
        return versions.stream().map(ProtocolVersion::displayName).toArray(String[]::new);
    }

    /**
     * Parses enabled protocol names; unknown names are rejected as JSSE does, old versions are ignored.
     *
     * @throws IllegalArgumentException for names that are not protocol names
     */
    static List<ProtocolVersion> protocols(String[] names) {
        List<ProtocolVersion> out = new ArrayList<>();
        for (String n : names) {
            switch (n) {
                case "TLSv1.3" -> out.add(ProtocolVersion.TLS13);
                case "TLSv1.2" -> out.add(ProtocolVersion.TLS12);
                case "TLSv1.1", "TLSv1", "SSLv3", "SSLv2Hello", "DTLSv1.2", "DTLSv1.0" -> { }
                default -> throw new IllegalArgumentException("unsupported protocol: " + n);
            }
        }
        return out.stream().distinct().sorted((a, b) -> b.code() - a.code()).toList();
    }

    /**
     * Parses standard suite names, keeping the order; unknown or unsupported names are skipped, as
     * SunJSSE does for names it knows but cannot use.
     *
     * @throws IllegalArgumentException for a null name
     */
    static List<CipherSuite> suites(String[] names) {
        return parse(names, n -> Optional.ofNullable(SUITES_BY_NAME.get(n.strip().toUpperCase(Locale.ROOT))));
    }

    /** Parses group names as {@code SSLParameters.setNamedGroups} uses them; unknown names are skipped. */
    static List<NamedGroup> groups(String[] names) {
        return parse(names, NamedGroup::byName).stream().filter(NamedGroup::isSupported).toList();
    }

    /** Parses signature scheme names; unknown names are skipped. */
    static List<SignatureScheme> schemes(String[] names) {
        return parse(names, n -> Optional.ofNullable(SCHEMES_BY_NAME.get(n.strip().toLowerCase(Locale.ROOT))));
    }

    /** Group names in the JSSE spelling. */
    static String[] groupNames(List<NamedGroup> groups) {
        return GROUP_NAMES.of(groups);
    }

    /** Scheme names in the JSSE spelling. */
    static String[] schemeNames(List<SignatureScheme> schemes) {
        return SCHEME_NAMES.of(schemes);
    }

    /**
     * The JCA signature algorithm names of these schemes plus tlsj's certificate schemes, as
     * {@code ExtendedSSLSession.getLocalSupportedSignatureAlgorithms} reports them (the JDK's trust and key
     * managers build their algorithm constraints from this list).
     */
    static String[] jcaSignatureNames(List<SignatureScheme> schemes) {
        return LOCAL_JCA_NAMES.of(schemes);
    }

    private static String[] localJcaNames(List<SignatureScheme> schemes) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        java.util.stream.Stream.concat(schemes.stream(), SignatureScheme.CERTIFICATE_DEFAULTS.stream())
                .map(JsseNames::jcaName).flatMap(Optional::stream).forEach(names::add);
        return names.toArray(String[]::new);
    }

    /** The JCA signature algorithm names of exactly these schemes (a peer's, for the handshake session). */
    static String[] jcaNames(List<SignatureScheme> schemes) {
        return JCA_NAMES.of(schemes);
    }

    /** The JSSE key type a certificate key needs to sign with this scheme, if it is one we know. */
    static Optional<String> keyType(SignatureScheme s) {
        String n = s.displayName();
        if (n.startsWith("ecdsa_")) {
            return Optional.of("EC");
        } else if (n.startsWith("rsa_pss_pss_")) {
            return Optional.of("RSASSA-PSS");
        } else if (n.startsWith("rsa_")) {
            return Optional.of("RSA");
        } else if (n.equals("ed25519") || n.equals("ed448")) {
            return Optional.of("EdDSA");
        } else if (s.isTls13Only()) {
            return Optional.of("ML-DSA");
        }
        return Optional.empty();
    }

    private static Optional<String> jcaName(SignatureScheme s) {
        String n = s.displayName();
        return Optional.ofNullable(switch (n) {
            case "ecdsa_secp256r1_sha256" -> "SHA256withECDSA";
            case "ecdsa_secp384r1_sha384" -> "SHA384withECDSA";
            case "ecdsa_secp521r1_sha512" -> "SHA512withECDSA";
            case "ed25519" -> "Ed25519";
            case "ed448" -> "Ed448";
            case "rsa_pkcs1_sha256" -> "SHA256withRSA";
            case "rsa_pkcs1_sha384" -> "SHA384withRSA";
            case "rsa_pkcs1_sha512" -> "SHA512withRSA";
            case "ecdsa_sha1" -> "SHA1withECDSA";
            case "rsa_pkcs1_sha1" -> "SHA1withRSA";
            case "mldsa44" -> "ML-DSA-44";
            case "mldsa65" -> "ML-DSA-65";
            case "mldsa87" -> "ML-DSA-87";
            default -> n.startsWith("rsa_pss_") ? "RSASSA-PSS" : null;
        });
    }

    private static <T> List<T> parse(String[] names, Function<String, Optional<T>> byName) {
        return Arrays.stream(names).map(n -> {
            if (n == null) {
                throw new IllegalArgumentException("null name");
            }
            return byName.apply(n);
        }).flatMap(Optional::stream).distinct().toList();
    }
}
