package org.tlsj.cli.common;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns every failure into one {@code tlsj: <plain words>} line on stderr and exit code 1. Only unexpected
 * errors (bugs) can show a stack trace, and only with {@code --debug}.
 */
public final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    /** The exit code for every error. */
    public static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean debug = debug(parseResult);
        String line = userMessage(ex);
        if (line == null) {
            if (debug) {
                ex.printStackTrace(err);
            }
            line = "internal error: " + ex + (debug ? "" : " (run again with --debug to see where)");
        } else if (debug && ex.getCause() != null) {
            ex.getCause().printStackTrace(err);
        }
        err.println("tlsj: " + line);
        err.flush();
        return FAILURE;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("tlsj: " + Failures.lowerFirst(ex.getMessage()) + " (see: "
                + cmd.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return FAILURE;
    }

    /** The one line for an error caused by the user or the peer, or null for a bug. */
    public static String userMessage(Exception ex) {
        return switch (ex) {
            case CliException c -> c.getMessage();
            case IOException io -> Failures.describe(io);
            default -> null;
        };
    }

    private static boolean debug(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
