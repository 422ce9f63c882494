package org.tlsj.bogo;

import java.util.List;

/** The shim as a plain program: one JVM per test (slow to start; the launcher and {@link ShimDaemon} avoid it). */
public final class ShimMain {
    private ShimMain() {
    }

    /**
     * Runs one test and exits with its code.
     *
     * @param args the runner's arguments
     */
    public static void main(String[] args) {
        System.exit(Shim.run(List.of(args), System.out, System.err));
    }
}
