package org.tlsj;

/**
 * Why a connection was aborted. Each constant of each family declares the alert it sends, so the
 * reason-to-alert mapping is one reviewable table.
 */
public sealed interface Reason permits Reason.InvalidMessage, Reason.PeerMisbehaved,
        Reason.PeerIncompatible, Reason.CertificateProblem, Reason.Local {

    /** The alert this reason sends. */
    AlertDescription alert();

    /** A short plain-words description used when no detail is given. */
    String describe();

    /** The message could not be decoded. */
    enum InvalidMessage implements Reason {
        TRUNCATED(AlertDescription.DECODE_ERROR, "message ends early"),
        TRAILING_DATA(AlertDescription.DECODE_ERROR, "message has bytes after its end"),
        LENGTH_OUT_OF_RANGE(AlertDescription.DECODE_ERROR, "a length field is out of range"),
        EMPTY_LIST(AlertDescription.DECODE_ERROR, "a list that must not be empty is empty"),
        DUPLICATE_EXTENSION(AlertDescription.ILLEGAL_PARAMETER, "an extension appears twice"),
        DUPLICATE_EXTENSION_IN_HELLO(AlertDescription.DECODE_ERROR,
                "an extension appears twice in a ClientHello, ServerHello or EncryptedExtensions"),
        UNKNOWN_HANDSHAKE_TYPE(AlertDescription.UNEXPECTED_MESSAGE, "unknown handshake message type"),
        UNKNOWN_CONTENT_TYPE(AlertDescription.UNEXPECTED_MESSAGE, "unknown record content type"),
        BAD_RECORD_VERSION(AlertDescription.PROTOCOL_VERSION, "record has a wrong version field"),
        RECORD_TOO_LARGE(AlertDescription.RECORD_OVERFLOW, "record is larger than allowed"),
        EMPTY_HANDSHAKE_RECORD(AlertDescription.UNEXPECTED_MESSAGE, "handshake record with no content"),
        MESSAGE_TOO_LARGE(AlertDescription.DECODE_ERROR, "handshake message is larger than allowed"),
        BAD_ALERT(AlertDescription.DECODE_ERROR, "alert record is malformed"),
        BAD_CHANGE_CIPHER_SPEC(AlertDescription.UNEXPECTED_MESSAGE, "change_cipher_spec is malformed"),
        NO_CONTENT_TYPE(AlertDescription.UNEXPECTED_MESSAGE, "protected record has no content type"),
        ILLEGAL_VALUE(AlertDescription.ILLEGAL_PARAMETER, "a field has an illegal value"),
        BAD_KEY_SHARE(AlertDescription.ILLEGAL_PARAMETER, "key share is malformed"),
        UNKNOWN_CERTIFICATE_FORMAT(AlertDescription.BAD_CERTIFICATE, "certificate cannot be parsed");

        private final AlertDescription alert;
        private final String text;

        InvalidMessage(AlertDescription alert, String text) {
            this.alert = alert;
            this.text = text;
        }

        @Override public AlertDescription alert() { return alert; }
        @Override public String describe() { return text; }
    }

    /** The peer sent something well-formed that the protocol forbids. */
    enum PeerMisbehaved implements Reason {
        UNEXPECTED_MESSAGE(AlertDescription.UNEXPECTED_MESSAGE, "message not allowed at this point"),
        SELECTED_UNOFFERED_VERSION(AlertDescription.ILLEGAL_PARAMETER, "peer chose a version we did not offer"),
        SELECTED_UNOFFERED_CIPHER_SUITE(AlertDescription.ILLEGAL_PARAMETER, "peer chose a cipher suite we did not offer"),
        SELECTED_UNOFFERED_GROUP(AlertDescription.ILLEGAL_PARAMETER, "peer chose a group we did not offer"),
        SELECTED_UNOFFERED_COMPRESSION(AlertDescription.ILLEGAL_PARAMETER, "peer chose a compression method"),
        SESSION_ID_MISMATCH(AlertDescription.ILLEGAL_PARAMETER, "peer did not echo our session id"),
        UNSOLICITED_EXTENSION(AlertDescription.UNSUPPORTED_EXTENSION, "peer sent an extension we did not ask for"),
        EXTENSION_NOT_ALLOWED(AlertDescription.ILLEGAL_PARAMETER, "extension not allowed in this message"),
        MISSING_EXTENSION(AlertDescription.MISSING_EXTENSION, "a required extension is missing"),
        HRR_WITHOUT_CHANGE(AlertDescription.ILLEGAL_PARAMETER, "HelloRetryRequest would not change the ClientHello"),
        SECOND_HRR(AlertDescription.UNEXPECTED_MESSAGE, "a second HelloRetryRequest"),
        HRR_VERSION_CHANGED(AlertDescription.ILLEGAL_PARAMETER,
                "ServerHello changed the version chosen in HelloRetryRequest"),
        HRR_FOR_OFFERED_SHARE(AlertDescription.ILLEGAL_PARAMETER, "HelloRetryRequest asks for a group we already sent"),
        CLIENT_HELLO_CHANGED(AlertDescription.ILLEGAL_PARAMETER, "second ClientHello changed more than allowed"),
        WRONG_KEY_SHARE(AlertDescription.ILLEGAL_PARAMETER, "key share does not match the negotiated group"),
        BAD_FINISHED(AlertDescription.DECRYPT_ERROR, "Finished verify_data is wrong"),
        BAD_SIGNATURE(AlertDescription.DECRYPT_ERROR, "CertificateVerify signature does not verify"),
        SIGNATURE_SCHEME_NOT_OFFERED(AlertDescription.ILLEGAL_PARAMETER, "peer signed with a scheme we did not offer"),
        SIGNATURE_SCHEME_KEY_MISMATCH(AlertDescription.ILLEGAL_PARAMETER, "signature scheme does not fit the certificate key"),
        LEGACY_SIGNATURE_SCHEME(AlertDescription.ILLEGAL_PARAMETER,
                "peer signed a TLS 1.3 handshake with PKCS#1 v1.5 or SHA-1, which TLS 1.3 forbids"),
        BAD_RECORD_MAC(AlertDescription.BAD_RECORD_MAC, "record failed authentication"),
        DOWNGRADE_SENTINEL(AlertDescription.ILLEGAL_PARAMETER, "server random carries a downgrade sentinel"),
        KEY_CHANGE_MID_MESSAGE(AlertDescription.UNEXPECTED_MESSAGE, "key change with a partial message buffered"),
        EXCESS_HANDSHAKE_DATA(AlertDescription.UNEXPECTED_MESSAGE,
                "handshake data after a message that ends the peer's flight, before it could see our answer"),
        INTERLEAVED_RECORD(AlertDescription.UNEXPECTED_MESSAGE, "record of another type inside a fragmented message"),
        TOO_MANY_EMPTY_RECORDS(AlertDescription.UNEXPECTED_MESSAGE, "too many records that carry no progress"),
        TOO_MANY_KEY_UPDATES(AlertDescription.UNEXPECTED_MESSAGE, "too many KeyUpdate messages in a row"),
        TOO_MANY_WARNING_ALERTS(AlertDescription.UNEXPECTED_MESSAGE, "too many warning alerts"),
        DATA_AFTER_CLOSE(AlertDescription.UNEXPECTED_MESSAGE, "record after close_notify"),
        EARLY_APPLICATION_DATA(AlertDescription.UNEXPECTED_MESSAGE, "application data before the handshake finished"),
        ILLEGAL_CHANGE_CIPHER_SPEC(AlertDescription.UNEXPECTED_MESSAGE, "change_cipher_spec not allowed here"),
        RENEGOTIATION_ATTEMPT(AlertDescription.UNEXPECTED_MESSAGE, "renegotiation is not supported in TLS 1.3"),
        ILLEGAL_PARAMETER(AlertDescription.ILLEGAL_PARAMETER, "a parameter has an illegal value"),
        BAD_LEGACY_VERSION(AlertDescription.ILLEGAL_PARAMETER, "legacy_version is not TLS 1.2"),
        COMPRESSION_OFFERED(AlertDescription.ILLEGAL_PARAMETER, "TLS 1.3 ClientHello offers compression"),
        SHARE_FOR_UNSUPPORTED_GROUP(AlertDescription.ILLEGAL_PARAMETER, "key share for a group not in supported_groups"),
        CONTEXT_NOT_EMPTY(AlertDescription.DECODE_ERROR, "certificate_request_context must be empty in the handshake"),
        NO_ALPN_MATCH(AlertDescription.ILLEGAL_PARAMETER, "peer chose an application protocol we did not offer"),
        NO_UNCOMPRESSED_POINT_FORMAT(AlertDescription.ILLEGAL_PARAMETER,
                "ec_point_formats does not list the uncompressed format (RFC 8422 section 5.1.2)"),
        RECORD_SIZE_LIMIT_EXCEEDED(AlertDescription.RECORD_OVERFLOW, "record exceeds the negotiated size limit"),
        BAD_COOKIE(AlertDescription.ILLEGAL_PARAMETER, "cookie is not the one we sent"),
        BAD_BINDER(AlertDescription.DECRYPT_ERROR, "PSK binder does not verify"),
        UNOFFERED_PSK(AlertDescription.ILLEGAL_PARAMETER, "server selected a PSK we did not offer"),
        PSK_HASH_MISMATCH(AlertDescription.ILLEGAL_PARAMETER, "server resumed with a suite whose hash differs from the ticket's"),
        RENEGOTIATION_INFO_MISMATCH(AlertDescription.HANDSHAKE_FAILURE,
                "renegotiation_info does not match an initial handshake (RFC 5746)"),
        EMS_MISMATCH_ON_RESUMPTION(AlertDescription.HANDSHAKE_FAILURE,
                "a resumption changed whether the extended master secret is used (RFC 7627 section 5.3)"),
        UNOFFERED_SESSION_RESUMED(AlertDescription.ILLEGAL_PARAMETER,
                "server echoed our session id, resuming a session we did not offer"),
        EARLY_DATA_NOT_ALLOWED(AlertDescription.ILLEGAL_PARAMETER, "early data was not offered in a resumption"),
        CERTIFICATE_REQUIRED(AlertDescription.CERTIFICATE_REQUIRED, "client sent no certificate but one is required");

        private final AlertDescription alert;
        private final String text;

        PeerMisbehaved(AlertDescription alert, String text) {
            this.alert = alert;
            this.text = text;
        }

        @Override public AlertDescription alert() { return alert; }
        @Override public String describe() { return text; }
    }

    /** The peer is well-behaved but we share nothing usable. */
    enum PeerIncompatible implements Reason {
        NO_COMMON_VERSION(AlertDescription.PROTOCOL_VERSION, "no protocol version in common"),
        SSL2_HELLO(AlertDescription.PROTOCOL_VERSION,
                "peer sent an SSL 2.0-format hello; SSL 2.0 and its hello format are not supported (RFC 6176)"),
        LEGACY_VERSION_TOO_LOW(AlertDescription.PROTOCOL_VERSION,
                "ClientHello legacy_version is below SSL 3.0 (0x0300): no TLS version can follow from it"),
        NO_COMMON_CIPHER_SUITE(AlertDescription.HANDSHAKE_FAILURE, "no cipher suite in common"),
        NO_COMMON_GROUP(AlertDescription.HANDSHAKE_FAILURE, "no key exchange group in common"),
        NO_SIGNATURE_SCHEME(AlertDescription.HANDSHAKE_FAILURE, "no signature scheme in common"),
        NO_CERTIFICATE_FOR_NAME(AlertDescription.HANDSHAKE_FAILURE, "no certificate fits the request"),
        NO_APPLICATION_PROTOCOL(AlertDescription.NO_APPLICATION_PROTOCOL, "no application protocol in common"),
        UNRECOGNIZED_NAME(AlertDescription.UNRECOGNIZED_NAME, "server name not recognized"),
        NO_EXTENDED_MASTER_SECRET(AlertDescription.HANDSHAKE_FAILURE,
                "peer does not support the extended master secret (RFC 7627), which we require"),
        RENEGOTIATION_REFUSED(AlertDescription.NO_RENEGOTIATION,
                "peer asked to renegotiate, which tlsj never does (RFC 5746): the connection ends"),
        INAPPROPRIATE_FALLBACK(AlertDescription.INAPPROPRIATE_FALLBACK,
                "client fell back to an older version although both support a newer one (RFC 7507)"),
        NO_KEY_SHARE_SUPPORT(AlertDescription.MISSING_EXTENSION, "peer does not support key shares (TLS 1.3 without key_share)");

        private final AlertDescription alert;
        private final String text;

        PeerIncompatible(AlertDescription alert, String text) {
            this.alert = alert;
            this.text = text;
        }

        @Override public AlertDescription alert() { return alert; }
        @Override public String describe() { return text; }
    }

    /** The peer's certificate chain was not accepted. */
    enum CertificateProblem implements Reason {
        EMPTY_CHAIN(AlertDescription.DECODE_ERROR, "peer sent no certificate"),
        BAD_ENCODING(AlertDescription.BAD_CERTIFICATE, "certificate cannot be parsed"),
        EXPIRED(AlertDescription.CERTIFICATE_EXPIRED, "certificate has expired"),
        NOT_YET_VALID(AlertDescription.CERTIFICATE_EXPIRED, "certificate is not yet valid"),
        UNKNOWN_ISSUER(AlertDescription.UNKNOWN_CA, "certificate is not issued by a trusted CA"),
        NAME_MISMATCH(AlertDescription.CERTIFICATE_UNKNOWN, "certificate is not valid for the server name"),
        BAD_SIGNATURE(AlertDescription.BAD_CERTIFICATE, "a certificate signature does not verify"),
        WRONG_PURPOSE(AlertDescription.UNSUPPORTED_CERTIFICATE, "certificate is not for this purpose (extended key usage)"),
        REVOKED(AlertDescription.CERTIFICATE_REVOKED, "certificate is revoked"),
        UNSUPPORTED_KEY(AlertDescription.UNSUPPORTED_CERTIFICATE, "certificate key type is not supported"),
        WRONG_KEY_USAGE(AlertDescription.UNSUPPORTED_CERTIFICATE,
                "certificate's key usage does not allow this use of its key"),
        UNOFFERED_CURVE(AlertDescription.UNSUPPORTED_CERTIFICATE,
                "certificate key is on an elliptic curve we did not offer"),
        INVALID(AlertDescription.BAD_CERTIFICATE, "certificate chain is invalid"),
        CHAIN_TOO_LONG(AlertDescription.BAD_CERTIFICATE, "certificate chain is longer than we accept");

        private final AlertDescription alert;
        private final String text;

        CertificateProblem(AlertDescription alert, String text) {
            this.alert = alert;
            this.text = text;
        }

        @Override public AlertDescription alert() { return alert; }
        @Override public String describe() { return text; }
    }

    /** Failures on our side. */
    enum Local implements Reason {
        CRYPTO_FAILURE(AlertDescription.INTERNAL_ERROR, "a cryptographic operation failed"),
        INTERNAL(AlertDescription.INTERNAL_ERROR, "internal error"),
        USER_CANCELED(AlertDescription.USER_CANCELED, "the application canceled the handshake"),
        CLIENT_HELLO_HANDLER_FAILED(AlertDescription.INTERNAL_ERROR, "the server's ClientHello handler failed");

        private final AlertDescription alert;
        private final String text;

        Local(AlertDescription alert, String text) {
            this.alert = alert;
            this.text = text;
        }

        @Override public AlertDescription alert() { return alert; }
        @Override public String describe() { return text; }
    }
}
