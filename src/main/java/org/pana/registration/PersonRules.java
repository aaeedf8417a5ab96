package org.pana.registration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.pana.platform.FieldText;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Checks a person as entered and turns it into typed facts, or lists every problem with the field it is
 * in. Names are kept as entered (only surrounding spaces go), but text that could hide or reorder what
 * a caseworker reads is refused: control characters, bidirectional embeddings, overrides and isolates,
 * line separators and broken surrogate pairs. Messages never repeat the value (it may be a name).
 */
@Component
class PersonRules {

    static final int MAX_TEXT = 200;
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1890, 1, 1);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{3,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,63}");

    private final SpecificNeedCatalogue needs;

    PersonRules(SpecificNeedCatalogue needs) {
        this.needs = needs;
    }

    /** The checked facts, or the problems found. */
    record Checked(PersonFacts facts, List<FieldProblem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }

        PersonFacts orThrow() {
            if (!valid()) throw new RuleViolation("validation", "The person has invalid fields.", problems);
            return facts;
        }
    }

    Checked check(PersonDetails details, String callerJurisdiction, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (details == null) {
            return new Checked(null, List.of(new FieldProblem("", "Send a person.")));
        }
        if (details.jurisdiction() != null && !details.jurisdiction().equals(callerJurisdiction)) {
            problems.add(new FieldProblem("jurisdiction", "You can register people only in your own jurisdiction, " + callerJurisdiction + "."));
        }
        List<PersonName> names = names(details.names(), problems);
        Sex sex = choice(Sex.class, details.sex(), "sex", problems);
        LocalDate birthDate = date(details.birthDate(), "birthDate", problems);
        if (birthDate != null && birthDate.isAfter(today)) {
            problems.add(new FieldProblem("birthDate", "A birth date cannot be in the future."));
        } else if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH)) {
            problems.add(new FieldProblem("birthDate", "A birth date before " + EARLIEST_BIRTH + " is not possible."));
        }
        BirthDatePrecision precision = choice(BirthDatePrecision.class, details.birthDatePrecision(), "birthDatePrecision", problems);
        if (precision == null && birthDate != null) precision = BirthDatePrecision.DAY;
        if (precision != null && birthDate == null && details.birthDate() == null) {
            problems.add(new FieldProblem("birthDatePrecision", "Give the birth date this precision is about."));
        }
        String placeOfBirth = text(details.placeOfBirth(), "placeOfBirth", MAX_TEXT, problems);
        List<String> nationalities = codes(details.nationalities(), "nationalities", 10, true, Codes.COUNTRIES::contains,
                "Use an ISO 3166-1 alpha-3 country code, XXA for stateless or XXX for unknown.", problems);
        List<String> languages = codes(details.languages(), "languages", 20, false, Codes.LANGUAGES::contains,
                "Use an ISO 639 language code, e.g. rus or prs.", problems);
        MaritalStatus maritalStatus = choice(MaritalStatus.class, details.maritalStatus(), "maritalStatus", problems);
        Education education = choice(Education.class, details.education(), "education", problems);
        String occupation = text(details.occupation(), "occupation", MAX_TEXT, problems);
        String phone = null;
        String email = null;
        if (details.contact() != null) {
            phone = text(details.contact().phone(), "contact.phone", 40, problems);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                problems.add(new FieldProblem("contact.phone", "Use digits, spaces, brackets, hyphens and an optional leading +."));
            }
            email = text(details.contact().email(), "contact.email", 254, problems);
            if (email != null && !EMAIL.matcher(email).matches()) {
                problems.add(new FieldProblem("contact.email", "Enter an email address like name@example.org."));
            }
        }
        String region = null;
        String locality = null;
        String line = null;
        if (details.address() != null) {
            region = text(details.address().region(), "address.region", MAX_TEXT, problems);
            locality = text(details.address().locality(), "address.locality", MAX_TEXT, problems);
            line = text(details.address().line(), "address.line", MAX_TEXT, problems);
        }
        List<HeldDocument> documents = documents(details.documents(), today, problems);
        List<String> specificNeeds = codes(details.specificNeeds(), "specificNeeds", 30, true, c -> needs.find(c).isPresent(),
                "Use a UNHCR specific-needs code such as SC-UC or LP-ND.", problems);
        String ethnicity = text(details.ethnicity(), "ethnicity", MAX_TEXT, problems);
        String religion = text(details.religion(), "religion", MAX_TEXT, problems);
        if (!problems.isEmpty()) return new Checked(null, List.copyOf(problems));
        return new Checked(new PersonFacts(names, sex, birthDate, precision, placeOfBirth, nationalities, languages, maritalStatus,
                education, occupation, phone, email, region, locality, line, documents, specificNeeds, ethnicity, religion), List.of());
    }

    private List<PersonName> names(List<PersonDetails.Name> entered, List<FieldProblem> problems) {
        List<PersonName> names = new ArrayList<>();
        if (entered.isEmpty()) {
            problems.add(new FieldProblem("names", "Enter at least one name."));
            return names;
        }
        if (entered.size() > 20) {
            problems.add(new FieldProblem("names", "Enter at most 20 ways of writing the name."));
            return names;
        }
        for (int i = 0; i < entered.size(); i++) {
            String at = "names[" + i + "]";
            PersonDetails.Name name = entered.get(i);
            if (name == null) {
                problems.add(new FieldProblem(at, "Enter the name."));
                continue;
            }
            String given = text(name.given(), at + ".given", MAX_TEXT, problems);
            String family = text(name.family(), at + ".family", MAX_TEXT, problems);
            String patronymic = text(name.patronymic(), at + ".patronymic", MAX_TEXT, problems);
            if (given == null && family == null && isBlank(name.given()) && isBlank(name.family())) {
                problems.add(new FieldProblem(at, "Enter a given name or a family name."));
            }
            String script = name.script();
            if (script == null || !Codes.SCRIPTS.contains(script)) {
                problems.add(new FieldProblem(at + ".script", "Use one of the scripts " + new java.util.TreeSet<>(Codes.SCRIPTS) + " (ISO 15924)."));
            }
            NameKind kind = choice(NameKind.class, name.kind(), at + ".kind", problems);
            if (kind == null && name.kind() == null) problems.add(new FieldProblem(at + ".kind", "Choose one of " + List.of(NameKind.values()) + "."));
            names.add(new PersonName(given, family, patronymic, script, kind));
        }
        return names;
    }

    private List<HeldDocument> documents(List<PersonDetails.Document> entered, LocalDate today, List<FieldProblem> problems) {
        List<HeldDocument> documents = new ArrayList<>();
        if (entered.size() > 20) {
            problems.add(new FieldProblem("documents", "Enter at most 20 documents."));
            return documents;
        }
        for (int i = 0; i < entered.size(); i++) {
            String at = "documents[" + i + "]";
            PersonDetails.Document document = entered.get(i);
            if (document == null) {
                problems.add(new FieldProblem(at, "Enter the document."));
                continue;
            }
            DocumentType type = choice(DocumentType.class, document.type(), at + ".type", problems);
            if (type == null && document.type() == null) problems.add(new FieldProblem(at + ".type", "Choose one of " + List.of(DocumentType.values()) + "."));
            String number = text(document.number(), at + ".number", 60, problems);
            if (number == null && isBlank(document.number())) problems.add(new FieldProblem(at + ".number", "Enter the document number."));
            else if (number != null && HeldDocument.keyOf(number).isEmpty()) problems.add(new FieldProblem(at + ".number", "A document number has letters or digits."));
            String country = document.issuingCountry() == null ? null : document.issuingCountry().strip().toUpperCase(Locale.ROOT);
            if (country != null && !Codes.COUNTRIES.contains(country)) {
                problems.add(new FieldProblem(at + ".issuingCountry", "Use an ISO 3166-1 alpha-3 country code."));
            }
            LocalDate issuedOn = date(document.issuedOn(), at + ".issuedOn", problems);
            if (issuedOn != null && issuedOn.isAfter(today)) problems.add(new FieldProblem(at + ".issuedOn", "An issue date cannot be in the future."));
            LocalDate expiresOn = date(document.expiresOn(), at + ".expiresOn", problems);
            if (issuedOn != null && expiresOn != null && expiresOn.isBefore(issuedOn)) {
                problems.add(new FieldProblem(at + ".expiresOn", "A document cannot expire before it was issued."));
            }
            documents.add(new HeldDocument(type, number, number == null ? "" : HeldDocument.keyOf(number), country, issuedOn, expiresOn));
        }
        return documents;
    }

    private static List<String> codes(List<String> entered, String field, int max, boolean upper, Predicate<String> known,
            String rule, List<FieldProblem> problems) {
        Set<String> codes = new LinkedHashSet<>();
        if (entered.size() > max) {
            problems.add(new FieldProblem(field, "Enter at most " + max + "."));
            return List.of();
        }
        for (int i = 0; i < entered.size(); i++) {
            String value = entered.get(i);
            String code = value == null ? "" : value.strip();
            code = upper ? code.toUpperCase(Locale.ROOT) : code.toLowerCase(Locale.ROOT);
            if (code.length() > 10 || !known.test(code)) {
                problems.add(new FieldProblem(field + "[" + i + "]", rule));
            } else {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldProblem(field, "Choose one of " + List.of(type.getEnumConstants()) + "."));
            return null;
        }
    }

    private static LocalDate date(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            problems.add(new FieldProblem(field, "Enter a real date as yyyy-MM-dd."));
            return null;
        }
    }

    /** Text as entered, without surrounding spaces; null when blank; a problem when unsafe or too long. */
    static String text(String value, String field, int max, List<FieldProblem> problems) {
        return FieldText.line(value, field, max, problems);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
