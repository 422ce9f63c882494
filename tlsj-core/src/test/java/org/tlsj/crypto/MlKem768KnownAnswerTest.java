package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * Known-answer tests for ML-KEM-768 (FIPS 203) and X25519MLKEM768 through the provider, with published
 * vectors: they fail if the raw encapsulation key, the SubjectPublicKeyInfo prefix, the share order or the
 * secret order were wrong, which round trips between our own client and server cannot detect.
 *
 * <p>The JDK draws ML-KEM randomness as FIPS 203 does, so scripted randomness drives it: key generation
 * reads d (32 bytes) then z (32 bytes), encapsulation reads m (32 bytes). The JDK 25 KeyFactory does not
 * import a private key in seed form (RFC 9935's {@code seed [0]} or {@code both}), so the decapsulation
 * vector's key is imported in its expanded form.
 */
class MlKem768KnownAnswerTest {
    // RFC 9935 (ML-KEM in X.509), Appendix C.2: the ML-KEM-768 example key generated from the seed
    // 000102...3f (d = bytes 0..31, z = bytes 32..63), its public key as SubjectPublicKeyInfo.
    private static final String RFC9935_SEED_D = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String RFC9935_SEED_Z = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";
    private static final String RFC9935_PUBLIC_KEY = """
            MIIEsjALBglghkgBZQMEBAIDggShACmKoQ1CPI3aBp0CvFnmzfA6CWuLPaTKubgM
            pKFJB2cszvHsT68jSgvFt+nUc/KzEzs7JqHRdctnp4BZGWmcAvdlMbmcX4kYBwS7
            TKRTXFuJcmecZgoHxeUUuHAJyGLrj1FXaV77P8QKne9rgcHMAqJJrk8JStDZvTSF
            wcHGgIBSCnyMYyAyzuc4FU5cUXbAfaVgJHdqQw/nbqz2ZaP3uDIQIhW8gvEJOcg1
            VwQzao+sHYHkuwSFql18dNa1m75cXpcqDYusQRtVtdVVfNaAoaj3G064a8SMmgUJ
            cxpUvZ1ykLJ5Y+Q3Lcmxmc/crAsBrNKKYjlREuTENkjWIsSMgjTQFEDozDdskn8j
            pa/JrAR0xmInTkJFJchVLs47P+JlFt6QG8fVFb3olVjmJslcgLkzQvgBAATznmxs
            lIccXjRMqzlmyDX5qWpZr9McQChrOLHBp4RwurlHUYk0RTzoZzapGfH1ptUQqG9U
            VPw5gMtcdlvSvV97NrFBDWY1yM60fE3aDXaijqyTnHHDAkgEhmxxYmZYRCFjwsIh
            F+UKzvzmN4qYVlIwKk7wws4Mxxa3eW4ray43d9+hrD2iWaMbWptTD4y2OKgaYqww
            GEmrr5WnMBvaMAaJCb/bfmfbzLs4pVUaJbGjoPaFdIrVdT2IgPABbGJ0hhZjhMVX
            H+I2WQA2TQODEeLYdds2ZoaTK17GAkMKNp6Hpu9cM4eGZXglvUwFes65I+sJNeaQ
            XmO0ztf4CFenc91ksVDSZhLqmsEgUtsgF78YQ8y0sygbaQ3HKK36hcACgbjjwJKH
            M1+Fa0/CiS9povV5Ia2gGRTECYhmLVd2lmKnhjUbm2ZJPat5WU2YbeIQDWW6D/Tq
            WLgVONJKRDWiWPrCVASqf0H2WLE4UGXhWNy2ARVzJyD0BFmqrBXkBpU6kKxSmX0c
            zQcAYO/GXbnmUzVEZ/rVbscTyG51QMQjrPJmn1L6b0rGiI2HHvPoR8ApqKr7uS4X
            skqgebH0GbphdbRCr7EZCdSla3CgM1soc5IYqnyTSOLDwvPrPRWkHmQXwN2Uv+sh
            QZsxGnuxOhgLvoMyGKmmsXRHzIXyJYWVh6cwdwSay8/UTQ8CVDjhXRU4Jw1Ybhv4
            MZKpRZz2PA6XL4UpdnmDHs8SFQmFHLg0D28Qew+hoO/Rs2qBibwIXE9ct4TlU/Qb
            kY+AOXzhlW94W+43fKmqi+aZitowwmt8PYxrVSVMyWIDsgxCruCsTh67QI5JqeP4
            edCrB4XrcCVCXRMFoimcAV4SDRY7DhlJTOVyU9AkbRgnRcuBl6t0OLPBu3lyvsWj
            BuujVnhVwBRpn+9lrlTHcKDYXBhADPZCrtxmB3e6SxOFAr1aeBL2IfhKSClrmN1D
            IrbxWCi4qPDgCoukSlPDqLFDVxsHQKvVZ9rxzenHnCBLbV4lnRdmoxu7y05qBc9F
            AhdrMBwcL0Ekd1AVe87IXoCbMKTWDXdHzdD1uZqoyCaYdRd5OqqAgKCxJKhVjfcr
            vje3X07btr6CFtbGM/srIoDiURPYaV5DSBw+6zl+sZJQUim2eiAeqJPD4ssy2ovD
            QvpN6gV4
            """;

    // NIST ACVP-Server gen-val/json-files/ML-KEM-encapDecap-FIPS203/internalProjection.json, v1.1.0.38 (as
    // copied in pq-code-package/mlkem-native test/acvp_data/acvp_v1.1.0.38_encapDecap_internalProjection.json),
    // tgId 2 (ML-KEM-768, encapsulation, AFT), tcId 27. The decapsulation key dk is the FIPS 203 expanded
    // form dkPKE || ek || H(ek) || z; it is split here so that ek appears once.
    private static final String ACVP_EK = """
            c4242e586925a48021d069011cc05c550ad0bf84ae75d7a7081b60f9bb4c4f6c
            4729b4b1dd0694bd518a9fa266bf847602105f4f5710619b1117461bbddba92e
            92440caa5c151b797f548ae0d70a17845350e98667c4880c264bf1928a9ccc29
            31a14ccaa782c2e72cf22bb161526ee7d6b4931c1bada73644fb7d72879596f4
            b112d47f856b991ff99044060b4b10aa7c158c0b34282dd14c80210bf8c53959
            da0773a53dab58c44e5a2f7f9051d942c24016cceb5949dbd394a0d7c78d84a1
            4d3b6a330113852cb9818a9c6e605a3dd3aa6708a4b7dc35f5016a2173b69725
            342779cd5ad8babc222edc47a140e96c5bd70771a9814775cd260c1e51f03d01
            b40a1c4039dd2c2ba48b36bc9304ef6a3bdd33c1a02c90966a21af2279a8aacf
            c7b868f9a95d8723c72d754c40fb670b349a1dc0aeb5c0233eaa7581c60962d8
            868cd582d3614b3396a3853b277f5a83b13b2ea40843c5f0100f4141d792717d
            e78936a98e65fb8286b14f4d7a780823c3d87c18d9146248633b10a443f55b11
            9da08ff2093ab22508010402fa008489513e5fa8705664b6a29046cb52364973
            7ad6a066b341af8d700298ccb837714e25ab748a3214ce977e76659c3ab78a88
            462e42b2729be67c5d28801085acb7f2226bf460e7bc49bd7899c3ea00d1582f
            38433974b0b3f848c131a9b213824df9bbc1b613bf70a426b41928241c59075b
            5bf3d08fc2683346086340c07d7f2a8a11281a7c19b80beb5fe47b53fabb9817
            122b4ff65c944c7fb24138c4a117c4e8a420464944b72fe5fc88a202be3dca6e
            9da834113402d5c46c8f874442597723ab2c63f9480f164942b08a1b29493d16
            a91e596989e2c6fcd53615c000a6e1574f3c104f5c2bcbb550fff5326170c9c7
            6393887c4deba71b88b55f5c8246483455f6e502ee65a2914bb4b39666598a55
            2eb108697bada1d741be2048e2d7aa9a34525f6bbe5a04732a7b2b3f03418afb
            0d5d61a8d8c7c5e236c26c211bdeb14170a9a568408e66d48230cb0c11c726fd
            51bb3fdb03b2ea954ab65cead880b7db75c5ab34cb96733b13acc1395ef8636a
            a345c1371269f1f57b250c5676b388b910698c707c2934991b7334f5e713f6fc
            29c557cb555169413794b2f2c070360395f915a0d35516a600155977e59a0e79
            e02498e17ac15396c73531959680ccd2066312bfb2727776621a222ca51f026e
            2bc425b9f43b0878a6e24815dffa174b4443af2c29d2016de36aca826905139a
            1582f4483a2c3f34dba8df479e678a74155b56fec09b40cc60366c35ec764d05
            9cccc25a26e1b9bb69a4404f11559f7b5943a0316b9c1770a8c211c16be2f3c2
            867c2ea0ecc76ea440fe038180d7a212603346950466d4a9bbc599ac2b495c60
            00ef942f86108f68187dde710f401568753638f27071f04ab18b977724655bfa
            4920d18a06eb6a9d65d76134a376e0c90b0e8527fd430458cb6d4479cf6e7abf
            50622966ba5aa546cc372aac39b6b42e3538cae8583f701e16da6e12f5b9c55c
            22b4ac0d7641035271cd84d5110a791b359574fde303b27110cb11b1ee82b4cb
            5565b198c7de43beee230f4117b353e06fab85241176b090ec0048e4c0cc3a33
            7c5651f56ac1b86cd86c112f17c9d28e25bb3c83016ecf05d57933a1017ec5a9
            """;
    private static final String ACVP_DK_PKE = """
            b766400909a6e38a242ee2c9af41b2624b09f30767a98591d1520294c7246332
            adfda58b4402959cc303ffd14fccec51b653048a8514b0d4b938d40041e156e1
            7011b6c802a04c60e9d85c189b3b3e141520a312232bbbaee469b5e5666aa4a9
            4230c432f3a1c6e37d3c908e5f371375ea826c68189605778643036fc20c7561
            3c38bc53b7e32870eb65dcb956dce20ff0a93db0da336b18910f1941780885fc
            bb8280657d676946a800809974a9817caf4b31c1ae989d09d750c3179979ba1c
            37e238059b18794557d3c11b0f1186df197e4b153381e1afa02c583387591bc6
            b797747f94ac3644707f2ab496ada2433a7aadb942a0d0eb0c2331bc9f6b983f
            e83498c883e27a905b86b47e69173fcba916499e7c7a72b9b2c05627cca4802b
            07b6217ae167e602a3fb0a43b65c0109194df9077ecfe4842072cbd149604450
            272312ba47379398d0cd24e77e55fab427ca66a3346673c6089c6a666e0413ad
            c56355799693c47daeec53d9905ea2e845eb2bcdc0bb432bd34cea241cb2bc42
            fe93ace83a64b86ccaaa955df1e071ad3326c52b294555b67e0a5d56c1b20a38
            c44c5804501b022b56199de324c02bc25a9674e6820c7c5c427405c77ef42ba7
            365687d183e366c7f8325c5b120b820121e2f0c5d0b2502ed94f0d822dbcc55a
            9643621398a18e5c9e03f7b1c2f0b02f3c981dbabdb3c4a51f9a78139896fad7
            7a7827a8faeb0e69bb3b29d62de2a236d8903d2ef82dee8a2904dc341667ad40
            5c3be783bebfe1b75d4902756cc669f0079e6366171458c0b3281a615d66e9b6
            10938abe6882533b6736053955f19c6ea4c47709ce3ed79b1e6945a900ac5083
            758864529e177d89d0bdb8a22d5e130475376d498085b38783329b962c931c72
            7c0d2e28b41c414a7cda6572d69cd67895901a18b70bbc02db28375a351df229
            ff624dd0c71bc2e8c4aaa948ddc3c5d9f7065e4336d23370f63229d914663976
            3ec61418a62434eee066de263c1cc47af96a976df45a1b42a733c6659b1b04fb
            1763441bb931b269fa1a52d67a808be3ab0957a048db0b4b027ad92406bc46af
            917221717c2b3a1590ca3c64d7928c5b8a0228f5613815408f7b860b984e0963
            7e2ad76061e99bd8b1132355cb6da21b7aa52951972314588d10cb01cb56a8e8
            e259111653d37bcfecf791a34bc6740ba5c1d32aaa323e0c2711ed6ac4167635
            9a890ff8dab4f7b702cd46a02509c2b4a22cad4414584b8421942eb8f62fc391
            049e72c338116b683aaa8de19ee5da620f3c031f0a5960fb3956854f11731562
            89ca24ea67a46337afe97f23d06c46bca128e4c283c42f49040aebb3999ba979
            504c3e73910f068032be67c626c2c775cb74dff207fa5b440492be5efa25ed48
            6e9f482f6a37bfdc224990f526f628ab4a0c3e393bccafcb72793a5abe7a5f11
            10b00a43ab92c119f768401adbc356f82b58152eba9c57e8280c52e3994ddccb
            3491ced4aa3a3ee31fc784caa757016040bdf5b2aced3b5760f215f3abc90650
            458ab649c20436c5d69ee282137412805ac384afec1581d189abc16dfe269d67
            e9b5dd57181656a71bccc739c73b74d97131604faab0ceba4a98b5406b407806
            """;
    private static final String ACVP_H_EK = "c5604ebc339156f39417f26e4c766c1fd00e6364154583999dcd93e3b1ca4ac5";
    private static final String ACVP_Z = "a6cb16a772706cc6a09467f3dc5a4b98ff563f9d290c9e5b3fe6dfddf5b71d50";
    private static final String ACVP_M = "0627aa694bdca55c7a4e9e7831890bfb1ab8928310fe0b50ef2132f2aa871815";
    private static final String ACVP_C = """
            dbe4776d8113f153f7d6a6cb80f0f1dbb9d0c0028ac395079ee16177735dfbf0
            d88363993db9eb757d683ecfcadcefa91eccd4517e7cd6f4977d60e2f7374aa2
            85183675ac5c75546d0638c831ef7d02a592a34d1b54e13f58973c7d34b3b58d
            50bba87b6499209b40fb3c26ed5feb4b22ace5ff2d7393eb35cf3734a4b09fc2
            76025f05186be7cc6852e9d5530bc376e7ea9d6e6a1e2bc4ae59d2fe812877c8
            ab2600d97915a0e6d76dc1032c91f4820158d12411820a1427f11868f192449e
            ab1776c4b4b9373b83d1338f0a0c70cdf2ee7909c0612ceb2627d24437005f8d
            d8fcfe6b467eee687f4e13c3bb26ff672b7ea1d34db82196438dfc157d46e733
            da0031478553266c4d8eb3056765a7938b281c7dd8a4cd5492700106f0bee73a
            161148a770a7dd683c91117d77d3305fa2f3ddcd61c87772313d242da52ad988
            9c245d9c2d7ae48c1533564f4daa2200dc5af9bb72cdfb7034d0cfea6b5d0839
            9f35f42eee9f27892b9351e5cc32f5d4425c617875733ae15e2c85c49b1705f7
            6c2ee93473a3f175aeb3c377032db1533e3680da16e4e5ceed39fa8057c6cbf8
            8583ea35611993fe8fa7c48fc1c54068580bc3095c841f7861b774170d217f45
            7e45ec8d5094aa2247ee6886b941c88212012dd5b8856b5d3f1777f89e5499f7
            bb1639e84f7c59ebb045cc2bda1d4749092df6ef00a54266f4cd8632369d22b7
            dc32c1084f5b4f88ecb6fa9794b27b3d72b8e8f02a4a6e53cc6e39c1e7cc8c60
            78b60ef8b3ee0d6ee8ff9f4a5af8e77b3caedfd693e03c390f9329391bf9bd84
            0adeac11f45de92c0e971ef5db199f1bef4667173737911d7d5d69bf23a4f546
            9b4156d3bddce559b56eec06a153b2f1c86c319f581fbcceedacd403df7b9cf7
            71796f3d240f87afb73474df10f8b17824e3bacb9c0c74e4213d4f7250499563
            8ec2c969037c1e66b53327d5a31faad605ebc523a8f4ad861ecfeaa96873bedb
            a37337104f8985d8fbbfd3b7f1cf91beb56c20716265066902c2f788bb75a06e
            8ae612bdebbba8cd3e25cc0f888c95d8b72e71d328b3699ad4ebcee0bb477d61
            022f7112a22b10a5c5752843f2e72006ebb89529096de28c361bb7548468d907
            6d164d68dc966dfc3f125d5c72200aefd5337cb27673a34ce3c233b25b810d19
            425ff9cc658e8f38e03f0e35c31b78ca4cb03254052b42c3fba517060d9f2a7c
            091f20bd65d04410190b59c1a81b6a38a420ede30c8a13809409a6f0c675f566
            3894140928ceac3ed187477eead05702af6111aff17512df45ba818fadb9a3bf
            d9aa519343f7f7c9cce69f6f4e4d1a6281962b59eb4139991281ca550701e43a
            99d815564c94b03ed8a9228fd2d26f855208c500b97ef86fb742f82121e99545
            3426c7de631313fbf51982e1ee1f7e774125650ae43a754811fc85c6d19dc83d
            b7fac4b238dcd56fdf36e027d1d92956a812e638dd9c07ff5e21bae84ad4ff94
            46cafae2c30d68899348db0ed23cad3d4fb8268e752bd86635e73a5989732fac
            """;
    private static final String ACVP_K = "bd88e768a2f8e786e72a168a6195a52420d2b4118669e6192e95c4b152440e5c";

    // RFC 7748, section 6.1.
    private static final String ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    private static final String ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    private static final String BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    private static final String BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    private static final String X25519_SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    /**
     * PKCS#8 PrivateKeyInfo header for an ML-KEM-768 key in expanded form, written out independently of
     * the JDK: SEQUENCE, version 0, AlgorithmIdentifier (OID 2.16.840.1.101.3.4.4.2, no parameters), then
     * the privateKey OCTET STRING holding RFC 9935's {@code expandedKey} choice (an OCTET STRING of 2400).
     */
    private static final String PKCS8_EXPANDED_PREFIX = "30820978020100300b06096086480165030404020482096404820960";

    @Test
    void clientShareFromRfc9935SeedIsItsEncapsulationKeyThenX25519Share() {
        CryptoProvider provider = JcaCryptoProvider.create(
                TestRandom.scripted(RFC9935_SEED_D, RFC9935_SEED_Z, ALICE_PRIVATE));
        Bytes share = provider.startKeyExchange(NamedGroup.X25519MLKEM768).publicShare();

        byte[] spki = Base64.getMimeDecoder().decode(RFC9935_PUBLIC_KEY);
        assertThat(spki).hasSize(22 + 1184);
        assertThat(share).isEqualTo(Bytes.of(spki, 22, 1184).concat(Bytes.fromHex(ALICE_PUBLIC)));
    }

    @Test
    void rawEncapsulationKeyGetsTheRfc9935SubjectPublicKeyInfo() throws Exception {
        byte[] spki = Base64.getMimeDecoder().decode(RFC9935_PUBLIC_KEY);
        assertThat(MlKem.ML_KEM_768.publicKey(spki, 22).getEncoded()).isEqualTo(spki);
    }

    @Test
    void serverEncapsulationMatchesAcvpVectorWithMlKemFirst() throws TlsFatalAlertException {
        // The server draws its X25519 scalar first, then the ML-KEM message m.
        CryptoProvider server = JcaCryptoProvider.create(TestRandom.scripted(BOB_PRIVATE, ACVP_M));
        Bytes clientShare = Bytes.fromHex(ACVP_EK).concat(Bytes.fromHex(ALICE_PUBLIC));

        Encapsulation result = server.encapsulate(NamedGroup.X25519MLKEM768, clientShare);

        assertThat(result.serverShare()).isEqualTo(Bytes.fromHex(ACVP_C).concat(Bytes.fromHex(BOB_PUBLIC)));
        assertThat(Bytes.wrap(result.sharedSecret().expose()))
                .isEqualTo(Bytes.fromHex(ACVP_K).concat(Bytes.fromHex(X25519_SHARED)));
    }

    @Test
    void clientShareOverAcvpKeyIsItsRawEncapsulationKeyThenX25519Share() throws Exception {
        assertThat(acvpClient().publicShare())
                .isEqualTo(Bytes.fromHex(ACVP_EK).concat(Bytes.fromHex(ALICE_PUBLIC)));
    }

    @Test
    void clientDecapsulationMatchesAcvpVectorWithMlKemSecretFirst() throws Exception {
        Secret secret = acvpClient().complete(Bytes.fromHex(ACVP_C).concat(Bytes.fromHex(BOB_PUBLIC)));

        assertThat(Bytes.wrap(secret.expose()))
                .isEqualTo(Bytes.fromHex(ACVP_K).concat(Bytes.fromHex(X25519_SHARED)));
    }

    @Test
    void tamperedCiphertextGivesImplicitRejectionSecretInsteadOfAbort() throws Exception {
        byte[] ciphertext = Bytes.fromHex(ACVP_C).toArray();
        ciphertext[0] ^= 1;

        byte[] secret = acvpClient().complete(Bytes.wrap(ciphertext).concat(Bytes.fromHex(BOB_PUBLIC))).expose();

        assertThat(secret).hasSize(64);
        assertThat(Arrays.copyOfRange(secret, 0, 32)).isNotEqualTo(Bytes.fromHex(ACVP_K).toArray());
        assertThat(Bytes.of(secret, 32, 32)).isEqualTo(Bytes.fromHex(X25519_SHARED));
    }

    /** The client side over the ACVP key pair and RFC 7748's Alice key, built through the test seam. */
    private static HybridKeyShare acvpClient() throws Exception {
        Bytes ek = Bytes.fromHex(ACVP_EK);
        Bytes expanded = Bytes.fromHex(ACVP_DK_PKE).concat(ek).concat(Bytes.fromHex(ACVP_H_EK))
                .concat(Bytes.fromHex(ACVP_Z));
        assertThat(expanded.length()).isEqualTo(2400);
        // PKCS#8, not a "RAW" EncodedKeySpec: JDK 25.0.3 zeroes the key material it imports from RAW.
        PrivateKey privateKey = KeyFactory.getInstance("ML-KEM").generatePrivate(
                new PKCS8EncodedKeySpec(Bytes.fromHex(PKCS8_EXPANDED_PREFIX).concat(expanded).toArray()));
        KeyPair pair = new KeyPair(MlKem.ML_KEM_768.publicKey(ek.toArray(), 0), privateKey);
        return HybridKeyShare.of(NamedGroup.X25519MLKEM768, pair, X25519KeyShare.generate(TestRandom.scripted(ALICE_PRIVATE)));
    }
}
