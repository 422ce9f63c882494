package org.tlsj.internal.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsj.CipherSuite;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.keyschedule.Tls12KeySchedule.KeyBlock;
import org.tlsj.Bytes;

/**
 * TLS 1.2 key derivation. The PRF is checked against the P_SHA256 and P_SHA384 vectors posted to the IETF
 * TLS list (and reproduced by OpenSSL 3's {@code kdf TLS1-PRF} on the same inputs). The derived values
 * (master secret, key blocks, EMS, Finished, exporter) were computed independently with
 * {@code openssl kdf -kdfopt digest:SHA256 -kdfopt hexsecret:... -kdfopt hexseed:<label><seed> TLS1-PRF}.
 */
class Tls12KeyScheduleTest {
    private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;
    private static final Bytes CLIENT_RANDOM =
            Bytes.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final Bytes SERVER_RANDOM =
            Bytes.fromHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
    private static final String PRE_MASTER =
            "0303404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d";
    private static final String MASTER_SHA256 =
            "632a49039d6452a6657e0daeb9fce7388d487928caec8f01f1464ba55f43c2690f9d01d233f388b45bd4bcd3490f1786";
    private static final String MASTER_SHA384 =
            "50496bdf98d9477192620d5ee7f52e6afa468024e240491cf471a81ac75ca246a2ad8af2b53c385ac927643694135540";
    /** SHA-256("handshake"), standing in for a transcript hash. */
    private static final Bytes SESSION_HASH =
            Bytes.fromHex("dfff30d188055f20aaa1610f29102805528465bbad91709ded764e8899f5ad2b");

    private final CryptoProvider crypto = JcaCryptoProvider.create();

    private static Secret secret(String hex) {
        return Secret.wrap(Bytes.fromHex(hex).toArray());
    }

    private static Bytes bytes(Secret s) {
        return Bytes.wrap(s.expose());
    }

    @Test
    void prfSha256MatchesThePublishedVector() {
        Secret out = Tls12KeySchedule.prf(crypto, SHA256, secret("9bbe436ba940f017b17652849a71db35"), "test label",
                Bytes.fromHex("a0ba9f936cda311827a6f796ffd5198c"), 100);

        assertThat(bytes(out)).isEqualTo(Bytes.fromHex(
                "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
                + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
                + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
                + "87347b66"));
    }

    @Test
    void prfSha384MatchesThePublishedVector() {
        Secret out = Tls12KeySchedule.prf(crypto, HashAlgorithm.SHA384, secret("b80b733d6ceefcdc71566ea48e5567df"),
                "test label", Bytes.fromHex("cd665cf6a8447dd6ff8b27555edb7465"), 148);

        assertThat(bytes(out)).isEqualTo(Bytes.fromHex(
                "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd"
                + "e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd"
                + "8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
                + "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6"
                + "91c8f3a26854308d5eaa3be85e0990703d73e56f"));
    }

    @Test
    void prfOutputIsAPrefixOfALongerOutput() {
        Secret key = secret("9bbe436ba940f017b17652849a71db35");
        Bytes seed = Bytes.fromHex("a0ba9f936cda311827a6f796ffd5198c");

        Bytes short7 = bytes(Tls12KeySchedule.prf(crypto, SHA256, key, "test label", seed, 7));
        Bytes long40 = bytes(Tls12KeySchedule.prf(crypto, SHA256, key, "test label", seed, 40));

        assertThat(short7).isEqualTo(long40.slice(0, 7));
        assertThat(Tls12KeySchedule.prf(crypto, SHA256, key, "test label", seed, 0).length()).isZero();
    }

    @Test
    void masterSecretMatchesOpenSsl() {
        assertThat(bytes(Tls12KeySchedule.masterSecret(crypto, SHA256, secret(PRE_MASTER), CLIENT_RANDOM,
                SERVER_RANDOM))).isEqualTo(Bytes.fromHex(MASTER_SHA256));
        assertThat(bytes(Tls12KeySchedule.masterSecret(crypto, HashAlgorithm.SHA384, secret(PRE_MASTER),
                CLIENT_RANDOM, SERVER_RANDOM))).isEqualTo(Bytes.fromHex(MASTER_SHA384));
    }

    @Test
    void extendedMasterSecretMatchesOpenSsl() {
        Secret ems = Tls12KeySchedule.extendedMasterSecret(crypto, SHA256, secret(PRE_MASTER), SESSION_HASH);

        assertThat(bytes(ems)).isEqualTo(Bytes.fromHex("b9dc43403ffa3826cccf9c3ef668c045096f428e4414bd9a"
                + "41c7ac2be17dc6a100c061bd58967a0b920df75e40af8721"));
    }

    @Test
    void aes128GcmKeyBlockHasTwo16ByteKeysAndTwo4ByteSalts() {
        KeyBlock kb = Tls12KeySchedule.keyBlock(crypto, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                secret(MASTER_SHA256), CLIENT_RANDOM, SERVER_RANDOM);

        assertThat(bytes(kb.clientWriteKey())).isEqualTo(Bytes.fromHex("67a0dc9cefa039824353adb54e820c61"));
        assertThat(bytes(kb.serverWriteKey())).isEqualTo(Bytes.fromHex("05365fd6a466504a16e9bbe4f1fb7502"));
        assertThat(bytes(kb.clientWriteIv())).isEqualTo(Bytes.fromHex("e4daf521"));
        assertThat(bytes(kb.serverWriteIv())).isEqualTo(Bytes.fromHex("0ad11462"));
    }

    @Test
    void aes256GcmKeyBlockUsesTheSuitesSha384Prf() {
        KeyBlock kb = Tls12KeySchedule.keyBlock(crypto, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                secret(MASTER_SHA384), CLIENT_RANDOM, SERVER_RANDOM);

        assertThat(bytes(kb.clientWriteKey()))
                .isEqualTo(Bytes.fromHex("e6f48fdd0553b9e54186448ca20df13c39f08399643a7eaae1ab39a50dfbb8ef"));
        assertThat(bytes(kb.serverWriteKey()))
                .isEqualTo(Bytes.fromHex("7e41c7166c45d24495aab5fc34e2c1b3aabfc6d27beb2fdf4269551587e07fc9"));
        assertThat(bytes(kb.clientWriteIv())).isEqualTo(Bytes.fromHex("88909f6a"));
        assertThat(bytes(kb.serverWriteIv())).isEqualTo(Bytes.fromHex("7e1077a9"));
    }

    @Test
    void chachaKeyBlockHasTwo32ByteKeysAndTwo12ByteIvs() {
        KeyBlock kb = Tls12KeySchedule.keyBlock(crypto, CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                secret(MASTER_SHA256), CLIENT_RANDOM, SERVER_RANDOM);

        assertThat(bytes(kb.clientWriteKey()))
                .isEqualTo(Bytes.fromHex("67a0dc9cefa039824353adb54e820c6105365fd6a466504a16e9bbe4f1fb7502"));
        assertThat(bytes(kb.serverWriteKey()))
                .isEqualTo(Bytes.fromHex("e4daf5210ad114624a55fc538906fc1c581a705b8cb7828b72ead2bcbe0d9501"));
        assertThat(bytes(kb.clientWriteIv())).isEqualTo(Bytes.fromHex("d7b82d83eb9bec947152fd86"));
        assertThat(bytes(kb.serverWriteIv())).isEqualTo(Bytes.fromHex("4e0cc1cdbc233f35e69661fa"));
    }

    @Test
    void finishedVerifyDataIsTwelveBytesAndDependsOnTheSide() {
        Secret master = secret(MASTER_SHA256);

        assertThat(Tls12KeySchedule.finishedVerifyData(crypto, SHA256, master, true, SESSION_HASH))
                .isEqualTo(Bytes.fromHex("9188a70d2ebed5c8b8404459"));
        assertThat(Tls12KeySchedule.finishedVerifyData(crypto, SHA256, master, false, SESSION_HASH))
                .isEqualTo(Bytes.fromHex("6b5f7fe944d7cb57b3b84524"));
    }

    @Test
    void exporterWithoutWithAndWithEmptyContextMatchOpenSsl() {
        Secret master = secret(MASTER_SHA256);
        Bytes context = Bytes.wrap("context".getBytes(StandardCharsets.US_ASCII));

        assertThat(bytes(Tls12KeySchedule.exporter(crypto, SHA256, master, "EXPORTER-tlsj", CLIENT_RANDOM,
                SERVER_RANDOM, Optional.empty(), 20))).isEqualTo(Bytes.fromHex("a966a8735e6a858dff4f978fbde4a63faa6c866a"));
        assertThat(bytes(Tls12KeySchedule.exporter(crypto, SHA256, master, "EXPORTER-tlsj", CLIENT_RANDOM,
                SERVER_RANDOM, Optional.of(context), 20)))
                .isEqualTo(Bytes.fromHex("35bb81610af56ae2bfb37f0e17e106452e3a36df"));
        // RFC 5705 section 4: an empty context is not the same as no context.
        assertThat(bytes(Tls12KeySchedule.exporter(crypto, SHA256, master, "EXPORTER-tlsj", CLIENT_RANDOM,
                SERVER_RANDOM, Optional.of(Bytes.EMPTY), 20)))
                .isEqualTo(Bytes.fromHex("c36e84300fb5e236b7b58846a3505e744b4e4ab2"));
    }

    @Test
    void exporterRefusesAContextTooLongForItsLengthField() {
        Bytes huge = Bytes.wrap(new byte[0x10000]);

        assertThatThrownBy(() -> Tls12KeySchedule.exporter(crypto, SHA256, secret(MASTER_SHA256), "EXPORTER-tlsj",
                CLIENT_RANDOM, SERVER_RANDOM, Optional.of(huge), 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tls13ExporterFromRfc8448ExporterMasterSecretMatchesOpenSslHkdf() {
        // RFC 8448 section 3, {server} derive secret "tls13 exp master", expanded. RFC 8448 has no exporter
        // output; the expected values come from two HKDF-Expand steps with hand-built HkdfLabels:
        // openssl kdf -kdfopt mode:EXPAND_ONLY -kdfopt digest:SHA256 -kdfopt hexkey:... -kdfopt hexinfo:... HKDF
        Secret exp = secret("fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50");
        Bytes context = Bytes.wrap("context".getBytes(StandardCharsets.US_ASCII));

        assertThat(bytes(KeySchedule13.exporter(crypto, SHA256, exp, "EXPORTER-tlsj", Optional.of(context), 20)))
                .isEqualTo(Bytes.fromHex("f0abd6d6aac23c65556c615fc9980fce7c2d5c3b"));
        Bytes absent = bytes(KeySchedule13.exporter(crypto, SHA256, exp, "EXPORTER-tlsj", Optional.empty(), 20));
        assertThat(absent).isEqualTo(Bytes.fromHex("9df4d16040f1f051bf0a6fe2b3511a018548a331"));
        // RFC 8446 section 7.5: no context hashes as the empty string.
        assertThat(bytes(KeySchedule13.exporter(crypto, SHA256, exp, "EXPORTER-tlsj", Optional.of(Bytes.EMPTY), 20)))
                .isEqualTo(absent);
    }

    @Test
    void fixedIvLengthsFollowRfc5288AndRfc7905() {
        assertThat(Tls12KeySchedule.fixedIvLength(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256.aead())).isEqualTo(4);
        assertThat(Tls12KeySchedule.fixedIvLength(
                CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256.aead())).isEqualTo(12);
    }
}
