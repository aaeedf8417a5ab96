package org.pana.population;

import java.util.List;

/**
 * Where a generated household comes from: the naming tradition (the origin letter in {@code names.tsv}),
 * its usual nationality, languages (ISO 639-3) and how often it is drawn. Shares follow the caseload of
 * Kazakhstan: mostly Afghans, then Syrians, Central Asians, Iraqis and Russians.
 */
enum Origin {
    AFGHAN('A', "AFG", 0.38),
    SYRIAN('R', "SYR", 0.16),
    IRAQI('R', "IRQ", 0.08),
    UZBEK('U', "UZB", 0.11),
    TAJIK('T', "TJK", 0.09),
    KAZAKH('K', "KAZ", 0.05),
    KYRGYZ('G', "KGZ", 0.05),
    RUSSIAN('S', "RUS", 0.08);

    final char tag;
    final String country;
    final double share;

    Origin(char tag, String country, double share) {
        this.tag = tag;
        this.country = country;
        this.share = share;
    }

    /** Names written in Arabic script by the person themself (Persian letters for Afghans). */
    boolean writesArabicScript() {
        return this == AFGHAN || this == SYRIAN || this == IRAQI;
    }

    /** Family names inflected for sex and patronymics formed with -ovich/-ovna (or -uly/-kyzy). */
    boolean slavicNaming() {
        return !writesArabicScript();
    }

    /** The first language: Dari or Pashto for Afghans, then Arabic, Uzbek, Tajik, Kazakh, Kyrgyz, Russian. */
    List<String> languages(double draw, double secondDraw) {
        return switch (this) {
            case AFGHAN -> secondDraw < 0.2 ? List.of(draw < 0.62 ? "prs" : "pus", "rus") : List.of(draw < 0.62 ? "prs" : "pus");
            case SYRIAN, IRAQI -> secondDraw < 0.06 ? List.of("ara", "rus") : List.of("ara");
            case UZBEK -> secondDraw < 0.6 ? List.of("uzb", "rus") : List.of("uzb");
            case TAJIK -> secondDraw < 0.6 ? List.of("tgk", "rus") : List.of("tgk");
            case KAZAKH -> secondDraw < 0.8 ? List.of("kaz", "rus") : List.of("kaz");
            case KYRGYZ -> secondDraw < 0.6 ? List.of("kir", "rus") : List.of("kir");
            case RUSSIAN -> List.of("rus");
        };
    }
}
