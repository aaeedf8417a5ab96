package org.pana.registration.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pana.registration.PersonDetails;

/**
 * Turns a row into a person as the registry takes it ({@link PersonDetails}, every value as text), by
 * the mapping. It only reads the file's conventions: dates in the chosen format, lists separated by
 * commas or semicolons, common spellings of sex in English, Russian and Kazakh. Whether the person is
 * valid is the registry's to say, exactly as for a person sent to the API.
 */
final class RowTranslation {

    private static final Map<String, String> SEX = new HashMap<>();
    private static final Map<String, String> PRECISION = new HashMap<>();

    static {
        for (String v : List.of("m", "male", "man", "м", "муж", "мужской", "мужчина", "ер", "еркек")) SEX.put(v, "MALE");
        for (String v : List.of("f", "female", "woman", "ж", "жен", "женский", "женщина", "әйел", "айел")) SEX.put(v, "FEMALE");
        for (String v : List.of("other", "другой", "иное", "басқа")) SEX.put(v, "OTHER");
        for (String v : List.of("unknown", "u", "неизвестно", "белгісіз")) SEX.put(v, "UNKNOWN");
        for (String v : List.of("day", "день", "күн")) PRECISION.put(v, "DAY");
        for (String v : List.of("month", "месяц", "ай")) PRECISION.put(v, "MONTH");
        for (String v : List.of("year", "год", "жыл")) PRECISION.put(v, "YEAR");
        for (String v : List.of("estimated", "estimate", "примерно", "оценочно", "шамамен")) PRECISION.put(v, "ESTIMATED");
    }

    /** A row as a person, the problems reading it (a date not in the chosen format), and the column of each field. */
    record Translated(int row, PersonDetails person, List<RowProblem> problems, Map<String, String> columns) {

        /** The header of the column a registry field path comes from, if one column holds it. */
        String columnOf(String field) {
            String column = columns.get(field);
            if (column == null && field.endsWith("]")) column = columns.get(field.substring(0, field.lastIndexOf('[')));
            return column;
        }
    }

    private RowTranslation() {}

    static Translated translate(TableRow row, ImportMapping mapping, List<String> header, String jurisdiction) {
        List<RowProblem> problems = new ArrayList<>();
        Map<String, String> columns = new HashMap<>();
        Cells cells = new Cells(row, mapping, header, columns);

        List<PersonDetails.Name> names = new ArrayList<>();
        for (int set = 0; set < mapping.nameSets().size(); set++) {
            String given = cells.name(PersonField.GIVEN_NAME, set);
            String family = cells.name(PersonField.FAMILY_NAME, set);
            String patronymic = cells.name(PersonField.PATRONYMIC, set);
            if (given == null && family == null && patronymic == null) continue;
            int index = names.size();
            String at = "names[" + index + "]";
            cells.columnOf(PersonField.GIVEN_NAME, set).ifPresent(h -> columns.put(at + ".given", h));
            cells.columnOf(PersonField.FAMILY_NAME, set).ifPresent(h -> columns.put(at + ".family", h));
            cells.columnOf(PersonField.PATRONYMIC, set).ifPresent(h -> columns.put(at + ".patronymic", h));
            ImportMapping.NameSet nameSet = mapping.nameSets().get(set);
            names.add(new PersonDetails.Name(given, family, patronymic, nameSet.script(), nameSet.kind() == null ? "DOCUMENT" : nameSet.kind()));
        }

        String birthDate = null;
        String precision = null;
        String birthText = cells.value(PersonField.BIRTH_DATE, "birthDate");
        if (birthText != null) {
            DateFormat format = mapping.columnOf(PersonField.BIRTH_DATE).orElseThrow().dateFormat();
            Optional<DateFormat.ReadDate> read = format.read(birthText);
            if (read.isPresent()) {
                birthDate = read.get().date().toString();
                precision = read.get().precision();
            } else {
                problems.add(dateProblem(row, cells, PersonField.BIRTH_DATE, "birthDate", format));
            }
        }
        String precisionText = cells.value(PersonField.BIRTH_DATE_PRECISION, "birthDatePrecision");
        if (precisionText != null) precision = PRECISION.getOrDefault(precisionText.toLowerCase(Locale.ROOT), code(precisionText));
        if (birthDate == null) precision = precisionText == null ? null : precision;

        String sexText = cells.value(PersonField.SEX, "sex");
        String sex = sexText == null ? null : SEX.getOrDefault(sexText.toLowerCase(Locale.ROOT), code(sexText));

        PersonDetails.Contact contact = null;
        String phone = cells.value(PersonField.PHONE, "contact.phone");
        String email = cells.value(PersonField.EMAIL, "contact.email");
        if (phone != null || email != null) contact = new PersonDetails.Contact(phone, email);

        PersonDetails.Address address = null;
        String region = cells.value(PersonField.ADDRESS_REGION, "address.region");
        String locality = cells.value(PersonField.ADDRESS_LOCALITY, "address.locality");
        String line = cells.value(PersonField.ADDRESS, "address.line");
        if (region != null || locality != null || line != null) address = new PersonDetails.Address(region, locality, line);

        List<PersonDetails.Document> documents = new ArrayList<>();
        String documentType = cells.value(PersonField.DOCUMENT_TYPE, "documents[0].type");
        String documentNumber = cells.value(PersonField.DOCUMENT_NUMBER, "documents[0].number");
        String issuingCountry = cells.value(PersonField.DOCUMENT_ISSUING_COUNTRY, "documents[0].issuingCountry");
        String issuedOn = cells.date(PersonField.DOCUMENT_ISSUED_ON, "documents[0].issuedOn", problems);
        String expiresOn = cells.date(PersonField.DOCUMENT_EXPIRES_ON, "documents[0].expiresOn", problems);
        if (documentType != null || documentNumber != null || issuingCountry != null || issuedOn != null || expiresOn != null) {
            documents.add(new PersonDetails.Document(documentType == null ? null : code(documentType), documentNumber,
                    issuingCountry == null ? null : issuingCountry.toUpperCase(Locale.ROOT), issuedOn, expiresOn));
        }

        String marital = cells.value(PersonField.MARITAL_STATUS, "maritalStatus");
        String education = cells.value(PersonField.EDUCATION, "education");
        PersonDetails person = new PersonDetails(jurisdiction, names, sex, birthDate, precision,
                cells.value(PersonField.PLACE_OF_BIRTH, "placeOfBirth"),
                list(cells.value(PersonField.NATIONALITIES, "nationalities")), list(cells.value(PersonField.LANGUAGES, "languages")),
                marital == null ? null : code(marital), education == null ? null : code(education),
                cells.value(PersonField.OCCUPATION, "occupation"), contact, address, documents, List.of(), null, null);
        if (names.isEmpty()) {
            List<String> nameColumns = new ArrayList<>();
            mapping.columns().stream().filter(c -> c.field().isName()).forEach(c -> nameColumns.add(header.get(c.column())));
            columns.put("names", String.join(", ", nameColumns));
        }
        return new Translated(row.number(), person, problems, columns);
    }

    private static RowProblem dateProblem(TableRow row, Cells cells, PersonField field, String path, DateFormat format) {
        return new RowProblem(row.number(), cells.columnOf(field).orElse(null), path, "import.problem.date-invalid",
                "Not a date written " + format + " (or no such day, such as 30 February).");
    }

    /** An enum-like code as the registry spells it: {@code national id} becomes {@code NATIONAL_ID}. */
    private static String code(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    /** {@code AFG, TJK} or {@code prs;rus} as a list. */
    private static List<String> list(String text) {
        if (text == null) return List.of();
        return Arrays.stream(text.split("[,;|/\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The row's cells by mapped field; blank cells are absent (null). */
    private record Cells(TableRow row, ImportMapping mapping, List<String> header, Map<String, String> columns) {

        String value(PersonField field, String path) {
            Optional<ImportMapping.Column> column = mapping.columnOf(field);
            if (column.isEmpty()) return null;
            columns.put(path, header.get(column.get().column()));
            String value = row.cell(column.get().column()).strip();
            return value.isEmpty() ? null : value;
        }

        String name(PersonField field, int set) {
            return mapping.columnOf(field, set).map(c -> row.cell(c.column()).strip()).filter(v -> !v.isEmpty()).orElse(null);
        }

        Optional<String> columnOf(PersonField field, int set) {
            return mapping.columnOf(field, set).map(c -> header.get(c.column()));
        }

        Optional<String> columnOf(PersonField field) {
            return mapping.columnOf(field).map(c -> header.get(c.column()));
        }

        String date(PersonField field, String path, List<RowProblem> problems) {
            String text = value(field, path);
            if (text == null) return null;
            DateFormat format = mapping.columnOf(field).orElseThrow().dateFormat();
            Optional<DateFormat.ReadDate> read = format.read(text);
            if (read.isEmpty() || !read.get().precision().equals("DAY")) {
                problems.add(dateProblem(row, this, field, path, format));
                return null;
            }
            return read.get().date().toString();
        }
    }
}
