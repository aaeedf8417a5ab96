package org.pana.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A small seeded generator of people written the ways border guards, UN staff and the people themselves write
 * them (Latin spellings, Cyrillic, Arabic script), with planted duplicates (another script or spelling, typos,
 * given and family name swapped, date precision lost, day and month swapped, estimated years) and relatives
 * (brothers and sisters sharing family name, father's name and nationality; some twins). Until the population
 * generator of {@code bench/} is on the classpath, the quality tests use this one.
 */
final class GeneratedPeople {

    /** One name in its spellings: Latin ones, Cyrillic ones, Arabic-script ones. */
    record Name(List<String> latin, List<String> cyrillic, List<String> arabic) {}

    static Name n(String latin, String cyrillic, String arabic) {
        return new Name(List.of(latin.split(",")), List.of(cyrillic.split(",")), List.of(arabic.split(",")));
    }

    static final List<Name> MALE = List.of(
            n("Muhammad,Mohammad,Mohammed,Muhammed", "Мухаммад,Мухаммед,Магомед", "محمد"),
            n("Ahmad,Ahmed", "Ахмад,Ахмед", "احمد"), n("Ali", "Али", "علی"), n("Hassan,Hasan", "Хасан,Гасан", "حسن"),
            n("Hussein,Husein,Hossein,Husayn", "Хусейн,Гусейн", "حسین"), n("Yusuf,Yousuf,Yusif", "Юсуф", "یوسف"),
            n("Ibrahim,Ebrahim", "Ибрагим,Ибрахим", "ابراهیم"), n("Abdul Rahman,Abdurrahman,Abdulrahman", "Абдурахман,Абдурахмон", "عبدالرحمن"),
            n("Omar,Umar", "Умар,Омар", "عمر"), n("Karim,Kareem", "Карим", "کریم"), n("Rahim,Raheem", "Рахим", "رحیم"),
            n("Jamal,Djamal", "Джамал,Жамал", "جمال"), n("Nasir,Naseer", "Насир", "ناصر"), n("Javad,Jawad", "Джавад", "جواد"),
            n("Mahmoud,Mahmud", "Махмуд", "محمود"), n("Khalid,Khaled", "Халид", "خالد"), n("Bilal", "Билал", "بلال"),
            n("Tariq,Tarik", "Тарик", "طارق"), n("Hamid", "Хамид,Гамид", "حمید"), n("Rashid,Rasheed", "Рашид", "رشید"),
            n("Ismail,Esmail", "Исмаил", "اسماعیل"), n("Qasim,Ghasem", "Касым,Касим", "قاسم"), n("Ghulam,Golam", "Гулям,Гулам", "غلام"),
            n("Dawood,Davud,Daud", "Давуд,Дауд", "داوود"), n("Mustafa,Mostafa", "Мустафа", "مصطفی"), n("Farid", "Фарид", "فرید"),
            n("Sayed,Said", "Саид,Сайед", "سید"), n("Jawid,Javid", "Джавид", "جاوید"), n("Shafiq", "Шафик", "شفیق"),
            n("Mohammad Nasir", "Мухаммад Насир", "محمد ناصر"), n("Abdullah,Abdulla", "Абдулла,Абдуллах", "عبدالله"),
            n("Zabiullah,Zabihullah", "Забиулла", "ذبیح الله"), n("Wahid,Vahid", "Вахид", "وحید"), n("Naveed,Navid", "Навид", "نوید"));

    static final List<Name> FEMALE = List.of(
            n("Fatima,Fatemeh", "Фатима", "فاطمه"), n("Zahra", "Захра", "زهرا"), n("Maryam,Mariam", "Марьям,Мариам", "مریم"),
            n("Aisha,Ayesha", "Айша,Аиша", "عایشه"), n("Khadija,Khadijeh", "Хадиджа,Хадижа", "خدیجه"), n("Zainab,Zeinab", "Зайнаб,Зейнаб", "زینب"),
            n("Soraya", "Сорая", "ثریا"), n("Layla,Leila", "Лейла,Лайла", "لیلا"), n("Nargis,Narges", "Наргиз,Наргис", "نرگس"),
            n("Parwin,Parvin", "Парвин", "پروین"), n("Shirin", "Ширин", "شیرین"), n("Habiba", "Хабиба", "حبیبه"),
            n("Farzana", "Фарзана", "فرزانه"), n("Malalai", "Малалай", "ملالی"), n("Nadia", "Надия,Надия", "نادیه"),
            n("Roya", "Роя", "رویا"), n("Sakina", "Сакина", "سکینه"), n("Hamida", "Хамида", "حمیده"));

    static final List<Name> FAMILY = List.of(
            n("Karimi", "Карими", "کریمی"), n("Ahmadi", "Ахмади", "احمدی"), n("Rahimi", "Рахими", "رحیمی"),
            n("Hashimi,Hashemi", "Хашими,Гашими", "هاشمی"), n("Hussaini,Hosseini", "Хусаини,Хоссейни", "حسینی"),
            n("Mohammadi", "Мохаммади,Мухаммади", "محمدی"), n("Noori,Nouri", "Нури", "نوری"), n("Sultani,Soltani", "Султани", "سلطانی"),
            n("Haidari,Heydari", "Хайдари,Гайдари", "حیدری"), n("Jafari", "Джафари", "جعفری"), n("Azizi", "Азизи", "عزیزی"),
            n("Rezaei,Rezai", "Резаи", "رضایی"), n("Safi", "Сафи", "صافی"), n("Popal", "Попал", "پوپل"),
            n("al-Hassan,Al Hasan", "Аль-Хасан", "الحسن"), n("al-Khatib,Alkhatib", "Аль-Хатиб", "الخطیب"),
            n("Haddad", "Хаддад", "حداد"), n("Sharifi", "Шарифи", "شریفی"), n("Yousafzai,Yusufzai", "Юсуфзай", "یوسفزی"),
            n("Amiri", "Амири", "امیری"), n("Naseri,Nasiri", "Насери", "ناصری"), n("Qaderi,Ghaderi", "Кадери", "قادری"),
            n("Rasuli,Rasouli", "Расули", "رسولی"), n("Wardak", "Вардак", "وردک"), n("Stanikzai", "Станикзай", "ستانکزی"),
            n("Omari", "Омари", "عمری"), n("Samadi", "Самади", "صمدی"), n("Faizi", "Файзи", "فیضی"), n("Ghani", "Гани", "غنی"),
            n("Kakar", "Какар", "کاکړ"), n("Mansouri,Mansuri", "Мансури", "منصوری"), n("Sadat", "Садат", "سادات"));

    /** A person as first registered, and who they are in truth. */
    record Person(MatchProfile profile, int identity, Name given, Name family, Name father) {}

    private final Random random;

    GeneratedPeople(long seed) {
        this.random = new Random(seed);
    }

    UUID id() {
        return new UUID(0x0190_0000_0000_7000L | (random.nextLong() & 0x0000_FFFF_FFFF_0FFFL), 0x8000_0000_0000_0000L | (random.nextLong() >>> 2));
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A new person written in one script. */
    Person person(int identity) {
        String sex = random.nextBoolean() ? "M" : "F";
        Name given = pick("M".equals(sex) ? MALE : FEMALE);
        return person(identity, sex, given, pick(FAMILY), pick(MALE), birthDate(), random.nextInt(10) < 7 ? "DAY" : random.nextInt(4) == 0 ? "ESTIMATED" : "YEAR",
                pick(List.of("AFG", "AFG", "AFG", "SYR", "IRQ")), random.nextInt(3) == 0 ? passport() : null);
    }

    private Person person(int identity, String sex, Name given, Name family, Name father, LocalDate birth, String precision,
            String nationality, String passport) {
        if (!"DAY".equals(precision)) birth = LocalDate.of(birth.getYear(), 1, 1);
        String script = pick(List.of("Latn", "Cyrl", "Arab"));
        MatchName name = new MatchName(spell(given, script), spell(family, script), random.nextInt(3) == 0 ? null : spell(father, script), script);
        MatchProfile profile = new MatchProfile(id(), "KAZ", List.of(name), sex, birth, precision, List.of(nationality),
                passport == null ? List.of() : List.of(passport));
        return new Person(profile, identity, given, family, father);
    }

    /** The same person registered again: another script or spelling, and the slips registrations make. */
    MatchProfile duplicate(Person original) {
        MatchProfile o = original.profile();
        String script = pick(List.of("Latn", "Cyrl", "Arab"));
        String given = spell(original.given(), script);
        String family = spell(original.family(), script);
        String father = random.nextInt(2) == 0 ? null : spell(original.father(), script);
        if (random.nextInt(8) == 0 && !"Arab".equals(script)) given = typo(given);
        else if (random.nextInt(8) == 0 && !"Arab".equals(script)) family = typo(family);
        if (random.nextInt(15) == 0) {
            String swap = given;
            given = family;
            family = swap;
        }
        LocalDate birth = o.birthDate();
        String precision = o.birthDatePrecision();
        int slip = random.nextInt(10);
        if (slip == 0 && birth.getDayOfMonth() <= 12 && "DAY".equals(precision)) {
            birth = LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue());
        } else if (slip == 1) {
            birth = LocalDate.of(birth.getYear(), 1, 1);
            precision = "YEAR";
        } else if (slip == 2 && !"DAY".equals(precision)) {
            birth = LocalDate.of(birth.getYear() + (random.nextBoolean() ? 1 : -1), 1, 1);
            precision = "ESTIMATED";
        }
        List<String> documents = !o.documentNumbers().isEmpty() && random.nextBoolean() ? o.documentNumbers() : List.of();
        return new MatchProfile(id(), "KAZ", List.of(new MatchName(given, family, father, script)), o.sex(), birth, precision,
                o.nationalities(), documents);
    }

    /** A brother or sister: same family name, father and nationality; another given name; born another day, or a twin. */
    Person sibling(Person of, int identity) {
        MatchProfile o = of.profile();
        String sex = random.nextBoolean() ? "M" : "F";
        Name given;
        do {
            given = pick("M".equals(sex) ? MALE : FEMALE);
        } while (given == of.given());
        boolean twin = random.nextInt(10) == 0;
        LocalDate birth = twin ? o.birthDate() : o.birthDate().plusDays((random.nextBoolean() ? 1 : -1) * (400L + random.nextInt(4000)));
        return person(identity, sex, given, of.family(), of.father(), birth, twin ? o.birthDatePrecision() : random.nextInt(10) < 7 ? "DAY" : "YEAR",
                o.nationalities().get(0), null);
    }

    private String spell(Name name, String script) {
        return switch (script) {
            case "Cyrl" -> pick(name.cyrillic());
            case "Arab" -> pick(name.arabic());
            default -> pick(name.latin());
        };
    }

    private String typo(String word) {
        if (word.length() < 5) return word;
        int i = 1 + random.nextInt(word.length() - 2);
        StringBuilder b = new StringBuilder(word);
        switch (random.nextInt(3)) {
            case 0 -> b.deleteCharAt(i);
            case 1 -> { char c = b.charAt(i); b.setCharAt(i, b.charAt(i + 1)); b.setCharAt(i + 1, c); }
            default -> b.insert(i, b.charAt(i));
        }
        return b.toString();
    }

    private LocalDate birthDate() {
        return LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 65));
    }

    private String passport() {
        return "P" + (1_000_000 + random.nextInt(9_000_000));
    }

    /** A registry: people, some with a registered duplicate, some with brothers and sisters. */
    record Registry(List<Person> people, List<MatchProfile> duplicates, List<Person> duplicateOf, List<Person[]> siblings) {}

    Registry registry(int size) {
        List<Person> people = new ArrayList<>();
        List<MatchProfile> duplicates = new ArrayList<>();
        List<Person> duplicateOf = new ArrayList<>();
        List<Person[]> siblings = new ArrayList<>();
        int identity = 0;
        while (people.size() < size) {
            Person p = person(identity++);
            people.add(p);
            if (random.nextInt(3) == 0) {
                duplicates.add(duplicate(p));
                duplicateOf.add(p);
            }
            if (random.nextInt(3) == 0) {
                Person s = sibling(p, identity++);
                people.add(s);
                siblings.add(new Person[] {p, s});
            }
        }
        return new Registry(people, duplicates, duplicateOf, siblings);
    }
}
