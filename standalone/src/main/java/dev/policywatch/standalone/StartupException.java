package dev.policywatch.standalone;

/**
 * The system cannot start, for a reason the message states in words an operator can act on (a few
 * lines at most, no stack trace). {@link #exitCode()} follows the command line's rule: {@value #CONFIGURATION}
 * when what was given must change (an argument, the sources file, a port that is taken),
 * {@value #RUNTIME} when something failed while starting (a database or broker that would not start, a
 * full disk).
 */
public final class StartupException extends RuntimeException {

    /** Exit status for bad input or configuration. */
    public static final int CONFIGURATION = 2;
    /** Exit status for a failure at run time. */
    public static final int RUNTIME = 1;

    private final int exitCode;

    public StartupException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static StartupException configuration(String message) {
        return new StartupException(CONFIGURATION, message, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
