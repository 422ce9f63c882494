package org.tlsj.cli.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.tlsj.SessionInfo;

/** {@code tlsj demo --format json}: one object with the steps, the session, the response and the wire. */
final class DemoJson {
    private DemoJson() {
    }

    /** The report as one JSON object. */
    static String render(DemoReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        DemoOptions o = r.options();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("scenario", o.scenario().name().toLowerCase(Locale.ROOT));
        options.put("group", o.group().map(g -> g.displayName()).orElse(null));
        options.put("mtls", o.mutualTls());
        options.put("fail", o.failure().map(DemoOptions.Failure::cliName).orElse(null));
        options.put("showSecrets", o.showSecrets());
        options.put("resume", o.resume());
        root.put("options", options);
        root.put("url", r.url());
        root.put("ca", Map.of("subject", r.caName(), "file", r.caFile().toString()));
        root.put("serverCertificate", r.serverCertificate());
        root.put("clientCertificate", r.clientCertificate().orElse(null));
        root.put("steps", steps(r.steps()));
        root.put("diagram", r.diagram().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ms", Math.round(e.nanos() / 1e4) / 100.0);
            m.put("kind", e.arrow() ? "message" : "note");
            m.put("side", e.side().title());
            m.put("label", e.label());
            return m;
        }).toList());
        root.put("session", r.session().map(DemoJson::session).orElse(null));
        root.put("request", r.requestHead().isEmpty() ? null : r.requestHead());
        if (r.status() == 0) {
            root.put("response", null);
        } else {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("status", r.status());
            response.put("body", r.body());
            root.put("response", response);
        }
        if (r.failure().isPresent()) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("reason", r.failure().get());
            failure.put("alert", r.alert().orElse(null));
            root.put("failure", failure);
        } else {
            root.put("failure", null);
        }
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("records", r.wire().stream().map(w -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", w.from().title());
            m.put("type", w.typeName());
            m.put("length", w.length());
            m.put("encrypted", w.encrypted());
            m.put("firstBytes", w.firstBytes());
            return m;
        }).toList());
        wire.put("plaintextVisible", r.plaintextVisible());
        root.put("wire", wire);
        root.put("serverLog", r.serverLog());
        root.put("elapsedMs", Math.round(r.elapsedNanos() / 1e6));
        root.put("resumption", r.resumption().map(second -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("steps", steps(second.steps()));
            m.put("session", second.session().map(DemoJson::session).orElse(null));
            m.put("status", second.status());
            m.put("failure", second.failure().orElse(null));
            return m;
        }).orElse(null));
        return Json.write(root);
    }

    private static java.util.List<Map<String, Object>> steps(java.util.List<DemoSteps.Step> steps) {
        return steps.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("who", s.who());
            m.put("message", s.message());
            m.put("purpose", s.purpose());
            m.put("happened", s.happened());
            return m;
        }).toList();
    }

    private static Map<String, Object> session(SessionInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", s.version().displayName());
        m.put("cipherSuite", s.cipherSuite().displayName());
        m.put("group", s.group().displayName());
        m.put("signatureScheme", s.signatureScheme().displayName());
        m.put("serverName", s.serverName().orElse(null));
        m.put("serverCertificates", s.peerCertificates().stream()
                .map(c -> c.getSubjectX500Principal().getName()).toList());
        m.put("helloRetried", s.helloRetried());
        m.put("resumed", s.resumed());
        return m;
    }
}
