package org.pana.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of Pana's command line ({@code java -jar pana.jar admin create ...}). Modules contribute
 * commands as beans; the command line picks one by its words.
 */
public interface Command {

    /** The words that select this command, e.g. {@code ["admin", "create"]}. */
    List<String> words();

    /** One line for the usage text. */
    String usage();

    /** Runs with the arguments after the command's words; returns the process exit code. */
    int run(List<String> arguments, PrintStream out, PrintStream err);
}
