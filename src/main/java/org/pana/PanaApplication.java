package org.pana;

import org.pana.platform.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Pana: the system of record for asylum, refugee status determination and statelessness.
 *
 * <p>Started without arguments (or with {@code --demo}) it serves the web application; started with a
 * command such as {@code admin create} or {@code audit verify} it runs that command and exits.
 */
@SpringBootApplication
@Modulithic(systemName = "Pana", sharedModules = "platform")
public class PanaApplication {

    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(PanaApplication.class, args));
        }
        SpringApplication.run(PanaApplication.class, args);
    }
}
