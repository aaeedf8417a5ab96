package org.pana.population;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.pana.population.NameTable.Entry;
import org.pana.population.NameTable.Kind;

/**
 * A seeded generator of fictional people in households, as registered in Kazakhstan: Afghan (Dari and
 * Pashto, Persian script), Syrian and Iraqi (Arabic script), Uzbek, Tajik, Kazakh, Kyrgyz and Russian
 * (Cyrillic), each written in the original script and in the common Latin and Cyrillic spellings of the
 * curated name table. About {@link #DUPLICATE_SHARE} of the people are registered a second time by another
 * source, written differently (the {@code variation} of the second record says how), somewhere in the
 * next few thousand records. The same seed gives the same people; streaming keeps memory flat.
 *
 * <pre>{@code
 * new PopulationGenerator(42).people(3_000).forEach(...)
 * }</pre>
 */
public final class PopulationGenerator {

    /** The day the population is generated "on": ages and document expiry are counted from here. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 27);

    /** The share of people registered twice. */
    public static final double DUPLICATE_SHARE = 0.10;

    private static final class Names {
        static final NameTable TABLE = NameTable.load();
    }

    private final long seed;

    public PopulationGenerator(long seed) {
        this.seed = seed;
    }

    /** The first {@code size} records, in order, duplicates among them. */
    public Stream<GeneratedPerson> people(int size) {
        return StreamSupport.stream(Spliterators.spliterator(iterator(size), size,
                Spliterator.ORDERED | Spliterator.SIZED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /** The same records as {@link #people(int)}, one at a time. */
    public Iterator<GeneratedPerson> iterator(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        return new Run(seed, size, Names.TABLE);
    }

    /** One person as they are, before any clerk writes them down. */
    private record Someone(String identity, String family, String relation, Origin origin, boolean male, Entry given,
            Entry familyName, Entry father, boolean turkicPatronymic, LocalDate birthDate, String precision,
            List<String> nationalities, List<String> languages, List<GeneratedDocument> documents, String address,
            boolean article) {}

    private record Pending(int emitAt, long order, GeneratedPerson person) {}

    private static final class Run implements Iterator<GeneratedPerson> {
        private final SplittableRandom random;
        private final int size;
        private final NameTable names;
        private final ArrayDeque<GeneratedPerson> ready = new ArrayDeque<>();
        private final PriorityQueue<Pending> pending = new PriorityQueue<>(
                (a, b) -> a.emitAt() != b.emitAt() ? Integer.compare(a.emitAt(), b.emitAt()) : Long.compare(a.order(), b.order()));
        private int emitted;
        private int people;
        private int households;
        private long order;
        private final int maxDelay;

        Run(long seed, int size, NameTable names) {
            this.random = new SplittableRandom(seed);
            this.size = size;
            this.maxDelay = Math.max(20, Math.min(3_000, size / 20));
            this.names = names;
        }

        @Override
        public boolean hasNext() {
            return emitted < size;
        }

        @Override
        public GeneratedPerson next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            while (true) {
                if (!pending.isEmpty() && pending.peek().emitAt() <= emitted) {
                    return pending.poll().person().at(emitted++);
                }
                if (!ready.isEmpty()) {
                    return ready.poll().at(emitted++);
                }
                household();
            }
        }

        // ---- households ------------------------------------------------------------------------------------

        /** Given names already used in the household being generated: parents do not give two children one name. */
        private final java.util.Set<Entry> usedGiven = new java.util.HashSet<>();

        private void household() {
            usedGiven.clear();
            String family = "H%07d".formatted(++households);
            Origin origin = origin();
            Entry familyName = pick(names.names(origin, Kind.FAMILY));
            String address = address();
            boolean turkic = (origin == Origin.KAZAKH || origin == Origin.KYRGYZ || origin == Origin.UZBEK)
                    && random.nextDouble() < 0.5;
            boolean article = random.nextDouble() < 0.8;
            List<String> nationalities = nationalities(origin);
            boolean focalMale = random.nextDouble() < 0.8;
            int focalAge = 19 + random.nextInt(45);
            Entry focalFather = pick(names.names(origin, Kind.MALE));
            LocalDate focalBirth = birthDay(REFERENCE_DATE.getYear() - focalAge);
            List<Someone> members = new ArrayList<>();
            Someone focal = someone(family, "FOCAL_POINT", origin, focalMale, familyName, focalFather, turkic, focalBirth,
                    nationalities, address, article, null);
            members.add(focal);

            Someone husband = focalMale ? focal : null;
            Someone mother = focalMale ? null : focal;
            if (focalAge >= 21 && random.nextDouble() < 0.72) {
                boolean spouseMale = !focalMale;
                Entry spouseFamily = origin.slavicNaming() && random.nextDouble() < 0.85 ? familyName
                        : pick(names.names(origin, Kind.FAMILY));
                int spouseAge = Math.max(18, focalAge + (focalMale ? -random.nextInt(10) : random.nextInt(10)));
                Someone spouse = someone(family, "SPOUSE", origin, spouseMale, spouseFamily,
                        pick(names.names(origin, Kind.MALE)), turkic, birthDay(REFERENCE_DATE.getYear() - spouseAge),
                        random.nextDouble() < 0.9 ? nationalities : nationalities(origin), address,
                        random.nextDouble() < 0.8, null);
                members.add(spouse);
                if (spouseMale) {
                    husband = spouse;
                } else {
                    mother = spouse;
                }
            }
            if (mother != null) {
                Entry childFather = husband != null ? husband.given() : pick(names.names(origin, Kind.MALE));
                Entry childFamily = husband != null ? husband.familyName()
                        : origin.slavicNaming() ? mother.familyName() : pick(names.names(origin, Kind.FAMILY));
                children(members, family, origin, childFather, childFamily, turkic, mother.birthDate().getYear(),
                        nationalities, address, article);
            }
            if (random.nextDouble() < 0.15) {
                int years = 1 + random.nextInt(8);
                LocalDate birth = birthDay(focalBirth.getYear() + (random.nextBoolean() ? years : -years));
                if (birth.isBefore(REFERENCE_DATE.minusYears(16))) {
                    members.add(someone(family, "SIBLING", origin, random.nextDouble() < 0.55, familyName, focalFather,
                            turkic, birth, nationalities, address, article, null));
                }
            }
            if (random.nextDouble() < 0.08 && focalAge < 60) {
                int parentAge = focalAge + 20 + random.nextInt(20);
                boolean parentMale = random.nextBoolean();
                LocalDate birth = birthDay(REFERENCE_DATE.getYear() - parentAge);
                if (parentMale) {
                    members.add(new Someone(nextIdentity(), family, "PARENT", origin, true, focalFather, familyName,
                            pick(names.names(origin, Kind.MALE)), turkic, birth, adultPrecision(origin), nationalities,
                            languages(origin), documents(nationalities.get(0), origin, parentAge), address, article));
                } else {
                    Entry parentFamily = origin.slavicNaming() ? familyName : pick(names.names(origin, Kind.FAMILY));
                    members.add(someone(family, "PARENT", origin, false, parentFamily, pick(names.names(origin, Kind.MALE)),
                            turkic, birth, nationalities, address, random.nextDouble() < 0.8, null));
                }
            }
            for (Someone member : members) {
                GeneratedPerson first = firstRecord(member);
                ready.add(first);
                if (random.nextDouble() < DUPLICATE_SHARE) {
                    pending.add(new Pending(emitted + ready.size() + random.nextInt(maxDelay), order++,
                            secondRecord(member, first)));
                }
            }
        }

        private void children(List<Someone> members, String family, Origin origin, Entry father, Entry familyName,
                boolean turkic, int motherBirthYear, List<String> nationalities, String address, boolean article) {
            int count = childCount(origin);
            int year = motherBirthYear + 18 + random.nextInt(9);
            LocalDate previous = null;
            for (int i = 0; i < count; i++) {
                boolean twin = previous != null && random.nextDouble() < 0.04;
                LocalDate birth = twin ? previous : birthDay(year);
                if (birth.isAfter(REFERENCE_DATE.minusMonths(1))) {
                    return;
                }
                boolean male = random.nextBoolean();
                Someone child = someone(family, "CHILD", origin, male, familyName, father, turkic, birth, nationalities,
                        address, article, twin ? members.get(members.size() - 1).precision() : null);
                members.add(child);
                previous = birth;
                if (!twin) {
                    year += 1 + random.nextInt(4);
                }
                if (random.nextDouble() < 0.04 && i + 1 < count) {
                    previous = birth; // the next child is this one's twin
                    Someone twinChild = someone(family, "CHILD", origin, random.nextDouble() < 0.6 ? male : !male,
                            familyName, father, turkic, birth, nationalities, address, article, child.precision());
                    members.add(twinChild);
                    i++;
                    year += 1 + random.nextInt(3);
                }
            }
        }

        private int childCount(Origin origin) {
            double draw = random.nextDouble();
            int base = draw < 0.15 ? 0 : draw < 0.35 ? 1 : draw < 0.6 ? 2 : draw < 0.78 ? 3 : draw < 0.9 ? 4 : 5;
            if (origin == Origin.AFGHAN && random.nextDouble() < 0.3) {
                base += 1 + random.nextInt(2);
            }
            return base;
        }

        private Someone someone(String family, String relation, Origin origin, boolean male, Entry familyName, Entry father,
                boolean turkic, LocalDate birth, List<String> nationalities, String address, boolean article,
                String precision) {
            int age = REFERENCE_DATE.getYear() - birth.getYear();
            Entry[] choices = names.names(origin, male ? Kind.MALE : Kind.FEMALE);
            Entry given = pick(choices);
            for (int tries = 0; tries < 20 && usedGiven.contains(given); tries++) {
                given = pick(choices);
            }
            usedGiven.add(given);
            String chosenPrecision = precision != null ? precision
                    : age < 12 ? (random.nextDouble() < 0.8 ? "DAY" : "YEAR") : adultPrecision(origin);
            return new Someone(nextIdentity(), family, relation, origin, male, given, familyName, father, turkic, birth,
                    chosenPrecision, nationalities, languages(origin), documents(nationalities.get(0), origin, age),
                    address, article);
        }

        private String nextIdentity() {
            return "P%08d".formatted(++people);
        }

        private Origin origin() {
            double draw = random.nextDouble();
            double sum = 0;
            for (Origin origin : Origin.values()) {
                sum += origin.share;
                if (draw < sum) {
                    return origin;
                }
            }
            return Origin.AFGHAN;
        }

        private String adultPrecision(Origin origin) {
            double draw = random.nextDouble();
            if (origin == Origin.AFGHAN) {
                return draw < 0.38 ? "DAY" : draw < 0.42 ? "MONTH" : draw < 0.85 ? "YEAR" : "ESTIMATED";
            }
            if (origin.writesArabicScript()) {
                return draw < 0.6 ? "DAY" : draw < 0.65 ? "MONTH" : draw < 0.9 ? "YEAR" : "ESTIMATED";
            }
            return draw < 0.85 ? "DAY" : draw < 0.88 ? "MONTH" : draw < 0.97 ? "YEAR" : "ESTIMATED";
        }

        private LocalDate birthDay(int year) {
            return LocalDate.ofYearDay(year, 1 + random.nextInt(Year.isLeap(year) ? 366 : 365));
        }

        private List<String> nationalities(Origin origin) {
            double draw = random.nextDouble();
            return switch (origin) {
                case AFGHAN -> List.of(draw < 0.94 ? "AFG" : draw < 0.97 ? "XXX" : "XXA");
                case SYRIAN -> List.of(draw < 0.9 ? "SYR" : draw < 0.96 ? "XXA" : "XXX");
                case IRAQI -> List.of(draw < 0.96 ? "IRQ" : "XXX");
                default -> List.of(draw < 0.97 ? origin.country : draw < 0.99 ? "XXA" : "XXX");
            };
        }

        private List<String> languages(Origin origin) {
            return origin.languages(random.nextDouble(), random.nextDouble());
        }

        private static final String[] CITIES = {"Almaty", "Almaty", "Almaty", "Astana", "Astana", "Shymkent", "Karaganda",
                "Taraz", "Aktobe", "Kyzylorda"};
        private static final String[] STREETS = {"Abay Ave", "Tole Bi St", "Zhibek Zholy Ave", "Raiymbek Ave",
                "Satpayev St", "Dostyk Ave", "Baitursynov St", "Zhandosov St", "Seifullin Ave", "Auezov St",
                "Kabanbay Batyr St", "Nauryzbay Batyr St", "Furmanov St", "Tlendiyev St"};

        private String address() {
            return "%s, %s %d, apt %d (fictional)".formatted(CITIES[random.nextInt(CITIES.length)],
                    STREETS[random.nextInt(STREETS.length)], 1 + random.nextInt(240), 1 + random.nextInt(180));
        }

        private List<GeneratedDocument> documents(String country, Origin origin, int age) {
            if (country.startsWith("XX")) {
                return List.of();
            }
            List<GeneratedDocument> documents = new ArrayList<>(2);
            double passport = age < 14 ? 0.2 : switch (origin) {
                case AFGHAN -> 0.35;
                case SYRIAN, IRAQI -> 0.5;
                default -> 0.85;
            };
            double nationalId = age < 14 ? 0.1 : origin.writesArabicScript() ? 0.42 : 0.3;
            if (random.nextDouble() < passport) {
                documents.add(new GeneratedDocument("PASSPORT", passportNumber(country), country, expiry(age)));
            }
            if (random.nextDouble() < nationalId) {
                documents.add(new GeneratedDocument("NATIONAL_ID", nationalIdNumber(country), country,
                        random.nextDouble() < 0.5 ? null : expiry(age)));
            }
            return documents;
        }

        private LocalDate expiry(int age) {
            return REFERENCE_DATE.minusYears(3).plusDays(random.nextInt(365 * (age < 16 ? 8 : 13)));
        }

        private String digits(int count) {
            StringBuilder out = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                out.append((char) ('0' + random.nextInt(10)));
            }
            return out.toString();
        }

        private String passportNumber(String country) {
            return switch (country) {
                case "AFG" -> "P" + digits(7);
                case "SYR" -> "N" + digits(9);
                case "IRQ" -> "A" + digits(8);
                case "UZB" -> (random.nextBoolean() ? "AA" : "FA") + digits(7);
                case "TJK" -> "40" + digits(7);
                case "KAZ" -> "N" + digits(8);
                case "KGZ" -> "AC" + digits(7);
                default -> "75" + digits(7);
            };
        }

        private String nationalIdNumber(String country) {
            return switch (country) {
                case "AFG" -> "1" + digits(12);
                case "SYR" -> "0" + digits(10);
                case "IRQ" -> "19" + digits(10);
                case "UZB" -> "AD" + digits(7);
                case "TJK" -> "A" + digits(8);
                case "KAZ" -> digits(12);
                case "KGZ" -> "ID" + digits(7);
                default -> digits(10);
            };
        }

        // ---- records -------------------------------------------------------------------------------------

        private GeneratedPerson firstRecord(Someone person) {
            boolean hasDocument = !person.documents().isEmpty();
            List<String> scripts = new ArrayList<>(3);
            if (person.origin().writesArabicScript()) {
                if (hasDocument) {
                    scripts.add("Latn");
                    scripts.add("Arab");
                    if (random.nextDouble() < 0.35) {
                        scripts.add("Cyrl");
                    }
                } else {
                    scripts.add("Arab");
                    scripts.add(random.nextDouble() < 0.6 ? "Cyrl" : "Latn");
                }
            } else {
                scripts.add("Cyrl");
                if (hasDocument && random.nextDouble() < 0.5) {
                    scripts.add("Latn");
                }
            }
            boolean patronymic = random.nextDouble() < (person.origin().slavicNaming() ? 0.9 : 0.8);
            Form form = new Form(false, person.article(), patronymic, -1);
            List<GeneratedName> written = write(person, scripts, form, hasDocument);
            return new GeneratedPerson(-1, person.identity(), person.family(), person.relation(), written,
                    person.male() ? "MALE" : "FEMALE", stored(person.birthDate(), person.precision()), person.precision(),
                    person.nationalities(), person.languages(), person.documents(), null, person.address());
        }

        /** How a record writes the names: swapped, with or without article and patronymic, compound spacing. */
        private record Form(boolean swapped, boolean article, boolean patronymic, int compoundSpaced) {}

        private GeneratedPerson secondRecord(Someone person, GeneratedPerson first) {
            List<String> scripts = secondScripts(person.origin());
            List<String> variations = new ArrayList<>();
            variations.add("scripts=" + String.join("+", scripts));
            List<String> applicable = new ArrayList<>();
            applicable.add("patronymic");
            applicable.add("swapped");
            applicable.add("typo");
            if (person.given().hasCompoundSpellings()) {
                applicable.add("compound");
                applicable.add("compound");
            }
            if (person.familyName().hasArticle()) {
                applicable.add("article");
                applicable.add("article");
            }
            if (scripts.contains("Cyrl")) {
                applicable.add("homoglyphs");
            }
            String precision = person.precision();
            LocalDate birth = person.birthDate();
            if (precision.equals("DAY") || precision.equals("MONTH")) {
                applicable.add("year-only");
            }
            if (precision.equals("DAY") && birth.getDayOfMonth() <= 12 && birth.getDayOfMonth() != birth.getMonthValue()) {
                applicable.add("day-month-swapped");
            }
            if (precision.equals("ESTIMATED") || precision.equals("YEAR")) {
                applicable.add("year-shifted");
            }
            boolean firstHasDocuments = !first.documents().isEmpty();
            applicable.add(firstHasDocuments ? "documents-on-first-only" : "documents-on-second-only");
            int count = random.nextDouble() < 0.5 ? 1 : random.nextDouble() < 0.6 ? 2 : 3;
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < count && !applicable.isEmpty(); i++) {
                String variation = applicable.get(random.nextInt(applicable.size()));
                applicable.removeIf(variation::equals);
                if (variation.equals("year-only")) {
                    applicable.remove("day-month-swapped");
                } else if (variation.equals("day-month-swapped")) {
                    applicable.remove("year-only");
                }
                chosen.add(variation);
            }

            boolean firstPatronymic = first.names().stream().anyMatch(n -> n.patronymic() != null);
            boolean patronymic = chosen.contains("patronymic") != firstPatronymic;
            boolean article = chosen.contains("article") != person.article();
            int compoundSpaced = -1;
            if (chosen.contains("compound")) {
                boolean firstSpaced = first.names().stream()
                        .filter(n -> !n.script().equals("Arab"))
                        .anyMatch(n -> n.given() != null && n.given().indexOf(' ') >= 0);
                compoundSpaced = firstSpaced ? 0 : 1;
            }
            List<GeneratedDocument> documents = person.documents();
            if (chosen.contains("documents-on-first-only")) {
                documents = List.of();
            } else if (chosen.contains("documents-on-second-only")) {
                documents = documents(person.nationalities().get(0), person.origin(), 30);
                if (documents.isEmpty() && !person.nationalities().get(0).startsWith("XX")) {
                    documents = List.of(new GeneratedDocument("PASSPORT", passportNumber(person.nationalities().get(0)),
                            person.nationalities().get(0), expiry(30)));
                }
            }
            Form form = new Form(chosen.contains("swapped"), article, patronymic, compoundSpaced);
            List<GeneratedName> written = new ArrayList<>(write(person, scripts, form, !documents.isEmpty()));
            if (chosen.contains("typo")) {
                int at = random.nextInt(written.size());
                GeneratedName name = written.get(at);
                if (name.script().equals("Arab")) {
                    at = written.size() - 1;
                    name = written.get(at);
                }
                written.set(at, random.nextBoolean() || name.family() == null
                        ? new GeneratedName(Spellings.typo(name.given(), random), name.family(), name.patronymic(),
                                name.script(), name.kind())
                        : new GeneratedName(name.given(), Spellings.typo(name.family(), random), name.patronymic(),
                                name.script(), name.kind()));
            }
            if (chosen.contains("homoglyphs")) {
                for (int i = 0; i < written.size(); i++) {
                    GeneratedName name = written.get(i);
                    if (name.script().equals("Cyrl")) {
                        written.set(i, random.nextBoolean()
                                ? new GeneratedName(Spellings.homoglyphs(name.given(), random), name.family(),
                                        name.patronymic(), name.script(), name.kind())
                                : new GeneratedName(name.given(), Spellings.homoglyphs(name.family(), random),
                                        name.patronymic(), name.script(), name.kind()));
                        break;
                    }
                }
            }
            String secondPrecision = precision;
            LocalDate secondBirth = birth;
            if (chosen.contains("year-only")) {
                secondPrecision = "YEAR";
            } else if (chosen.contains("day-month-swapped")) {
                secondBirth = LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue());
            } else if (chosen.contains("year-shifted")) {
                boolean later = random.nextBoolean() && birth.getYear() < REFERENCE_DATE.getYear();
                secondBirth = birth.plusYears(later ? 1 : -1);
                secondPrecision = "ESTIMATED";
            }
            variations.addAll(chosen);
            return new GeneratedPerson(-1, person.identity(), person.family(), person.relation(), written,
                    first.sex(), stored(secondBirth, secondPrecision), secondPrecision, person.nationalities(),
                    person.languages(), documents, String.join(";", variations), person.address());
        }

        private List<String> secondScripts(Origin origin) {
            double draw = random.nextDouble();
            if (origin.writesArabicScript()) {
                return draw < 0.35 ? List.of("Cyrl") : draw < 0.6 ? List.of("Latn") : draw < 0.75 ? List.of("Arab")
                        : draw < 0.9 ? List.of("Latn", "Cyrl") : List.of("Arab", "Cyrl");
            }
            return draw < 0.5 ? List.of("Cyrl") : draw < 0.8 ? List.of("Latn") : List.of("Cyrl", "Latn");
        }

        private List<GeneratedName> write(Someone person, List<String> scripts, Form form, boolean hasDocument) {
            List<GeneratedName> written = new ArrayList<>(scripts.size());
            for (String script : scripts) {
                String kind = switch (script) {
                    case "Latn" -> hasDocument ? "DOCUMENT" : "DECLARED";
                    case "Cyrl" -> person.origin().slavicNaming() && hasDocument ? "DOCUMENT" : "DECLARED";
                    default -> "DECLARED";
                };
                written.add(name(person, script, kind, form));
            }
            return written;
        }

        private GeneratedName name(Someone person, String script, String kind, Form form) {
            boolean female = !person.male();
            Origin origin = person.origin();
            String given;
            String family;
            String patronymic = null;
            if (script.equals("Arab")) {
                boolean persian = origin == Origin.AFGHAN;
                given = arabic(person.given(), persian);
                family = arabic(person.familyName(), persian);
                if (form.patronymic()) {
                    patronymic = arabic(person.father(), persian);
                }
            } else {
                boolean cyrillic = script.equals("Cyrl");
                given = spelling(person.given(), cyrillic, form.compoundSpaced(), origin);
                family = spelling(person.familyName(), cyrillic, -1, origin);
                if (origin.slavicNaming() && female) {
                    family = Spellings.feminine(family, cyrillic);
                }
                if (form.patronymic()) {
                    String father = spelling(person.father(), cyrillic, -1, origin);
                    if (!origin.slavicNaming()) {
                        patronymic = father;
                    } else if (person.turkicPatronymic()) {
                        patronymic = Spellings.turkicPatronymic(origin, father, cyrillic, person.male(), random);
                    } else {
                        patronymic = Spellings.russianPatronymic(person.father().cyrillic().get(0), father, cyrillic,
                                person.male(), random);
                    }
                }
            }
            if (!form.article() && person.familyName().hasArticle()) {
                family = Spellings.withoutArticle(family);
            }
            if (form.swapped()) {
                String swap = given;
                given = family;
                family = swap;
            }
            return new GeneratedName(given, family, patronymic, script, kind);
        }

        private String arabic(Entry entry, boolean persian) {
            String arabic = entry.arabic();
            if (arabic == null) {
                throw new IllegalStateException("no Arabic-script form for " + entry.latin().get(0));
            }
            return persian ? Spellings.persian(arabic) : arabic;
        }

        /** A curated spelling, the common ones more often; {@code spaced} 0/1 forces a joined/apart compound. */
        private String spelling(Entry entry, boolean cyrillic, int spaced, Origin origin) {
            List<String> spellings = cyrillic ? entry.cyrillic() : entry.latin();
            if (spaced >= 0) {
                List<String> wanted = spellings.stream().filter(s -> (s.indexOf(' ') >= 0) == (spaced == 1)).toList();
                if (!wanted.isEmpty()) {
                    return wanted.get(random.nextInt(wanted.size()));
                }
            }
            if (cyrillic && origin.slavicNaming() && random.nextDouble() < 0.6) {
                return spellings.get(0); // the original Cyrillic form
            }
            double draw = random.nextDouble();
            int at = draw < 0.5 ? 0 : draw < 0.78 ? 1 : draw < 0.92 ? 2 : 3 + random.nextInt(2);
            return spellings.get(Math.min(at, spellings.size() - 1));
        }

        private static LocalDate stored(LocalDate birth, String precision) {
            return switch (precision) {
                case "MONTH" -> birth.withDayOfMonth(1);
                case "YEAR", "ESTIMATED" -> LocalDate.of(birth.getYear(), 1, 1);
                default -> birth;
            };
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
