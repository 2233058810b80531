/**
 * The {@code diff} command (CONTRACT §3): compares two files offline and prints the result as text
 * for people or JSON for scripts. The standalone jar calls {@link dev.policywatch.engine.cli.DiffCommand#run};
 * until it exists, {@code DiffCommand.main} runs it from the engine jar.
 */
package dev.policywatch.engine.cli;
