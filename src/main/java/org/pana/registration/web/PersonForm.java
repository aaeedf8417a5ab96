package org.pana.registration.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pana.registration.BirthDatePrecision;
import org.pana.registration.PersonDetails;
import org.pana.registration.PersonView;
import org.pana.platform.RuleViolation;

/**
 * The register and change forms: a person as typed into the page, every value as text. Blank name and
 * document rows are left out before the person goes to the registry; the registry's field problems
 * are mapped back onto the rows the officer sees.
 */
record PersonForm(List<NameRow> names, String sex, String birthDay, String birthMonth, String birthYear, String birthDatePrecision,
        String placeOfBirth, List<String> nationalities, String languages, String maritalStatus, String education, String occupation,
        String phone, String email, String region, String locality, String addressLine, List<DocumentRow> documents,
        List<String> specificNeeds, String ethnicity, String religion) {

    static final int MAX_ROWS = 20;
    private static final Pattern ROW_FIELD = Pattern.compile("^(names|documents)\\[(\\d+)](.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(nationalities|languages|specificNeeds)\\[\\d+]$");

    PersonForm {
        names = names == null ? new ArrayList<>() : new ArrayList<>(names.stream().map(n -> n == null ? NameRow.blank() : n).toList());
        documents = documents == null ? new ArrayList<>()
                : new ArrayList<>(documents.stream().map(d -> d == null ? DocumentRow.blank() : d).toList());
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities.stream().filter(c -> c != null && !c.isBlank()).toList());
        specificNeeds = specificNeeds == null ? List.of() : List.copyOf(specificNeeds.stream().filter(c -> c != null && !c.isBlank()).toList());
    }

    /** One way of writing the name. */
    record NameRow(String given, String family, String patronymic, String script, String kind) {
        static NameRow blank() {
            return new NameRow("", "", "", "", "");
        }

        boolean isBlank() {
            return PersonForm.blank(given) && PersonForm.blank(family) && PersonForm.blank(patronymic);
        }
    }

    /** A document the person holds; dates as typed by a date input ({@code yyyy-MM-dd}). */
    record DocumentRow(String type, String number, String issuingCountry, String issuedOn, String expiresOn) {
        static DocumentRow blank() {
            return new DocumentRow("", "", "", "", "");
        }

        boolean isBlank() {
            return PersonForm.blank(type) && PersonForm.blank(number) && PersonForm.blank(issuingCountry) && PersonForm.blank(issuedOn)
                    && PersonForm.blank(expiresOn);
        }
    }

    /** An empty form with a name row in each script and one document row. */
    static PersonForm blank() {
        List<NameRow> names = new ArrayList<>();
        names.add(new NameRow("", "", "", "Latn", "DOCUMENT"));
        names.add(new NameRow("", "", "", "Cyrl", "DOCUMENT"));
        names.add(new NameRow("", "", "", "Arab", "DECLARED"));
        return new PersonForm(names, "", "", "", "", "", "", List.of(), "", "", "", "", "", "", "", "", "", List.of(DocumentRow.blank()),
                List.of(), "", "");
    }

    /** The person as stored, to be changed. */
    static PersonForm of(PersonView person) {
        List<NameRow> names = person.names().stream()
                .map(n -> new NameRow(n.given(), n.family(), n.patronymic(), n.script(), n.kind())).toList();
        List<DocumentRow> documents = person.documents().stream()
                .map(d -> new DocumentRow(d.type(), d.number(), d.issuingCountry(), d.issuedOn(), d.expiresOn())).toList();
        LocalDate born = person.birthDate();
        BirthDatePrecision precision = person.birthDatePrecision();
        String day = "";
        String month = "";
        String year = "";
        if (born != null) {
            year = String.valueOf(born.getYear());
            if (precision != BirthDatePrecision.YEAR) month = String.valueOf(born.getMonthValue());
            if (precision != BirthDatePrecision.YEAR && precision != BirthDatePrecision.MONTH) day = String.valueOf(born.getDayOfMonth());
        }
        PersonDetails.Contact contact = person.contact();
        PersonDetails.Address address = person.address();
        return new PersonForm(names, text(person.sex()), day, month, year, text(precision), person.placeOfBirth(), person.nationalities(),
                String.join(", ", person.languages()), text(person.maritalStatus()), text(person.education()), person.occupation(),
                contact == null ? "" : contact.phone(), contact == null ? "" : contact.email(), address == null ? "" : address.region(),
                address == null ? "" : address.locality(), address == null ? "" : address.line(), documents, person.specificNeeds(),
                person.ethnicity(), person.religion());
    }

    /** The same form with one more empty name row (at most {@value #MAX_ROWS}). */
    PersonForm withAnotherName() {
        if (names.size() < MAX_ROWS) names.add(new NameRow("", "", "", "", "DOCUMENT"));
        return this;
    }

    /** The same form with one more empty document row (at most {@value #MAX_ROWS}). */
    PersonForm withAnotherDocument() {
        if (documents.size() < MAX_ROWS) documents.add(DocumentRow.blank());
        return this;
    }

    /** The person to send to the registry, and where each of its names and documents sits in the form. */
    Entered entered(String jurisdiction, boolean withSensitive) {
        List<Integer> nameRows = new ArrayList<>();
        List<PersonDetails.Name> enteredNames = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            NameRow row = names.get(i);
            if (row.isBlank()) continue;
            nameRows.add(i);
            enteredNames.add(new PersonDetails.Name(orNull(row.given()), orNull(row.family()), orNull(row.patronymic()), orNull(row.script()),
                    orNull(row.kind())));
        }
        List<Integer> documentRows = new ArrayList<>();
        List<PersonDetails.Document> enteredDocuments = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            DocumentRow row = documents.get(i);
            if (row.isBlank()) continue;
            documentRows.add(i);
            enteredDocuments.add(new PersonDetails.Document(orNull(row.type()), orNull(row.number()), orNull(row.issuingCountry()),
                    orNull(row.issuedOn()), orNull(row.expiresOn())));
        }
        List<String> languageCodes = blank(languages) ? List.of()
                : Arrays.stream(languages.strip().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        PersonDetails.Contact contact = blank(phone) && blank(email) ? null : new PersonDetails.Contact(orNull(phone), orNull(email));
        PersonDetails.Address address = blank(region) && blank(locality) && blank(addressLine) ? null
                : new PersonDetails.Address(orNull(region), orNull(locality), orNull(addressLine));
        PersonDetails details = new PersonDetails(jurisdiction, enteredNames, orNull(sex), birthDate(), precision(), orNull(placeOfBirth),
                nationalities, languageCodes, orNull(maritalStatus), orNull(education), orNull(occupation), contact, address,
                enteredDocuments, specificNeeds, withSensitive ? orNull(ethnicity) : null, withSensitive ? orNull(religion) : null);
        return new Entered(details, nameRows, documentRows);
    }

    /** A person ready for the registry, with the form rows its names and documents came from. */
    record Entered(PersonDetails details, List<Integer> nameRows, List<Integer> documentRows) {

        /**
         * A fingerprint of exactly what was checked for duplicates: the officer's "this is a different
         * person" holds only for the details the candidates were shown for.
         */
        String digest() {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(details.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The registry's field problems keyed by the form field they belong to. */
        Map<String, String> errorsOf(RuleViolation violation) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (violation.errors().isEmpty()) errors.put("", violation.getMessage());
            violation.errors().forEach(problem -> errors.putIfAbsent(formField(problem.field()), problem.message()));
            return errors;
        }

        String formField(String field) {
            Matcher row = ROW_FIELD.matcher(field);
            if (row.matches()) {
                List<Integer> rows = row.group(1).equals("names") ? nameRows : documentRows;
                int index = Integer.parseInt(row.group(2));
                int formRow = index < rows.size() ? rows.get(index) : index;
                return row.group(1) + "[" + formRow + "]" + row.group(3);
            }
            Matcher item = LIST_ITEM.matcher(field);
            if (item.matches()) return item.group(1);
            return switch (field) {
                case "contact.phone" -> "phone";
                case "contact.email" -> "email";
                case "address.region" -> "region";
                case "address.locality" -> "locality";
                case "address.line" -> "addressLine";
                case "jurisdiction" -> "";
                default -> field;
            };
        }
    }

    /**
     * The birth date as the registry takes it: what is not known defaults to the 1st (of January), as
     * the precision says; a date that cannot exist goes through as typed, so the registry names the field.
     */
    String birthDate() {
        if (blank(birthDay) && blank(birthMonth) && blank(birthYear)) return null;
        String year = strip(birthYear);
        String month = blank(birthMonth) ? "1" : strip(birthMonth);
        String day = blank(birthDay) ? "1" : strip(birthDay);
        if (year.matches("\\d{4}") && month.matches("\\d{1,2}") && day.matches("\\d{1,2}")) {
            return "%s-%02d-%02d".formatted(year, Integer.parseInt(month), Integer.parseInt(day));
        }
        return year + "-" + month + "-" + day;
    }

    /** The precision as chosen, or as far as the date was typed. */
    String precision() {
        if (!blank(birthDatePrecision)) return birthDatePrecision.strip();
        if (blank(birthYear)) return null;
        if (blank(birthMonth)) return BirthDatePrecision.YEAR.name();
        if (blank(birthDay)) return BirthDatePrecision.MONTH.name();
        return BirthDatePrecision.DAY.name();
    }

    /** An HTML id for a form field: {@code names[0].given} becomes {@code names-0-given}. */
    static String idOf(String field) {
        String id = field.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
        return id.isEmpty() ? "person-form" : id;
    }

    private static String text(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    private static String orNull(String value) {
        return blank(value) ? null : value;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
