package org.pana.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pana.platform.Command;
import org.pana.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar pana.jar admin create --username NAME [--display-name "..."] [--organisation "..."]}:
 * creates an administrator. The password comes from {@code PANA_ADMIN_PASSWORD} or, if that is not
 * set, from the first line of standard input — never from an argument, which would end up in the
 * shell history and the process list.
 */
@Component
class AdminCreateCommand implements Command {

    private final Installation installation;
    private final String jurisdiction;

    AdminCreateCommand(Installation installation, @Value("${pana.jurisdiction.default:KAZ}") String jurisdiction) {
        this.installation = installation;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public List<String> words() {
        return List.of("admin", "create");
    }

    @Override
    public String usage() {
        return "admin create --username NAME [--display-name TEXT] [--organisation TEXT]   (password: PANA_ADMIN_PASSWORD or stdin)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String word = arguments.get(i);
            if (word.startsWith("--") && i + 1 < arguments.size()) {
                options.put(word.substring(2), arguments.get(++i));
            } else {
                err.println("Unexpected argument: " + word);
                err.println("Usage: " + usage());
                return 2;
            }
        }
        String username = options.get("username");
        if (username == null) {
            err.println("Usage: " + usage());
            return 2;
        }
        String password = System.getenv("PANA_ADMIN_PASSWORD");
        if (password == null) {
            password = readLine();
        }
        try {
            installation.createAdministrator(username, options.getOrDefault("display-name", username), password,
                    options.getOrDefault("organisation", "Administration"), jurisdiction);
            out.println("Created administrator " + Accounts.normalise(username) + ".");
            return 0;
        } catch (RuleViolation e) {
            err.println("Not created: " + e.getMessage());
            return 1;
        }
    }

    private static String readLine() {
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
