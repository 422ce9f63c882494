package org.tlsj.crypto;

import java.util.Objects;
import org.tlsj.NamedGroup;
import org.tlsj.Bytes;

/**
 * A {@link KeyShare} whose group and public share are fixed when it is made: providers extend it and state only
 * how the exchange completes.
 */
public abstract class AbstractKeyShare implements KeyShare {
    private final NamedGroup group;
    private final Bytes publicShare;

    /**
     * @param group the group
     * @param publicShare the share as carried on the wire
     */
    protected AbstractKeyShare(NamedGroup group, Bytes publicShare) {
        this.group = Objects.requireNonNull(group, "group");
        this.publicShare = Objects.requireNonNull(publicShare, "publicShare");
    }

    @Override
    public final NamedGroup group() {
        return group;
    }

    @Override
    public final Bytes publicShare() {
        return publicShare;
    }
}
