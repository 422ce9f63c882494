package org.tlsj.crypto.openssl;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The tests that run the provider need libcrypto.so.3: without it they are skipped, except under CI=true
 * (the same rule as the interop tests' missing peers), where the machine is supposed to have it.
 */
final class RequireLibcrypto {
    private RequireLibcrypto() {
    }

    /** Skips (or, under CI=true, fails) the calling test class when the default library is unusable. */
    static void check() {
        Optional<String> reason = new OpenSslCryptoProviderFactory().unavailableReason();
        if (reason.isEmpty()) {
            return;
        }
        String message = "the OpenSSL provider is unavailable: " + reason.get();
        if ("true".equals(System.getenv("CI"))) {
            fail(message + "; CI=true, so this is a failure, not a skip");
        }
        Assumptions.abort(message);
    }
}
