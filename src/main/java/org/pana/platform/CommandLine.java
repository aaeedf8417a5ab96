package org.pana.platform;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Pana's command line: the same jar runs administrative commands against the configured database,
 * without starting the web server or the scheduled jobs.
 */
public final class CommandLine {

    private CommandLine() {}

    /** A command is any first argument that is not an option ({@code --demo}, {@code --server.port=...}). */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    public static int run(Class<?> application, String[] args) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(java.util.Map.of("pana.scheduling.enabled", "false", "pana.command-line", "true", "spring.main.banner-mode", "off",
                "logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = app.run(options(args))) {
            return dispatch(context.getBeansOfType(Command.class).values().stream().toList(), Arrays.asList(args));
        }
    }

    static int dispatch(List<Command> commands, List<String> args) {
        for (Command command : commands) {
            List<String> words = command.words();
            if (args.size() >= words.size() && args.subList(0, words.size()).equals(words)) {
                List<String> rest = args.subList(words.size(), args.size()).stream().filter(a -> !a.startsWith("--spring.")).toList();
                return command.run(rest, System.out, System.err);
            }
        }
        System.err.println("Unknown command: " + String.join(" ", args));
        System.err.println("Commands:");
        commands.forEach(c -> System.err.println("  " + c.usage()));
        return 2;
    }

    /** Only Spring options (--spring.x=y) reach Spring; the command's own words and flags stay with the command. */
    private static String[] options(String[] args) {
        return Arrays.stream(args).filter(a -> a.startsWith("--spring.") || a.startsWith("--pana.")).toArray(String[]::new);
    }
}
