package org.pana.registration.importing;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A first mapping proposed from the header names (English, Russian, Kazakh) and the first rows'
 * values: which script a name column is written in, how a date column writes its dates. It is shown to
 * the user to confirm or change; an import is never run on a suggestion alone.
 */
final class MappingSuggestion {

    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<String, PersonField> KNOWN = new LinkedHashMap<>();

    static {
        known(PersonField.FAMILY_NAME, "family name", "familyname", "surname", "last name", "lastname", "family",
                "фамилия", "тегі", "тегi");
        known(PersonField.GIVEN_NAME, "given name", "givenname", "given names", "first name", "firstname", "forename", "name",
                "имя", "аты", "есімі");
        known(PersonField.PATRONYMIC, "patronymic", "father's name", "fathers name", "father name", "middle name",
                "отчество", "имя отца", "әкесінің аты");
        known(PersonField.SEX, "sex", "gender", "пол", "жынысы");
        known(PersonField.BIRTH_DATE, "birth date", "date of birth", "dob", "birthdate", "born", "дата рождения",
                "год рождения", "туған күні", "туған жылы");
        known(PersonField.BIRTH_DATE_PRECISION, "birth date precision", "date precision", "точность даты рождения");
        known(PersonField.PLACE_OF_BIRTH, "place of birth", "birthplace", "birth place", "место рождения", "туған жері");
        known(PersonField.NATIONALITIES, "nationality", "nationalities", "citizenship", "гражданство", "азаматтығы");
        known(PersonField.LANGUAGES, "language", "languages", "язык", "языки", "тіл", "тілдер", "тілі");
        known(PersonField.MARITAL_STATUS, "marital status", "семейное положение", "отбасылық жағдайы");
        known(PersonField.DOCUMENT_TYPE, "document type", "document", "тип документа", "вид документа", "документ", "құжат түрі");
        known(PersonField.DOCUMENT_NUMBER, "document number", "document no", "passport number", "passport no", "passport",
                "номер документа", "номер паспорта", "паспорт", "құжат нөмірі");
        known(PersonField.DOCUMENT_ISSUING_COUNTRY, "issuing country", "country of issue", "issued by", "страна выдачи",
                "берген ел");
        known(PersonField.DOCUMENT_ISSUED_ON, "issue date", "date of issue", "issued on", "дата выдачи", "берілген күні");
        known(PersonField.DOCUMENT_EXPIRES_ON, "expiry date", "date of expiry", "expires on", "valid until", "срок действия",
                "действителен до", "жарамдылық мерзімі");
        known(PersonField.EDUCATION, "education", "образование", "білімі");
        known(PersonField.OCCUPATION, "occupation", "profession", "профессия", "род занятий", "мамандығы", "кәсібі");
        known(PersonField.ADDRESS_REGION, "region", "province", "область", "регион", "облыс", "өңір");
        known(PersonField.ADDRESS_LOCALITY, "city", "town", "locality", "город", "населенный пункт", "населённый пункт", "қала",
                "елді мекен");
        known(PersonField.ADDRESS, "address", "address in the country", "адрес", "мекенжай", "мекенжайы");
        known(PersonField.PHONE, "phone", "telephone", "mobile", "phone number", "телефон", "номер телефона", "телефон нөмірі");
        known(PersonField.EMAIL, "email", "e-mail", "электронная почта", "эл почта");
    }

    private MappingSuggestion() {}

    private static void known(PersonField field, String... headers) {
        for (String header : headers) KNOWN.put(normal(header), field);
    }

    static String normal(String header) {
        return NOT_LETTERS.matcher(header.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The field a header name suggests, if it is one we know (exact, or without a trailing qualifier in brackets). */
    static Optional<PersonField> fieldFor(String header) {
        String normal = normal(header);
        PersonField field = KNOWN.get(normal);
        if (field == null && header.contains("(")) field = KNOWN.get(normal(header.substring(0, header.indexOf('('))));
        return Optional.ofNullable(field);
    }

    static ImportMapping suggest(List<String> header, List<TableRow> samples) {
        List<ImportMapping.Column> columns = new ArrayList<>();
        Map<PersonField, Integer> used = new EnumMap<>(PersonField.class);
        Map<PersonField, Integer> nameColumns = new EnumMap<>(PersonField.class);
        for (String h : header) fieldFor(h).filter(PersonField::isName).ifPresent(f -> nameColumns.merge(f, 1, Integer::sum));
        // One column per name part: one name set. A part in two columns (a Latin and a Cyrillic family
        // name): a name set per script the columns' values are written in.
        boolean severalSets = nameColumns.values().stream().anyMatch(n -> n > 1);
        List<Integer> nameColumnIndexes = new ArrayList<>();
        List<String> setScripts = new ArrayList<>();
        List<ImportMapping.Column> nameMappings = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            Optional<PersonField> suggested = fieldFor(header.get(c));
            if (suggested.isEmpty()) continue;
            PersonField field = suggested.get();
            List<String> values = new ArrayList<>();
            for (TableRow row : samples) if (!row.cell(c).isBlank()) values.add(row.cell(c));
            if (field.isName()) {
                nameColumnIndexes.add(c);
                String script = severalSets ? scriptOf(values).orElse(scriptOf(List.of(header.get(c))).orElse("Latn")) : "";
                int set = setScripts.indexOf(script);
                final int setIndex = set;
                if (set < 0 || nameMappings.stream().anyMatch(x -> x.field() == field && x.nameSet() == setIndex)) {
                    setScripts.add(script);
                    set = setScripts.size() - 1;
                }
                nameMappings.add(new ImportMapping.Column(c, field, set, null));
            } else {
                if (used.containsKey(field)) continue;
                used.put(field, c);
                DateFormat format = field.isDate() ? DateFormat.suggestedBy(values).orElse(DateFormat.YEAR_MONTH_DAY) : null;
                columns.add(new ImportMapping.Column(c, field, null, format));
            }
        }
        List<ImportMapping.NameSet> nameSets = new ArrayList<>();
        for (int s = 0; s < setScripts.size(); s++) {
            String script = setScripts.get(s);
            if (script.isEmpty()) {
                List<String> values = new ArrayList<>();
                for (int c : nameColumnIndexes) for (TableRow row : samples) if (!row.cell(c).isBlank()) values.add(row.cell(c));
                script = scriptOf(values).orElse("Latn");
            }
            nameSets.add(new ImportMapping.NameSet(script, "DOCUMENT"));
        }
        columns.addAll(nameMappings);
        columns.sort(java.util.Comparator.comparingInt(ImportMapping.Column::column));
        return new ImportMapping(columns, nameSets);
    }

    /** The ISO 15924 code of the script most letters of the values are written in, if any letters. */
    static Optional<String> scriptOf(List<String> values) {
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        for (String value : values) {
            value.codePoints().filter(Character::isLetter).forEach(cp -> counts.merge(UnicodeScript.of(cp), 1, Integer::sum));
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> switch (e.getKey()) {
            case LATIN -> "Latn";
            case CYRILLIC -> "Cyrl";
            case ARABIC -> "Arab";
            case ARMENIAN -> "Armn";
            case GEORGIAN -> "Geor";
            case HAN -> "Hani";
            default -> "Zyyy";
        });
    }
}
