package org.tlsj.internal.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * psk_key_exchange_modes: {@code PskKeyExchangeMode ke_modes<1..255>} (RFC 8446 section 4.2.9).
 * Unknown mode values are kept.
 *
 * @param modes the mode code points, for example {@link #PSK_DHE_KE}
 */
public record PskKeyExchangeModesExt(List<Integer> modes) implements Extension {
    /** psk_ke: PSK-only key establishment. */
    public static final int PSK_KE = 0;
    /** psk_dhe_ke: PSK with (EC)DHE key establishment. */
    public static final int PSK_DHE_KE = 1;

    /** Copies the list and checks each mode is one byte. */
    public PskKeyExchangeModesExt {
        modes = List.copyOf(Objects.requireNonNull(modes, "modes"));
        Decoding.checkLength(modes.size(), 0, 255, "ke_modes");
        modes.forEach(m -> Decoding.checkUnsigned(m, 8, "PSK key exchange mode"));
    }

    /** The extension listing {@code modes}. */
    public static PskKeyExchangeModesExt of(Integer... modes) {
        return new PskKeyExchangeModesExt(List.of(modes));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PSK_KEY_EXCHANGE_MODES;
    }

    static PskKeyExchangeModesExt decode(ByteReader r) throws TlsFatalAlertException {
        ByteReader list = r.u8Nested();
        r.expectEnd();
        Decoding.requireNotEmpty(list, "ke_modes");
        List<Integer> modes = new ArrayList<>();
        while (!list.atEnd()) {
            modes.add(list.u8());
        }
        return new PskKeyExchangeModesExt(modes);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u8Prefixed(list -> modes.forEach(list::u8));
    }

    @Override
    public String toString() {
        return "psk_key_exchange_modes=" + Show.list(modes.stream().map(PskKeyExchangeModesExt::modeName).toList());
    }

    private static String modeName(int mode) {
        return switch (mode) {
            case PSK_KE -> "psk_ke";
            case PSK_DHE_KE -> "psk_dhe_ke";
            default -> String.valueOf(mode);
        };
    }
}
