package org.tlsj.cli.certs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tlsj.certs.KeyType;
import org.tlsj.cli.common.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsj certs}: a CA, a server certificate and optionally a client certificate, like mkcert. */
@Command(name = "certs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make a CA, a server certificate and (with --client) a client certificate, as PEM files.",
                "Reuses the CA already in the output directory; keys are written with mode 0600 and never",
                "overwritten without --force."})
public final class CertsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "certs", description = "output directory (default: ./${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--names", paramLabel = "NAME", split = ",", defaultValue = "localhost,127.0.0.1,::1",
            description = "DNS names and IP addresses of the server certificate (default: ${DEFAULT-VALUE})")
    private List<String> names;

    @Option(names = "--key", paramLabel = "TYPE", defaultValue = "ec-p256",
            description = "key type: ec-p256, ec-p384, rsa-2048, rsa-3072, ed25519, ml-dsa-44, ml-dsa-65, ml-dsa-87"
                    + " (ML-DSA: TLS 1.3 only; default: ${DEFAULT-VALUE})")
    private String keyType;

    @Option(names = "--days", paramLabel = "N", defaultValue = "397",
            description = "validity of the server and client certificates in days (default: ${DEFAULT-VALUE})")
    private int days;

    @Option(names = "--client", paramLabel = "NAME", description = "also make a client certificate with this common name, for mutual TLS")
    private String client;

    @Option(names = "--force", description = "replace existing server and client keys")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        KeyType type;
        try {
            type = KeyType.parse(keyType);
        } catch (IllegalArgumentException e) {
            throw new CliException("--key: " + e.getMessage(), e);
        }
        List<String> cleaned = names.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        CertFiles.Plan plan = new CertFiles.Plan(out, cleaned, type, days,
                Optional.ofNullable(client).map(String::strip).filter(c -> !c.isEmpty()), force);
        CertFiles.Result result = CertFiles.write(plan, Instant.now());
        w.println("tlsj certs: wrote to " + out);
        result.lines().forEach(w::println);
        Path ca = out.resolve(CertFiles.CA_CERT);
        Path cert = out.resolve(CertFiles.SERVER_CERT);
        Path key = out.resolve(CertFiles.SERVER_KEY);
        String host = urlHost(cleaned.getFirst());
        w.println();
        w.println("Use them:");
        w.println("  tlsj server --cert " + cert + " --key " + key);
        w.println("  tlsj get https://" + host + ":8443/ --ca " + ca);
        w.println("  curl --cacert " + ca + " https://" + host + ":8443/");
        if (plan.client().isPresent()) {
            Path cc = out.resolve(CertFiles.clientCert(plan.client().get()));
            Path ck = out.resolve(CertFiles.clientKey(plan.client().get()));
            w.println("Mutual TLS (the server asks for a client certificate from this CA):");
            w.println("  tlsj server --cert " + cert + " --key " + key + " --ca " + ca + " --client-auth required");
            w.println("  tlsj get https://" + host + ":8443/ --ca " + ca + " --cert " + cc + " --key " + ck);
            w.println("  curl --cacert " + ca + " --cert " + cc + " --key " + ck + " https://" + host + ":8443/");
        }
        w.println("Browsers and other tools trust the server once " + ca + " is added to their trust store.");
        w.flush();
        return 0;
    }

    private static String urlHost(String name) {
        return name.contains(":") ? "[" + name + "]" : name;
    }
}
