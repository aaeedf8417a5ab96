package org.pana.population;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes a generated person as the body of {@code POST /api/v1/persons} (api.md "People"), one JSON object
 * without line breaks, and its ground truth as a CSV row. The ground truth never goes into the body: a
 * loader posts the body as it is.
 */
public final class PersonBodies {

    /** The header of the ground-truth CSV. */
    public static final String TRUTH_HEADER = "index,identity,family,relation,variation";

    private PersonBodies() {}

    /** The person's request body for the given jurisdiction (ISO alpha-3, e.g. {@code KAZ}). */
    public static String json(GeneratedPerson person, String jurisdiction) {
        StringBuilder out = new StringBuilder(512);
        append(out, person, jurisdiction);
        return out.toString();
    }

    /** Appends the request body to {@code out}. */
    public static void append(StringBuilder out, GeneratedPerson person, String jurisdiction) {
        out.append("{\"jurisdiction\":");
        string(out, jurisdiction);
        out.append(",\"names\":[");
        List<GeneratedName> names = person.names();
        for (int i = 0; i < names.size(); i++) {
            GeneratedName name = names.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"given\":");
            string(out, name.given());
            out.append(",\"family\":");
            string(out, name.family());
            if (name.patronymic() != null) {
                out.append(",\"patronymic\":");
                string(out, name.patronymic());
            }
            out.append(",\"script\":");
            string(out, name.script());
            out.append(",\"kind\":");
            string(out, name.kind());
            out.append('}');
        }
        out.append("],\"sex\":");
        string(out, person.sex());
        out.append(",\"birthDate\":");
        date(out, person.birthDate());
        out.append(",\"birthDatePrecision\":");
        string(out, person.birthDatePrecision());
        out.append(",\"nationalities\":");
        strings(out, person.nationalities());
        out.append(",\"languages\":");
        strings(out, person.languages());
        out.append(",\"documents\":[");
        List<GeneratedDocument> documents = person.documents();
        for (int i = 0; i < documents.size(); i++) {
            GeneratedDocument document = documents.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"type\":");
            string(out, document.type());
            out.append(",\"number\":");
            string(out, document.number());
            out.append(",\"issuingCountry\":");
            string(out, document.issuingCountry());
            if (document.expiresOn() != null) {
                out.append(",\"expiresOn\":");
                date(out, document.expiresOn());
            }
            out.append('}');
        }
        out.append("],\"specificNeeds\":[]}");
    }

    /** The ground-truth CSV row (no line break) matching {@link #TRUTH_HEADER}. */
    public static String truth(GeneratedPerson person) {
        return person.index() + "," + person.identity() + "," + person.family() + "," + person.relation() + ","
                + (person.variation() == null ? "" : person.variation());
    }

    private static void strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        out.append(']');
    }

    private static void date(StringBuilder out, LocalDate date) {
        out.append('"').append(date).append('"');
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
