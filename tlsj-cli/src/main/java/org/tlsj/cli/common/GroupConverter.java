package org.tlsj.cli.common;

import org.tlsj.NamedGroup;
import picocli.CommandLine;

/** Reads a key exchange group name such as {@code x25519} or {@code X25519MLKEM768}. */
public final class GroupConverter implements CommandLine.ITypeConverter<NamedGroup> {
    @Override
    public NamedGroup convert(String value) {
        return NamedGroup.byName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown group '" + value + "'; use one of X25519MLKEM768, SecP256r1MLKEM768, "
                        + "SecP384r1MLKEM1024, x25519, secp256r1, secp384r1, secp521r1, MLKEM768, MLKEM1024"));
    }
}
