package org.tlsj.internal.message;

import java.util.List;
import java.util.Objects;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * supported_groups: {@code NamedGroup named_group_list<2..2^16-1>} (RFC 8446 section 4.2.7).
 *
 * @param groups the groups in the sender's preference order
 */
public record SupportedGroupsExt(List<NamedGroup> groups) implements Extension {
    /** Copies the list and checks it fits the wire. */
    public SupportedGroupsExt {
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        Decoding.checkLength(groups.size() * 2, 0, 0xfffe, "named_group_list");
    }

    /** The extension listing {@code groups}. */
    public static SupportedGroupsExt of(NamedGroup... groups) {
        return new SupportedGroupsExt(List.of(groups));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_GROUPS;
    }

    static SupportedGroupsExt decode(ByteReader r) throws TlsFatalAlertException {
        ByteReader list = r.u16Nested();
        r.expectEnd();
        Decoding.requireNotEmpty(list, "named_group_list");
        return new SupportedGroupsExt(Decoding.u16Codes(list, "named_group_list").stream().map(NamedGroup::new).toList());
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u16Prefixed(list -> groups.forEach(g -> list.u16(g.code())));
    }

    @Override
    public String toString() {
        return "supported_groups=" + Show.list(groups);
    }
}
