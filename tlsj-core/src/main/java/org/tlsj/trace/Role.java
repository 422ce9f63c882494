package org.tlsj.trace;

/** Which side of the connection. */
public enum Role {
    /** The side that sent the ClientHello. */
    CLIENT,
    /** The side that answered it. */
    SERVER;

    /** The other side. */
    public Role peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }

    /** "Client" or "Server". */
    public String title() {
        return this == CLIENT ? "Client" : "Server";
    }
}
