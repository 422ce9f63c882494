package org.tlsj.testkit.crypto;

/** Published known-answer vectors the conformance kit checks providers against. */
final class ConformanceVectors {
    private ConformanceVectors() {
    }

    /** RFC 7748 section 6.1: Alice's private scalar. */
    static final String X25519_ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    /** RFC 7748 section 6.1: Alice's public key. */
    static final String X25519_ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    /** RFC 7748 section 6.1: Bob's private scalar. */
    static final String X25519_BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    /** RFC 7748 section 6.1: Bob's public key. */
    static final String X25519_BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    /** RFC 7748 section 6.1: the shared secret K. */
    static final String X25519_SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    /** u = 0: the all-zero share, whose X25519 result is all zeros for every scalar. */
    static final String X25519_ZERO_POINT = "0000000000000000000000000000000000000000000000000000000000000000";
    /** u = 1: a point of order 4 (result all zeros after clamping). */
    static final String X25519_ORDER_FOUR = "0100000000000000000000000000000000000000000000000000000000000000";
    /** A point of order 8 (result all zeros after clamping). */
    static final String X25519_ORDER_EIGHT = "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800";

    /**
     * RFC 8032 section 7.1 Ed25519 test vectors: secret key (the 32-byte seed), public key, message,
     * signature.
     */
    static final String[][] ED25519 = {
        {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                + "d25bf5f0595bbe24655141438e7a100b"},
        {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c"
                + "387b2eaeb4302aeeb00d291612bb0c00"},
        {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc659"
                + "4a7c15e9716ed28dc027beceea1ec40a"},
    };

    /** The P-256 field prime p, big-endian. */
    static final String P256_PRIME = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";
}
