package org.pana.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LatinisationTests {

    static Stream<Arguments> spellingsOfOneName() {
        return Stream.of(
                Arguments.of(List.of("Мухаммад", "Muhammad", "Mohammed", "Mohammad", "Muhammed", "محمد", "Магомед", "Mukhammad")),
                Arguments.of(List.of("Карими", "Karimi", "کریمی", "كريمي", "Karimy")),
                Arguments.of(List.of("Абдурахмон", "Abdul Rahman", "عبدالرحمن", "Abdurrahman", "Abdulrahman", "Абдуррахман", "عبد الرحمن")),
                Arguments.of(List.of("Аль-Хасан", "al-Hassan", "الحسن", "Hassan", "Хасан", "Al Hasan", "El-Hassan")),
                Arguments.of(List.of("Юсуф", "Yusuf", "یوسف", "Yousuf", "Yusif")),
                Arguments.of(List.of("Ибрагим", "Ibrahim", "ابراهیم", "إبراهيم", "Ebrahim", "Ибрахим")),
                Arguments.of(List.of("Фатима", "Fatima", "فاطمه", "فاطمة", "Fatemeh")),
                Arguments.of(List.of("Гусейн", "Husein", "Hussein", "حسین", "Husayn")),
                Arguments.of(List.of("Джамал", "Jamal", "جمال", "Djamal")),
                Arguments.of(List.of("Давуд", "Dawood", "داوود", "Davud")),
                Arguments.of(List.of("Касым", "Qasim", "قاسم", "Ghasem", "Қасым")),
                Arguments.of(List.of("Гулям", "Ghulam", "غلام", "Golam")),
                Arguments.of(List.of("Исмаил", "Ismail", "اسماعیل", "Esmail")),
                Arguments.of(List.of("Омар", "Omar", "عمر", "Umar")),
                Arguments.of(List.of("Ерлан", "Yerlan", "Erlan")),
                Arguments.of(List.of("Жанна", "Zhanna", "Janna")));
    }

    @ParameterizedTest
    @MethodSource("spellingsOfOneName")
    void givesEverySpellingOfOneNameAJoinedKeyInCommon(List<String> spellings) {
        NamePart first = NamePart.of(spellings.get(0));
        for (String spelling : spellings) {
            NamePart other = NamePart.of(spelling);
            assertThat(other.joinedKeys).as(spelling + " " + other.joinedKeys + " vs " + spellings.get(0) + " " + first.joinedKeys)
                    .containsAnyElementsOf(first.joinedKeys);
        }
    }

    @Test
    void latinisesArabicPersianCyrillicAndKazakhScript() {
        assertThat(Latinisation.latin("Мухаммад Карими")).isEqualTo("mukhammad karimi");
        assertThat(Latinisation.latin("محمد کریمی")).isEqualTo("mhmd krimi");
        assertThat(Latinisation.latin("مُحَمَّد كريمي")).isEqualTo("mhmd krimi");
        assertThat(Latinisation.latin("Қайрат Ғалым Ұлан Әлия Іргебай")).isEqualTo("qairat ghalym ulan aliya irgebai");
        assertThat(Latinisation.latin("Юсуф")).isEqualTo("yusuf");
        assertThat(Latinisation.latin("Ma'ruf ʿAli")).isEqualTo("maruf ali");
    }

    @Test
    void readsLatinLettersTypedInsideACyrillicWordAsCyrillic() {
        // "Мухаммад" with Latin a and Latin o in "Kаримов"
        assertThat(Latinisation.latin("Мухaммaд")).isEqualTo("mukhammad");
        assertThat(Latinisation.latin("Kаримoв")).isEqualTo("karimov");
        assertThat(Latinisation.latin("Мухaммaд")).isEqualTo(Latinisation.latin("Мухаммад"));
    }

    @Test
    void keepsTheArabicArticleApartSoTheNameIsFoundWithAndWithoutIt() {
        assertThat(Latinisation.latin("Аль-Хасан")).isEqualTo("al-khasan");
        assertThat(Latinisation.latin("al Hassan")).isEqualTo("al-hassan");
        assertThat(Latinisation.latin("الحسن")).isEqualTo("al-hsn");
        NamePart withArticle = NamePart.of("al-Hassan");
        assertThat(withArticle.joined).isEqualTo("alhassan");
        assertThat(withArticle.bareJoined).isEqualTo("hassan");
        assertThat(withArticle.joinedKeys).contains("alhsn", "hsn");
    }

    @Test
    void splitsCompoundGivenNamesAndKeepsTheJoinedForm() {
        NamePart compound = NamePart.of("Mohammad Nasir");
        assertThat(compound.words).containsExactly("mohammad", "nasir");
        assertThat(compound.joined).isEqualTo("mohammadnasir");
        assertThat(compound.wordKeys).contains("mhmdnsr", "mhmd", "nsr");
    }

    @Test
    void stripsTashkeelTatweelAndInvisibleCharacters() {
        assertThat(Latinisation.latin("مـحـمـد")).isEqualTo("mhmd");
        assertThat(Latinisation.latin("Karimi\u202E")).isEqualTo("karimi");
        assertThat(Latinisation.latin("عبد\u200Cالله")).isEqualTo(Latinisation.latin("عبدالله"));
    }

    @Test
    void givesRussianGTheSecondKeyOfH() {
        assertThat(NamePart.of("Ибрагим").joinedKeys).contains("abrkm", "abrhm");
        assertThat(NamePart.of("Ibragim").joinedKeys).containsExactly("abrkm");
    }

    @Test
    void tellsDifferentNamesApart() {
        List<String> names = List.of("Muhammad", "Karim", "Rahim", "Yusuf", "Ibrahim", "Hassan", "Ali", "Omar", "Jamal", "Nasir",
                "Fatima", "Zahra", "Maryam", "Ahmad", "Hamid", "Rashid", "Said", "Khalid", "Bilal", "Tariq");
        for (String a : names) {
            for (String b : names) {
                if (a.equals(b)) continue;
                Set<String> x = NamePart.of(a).joinedKeys;
                assertThat(x).as(a + " vs " + b).doesNotContainAnyElementsOf(NamePart.of(b).joinedKeys);
            }
        }
    }

    @Test
    void normalisesDocumentNumbersTypedInEitherLayout() {
        assertThat(NormalisedProfile.documentNumber("n 12-345 67")).isEqualTo("N1234567");
        assertThat(NormalisedProfile.documentNumber("N١٢٣٤٥٦٧")).isEqualTo("N1234567");
        assertThat(NormalisedProfile.documentNumber("Р 0012345")).isEqualTo("P0012345"); // Cyrillic Р
    }
}
