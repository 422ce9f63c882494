/** The "TLSJ" JSSE provider: SSLContext, SSLEngine and SSLSocket over tlsj's sans-IO engine. */
module org.tlsj.jsse {
    requires transitive org.tlsj.core;

    exports org.tlsj.jsse;

    provides java.security.Provider with org.tlsj.jsse.TlsjProvider;
}
