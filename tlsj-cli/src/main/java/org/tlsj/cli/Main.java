package org.tlsj.cli;

import java.io.PrintWriter;
import org.tlsj.cli.common.ErrorReporter;
import picocli.CommandLine;

/** Entry point of the {@code tlsj} command. */
public final class Main {
    private Main() {
    }

    /**
     * Runs {@code tlsj} and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /**
     * Runs {@code tlsj} with the given output streams.
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0 on success, 1 on any error
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    /** The configured command line, for tests. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        ErrorReporter errors = new ErrorReporter();
        CommandLine cl = new CommandLine(new TlsjCommand());
        cl.setExpandAtFiles(false); // "--data @file" is read by tlsj get, not expanded into arguments
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        return cl;
    }
}
