package org.pana.calendar;

import java.util.Locale;

/** A name as written in English, Russian and Kazakh (the languages of Pana's pages). */
public record LocalizedName(String en, String ru, String kk) {

    /** The name in the given locale's language; English for any other language. */
    public String in(Locale locale) {
        return switch (locale.getLanguage()) {
            case "ru" -> ru;
            case "kk" -> kk;
            default -> en;
        };
    }
}
