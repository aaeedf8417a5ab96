package org.pana.bench.speed;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Command-line options of the form {@code --name value} (or {@code --name=value}). */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + arg);
            int equals = arg.indexOf('=');
            if (equals > 0) {
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(arg.substring(2), args[++i]);
            } else {
                values.put(arg.substring(2), "true");
            }
        }
    }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) throw new IllegalArgumentException("--" + name + " is required");
        return value;
    }

    int number(String name, int otherwise) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Seconds, e.g. {@code --duration 30}. */
    Duration seconds(String name, int otherwise) {
        return Duration.ofSeconds(number(name, otherwise));
    }
}
