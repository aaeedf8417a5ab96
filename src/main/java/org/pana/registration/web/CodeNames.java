package org.pana.registration.web;

import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pana.registration.BirthDatePrecision;
import org.pana.registration.PersonDetails;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Public only so that templates can call it ({@code @codeNames}); it is not part of the module's API.
 *
 * <p>Countries and languages by their names in the reader's language (the JDK's CLDR data), for selects
 * and for the person page. ICAO's {@code XXA} (stateless) and {@code XXX} (unknown) come from the bundle.
 */
@Component
public class CodeNames {

    /** A choice in a select: the code sent, the name shown. */
    record Option(String code, String label) {}

    private static final Map<String, String> ALPHA2_OF_ALPHA3 = alpha2ByAlpha3();
    private final MessageSource messages;
    private final Map<Locale, List<Option>> countries = new ConcurrentHashMap<>();

    CodeNames(MessageSource messages) {
        this.messages = messages;
    }

    /** Every country, stateless and unknown first, the rest by name in the reader's language. */
    List<Option> countries(Locale locale) {
        return countries.computeIfAbsent(locale, l -> {
            Collator collator = Collator.getInstance(l);
            List<Option> options = new ArrayList<>();
            ALPHA2_OF_ALPHA3.keySet().forEach(code -> options.add(new Option(code, country(code, l))));
            options.sort(Comparator.comparing(Option::label, collator));
            options.add(0, new Option("XXX", country("XXX", l)));
            options.add(0, new Option("XXA", country("XXA", l)));
            return List.copyOf(options);
        });
    }

    public String country(String code, Locale locale) {
        if (code == null) return "";
        if (code.equals("XXA") || code.equals("XXX")) return messages.getMessage("persons.country." + code, null, code, locale);
        String alpha2 = ALPHA2_OF_ALPHA3.get(code);
        if (alpha2 == null) return code;
        String name = new Locale("", alpha2).getDisplayCountry(locale);
        return name.isBlank() || name.equals(alpha2) ? code : name;
    }

    public String language(String code, Locale locale) {
        if (code == null) return "";
        String named = messages.getMessage("persons.language." + code, null, null, locale);
        if (named != null) return named;
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }

    /** A birth date as far as it is known: the year alone, month and year, or the date (marked when estimated). */
    public String birthDate(LocalDate date, BirthDatePrecision precision, Locale locale) {
        if (date == null) return "";
        locale = dayFirst(locale);
        if (precision == BirthDatePrecision.YEAR) return String.valueOf(date.getYear());
        if (precision == BirthDatePrecision.MONTH) return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(date);
        String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
        return precision == BirthDatePrecision.ESTIMATED ? messages.getMessage("persons.birth-date.estimated", new Object[] {day}, locale) : day;
    }

    /** A way of writing the name as one line: given, patronymic or father's name, family. */
    public String fullName(PersonDetails.Name name) {
        return java.util.stream.Stream.of(name.given(), name.patronymic(), name.family()).filter(p -> p != null && !p.isBlank())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** Day before month, as in Kazakhstan and on UN documents, also in English. */
    static Locale dayFirst(Locale locale) {
        return locale.getLanguage().equals("en") && locale.getCountry().isEmpty() ? Locale.UK : locale;
    }

    /** Nationalities by name, joined for a table cell. */
    public String countries(List<String> codes, Locale locale) {
        return String.join(", ", codes.stream().map(c -> country(c, locale)).toList());
    }

    private static Map<String, String> alpha2ByAlpha3() {
        Map<String, String> codes = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            String alpha3 = new Locale("", alpha2).getISO3Country();
            if (!alpha3.isEmpty()) codes.put(alpha3, alpha2);
        }
        return Map.copyOf(codes);
    }
}
