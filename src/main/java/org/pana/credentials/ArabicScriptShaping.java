package org.pana.credentials;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacter.DecompositionType;
import com.ibm.icu.lang.UCharacter.JoiningType;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.Normalizer2;
import com.openhtmltopdf.bidi.BidiReorderer;
import java.util.HashMap;
import java.util.Map;

/**
 * Joins Arabic-script letters for the PDF renderer by replacing each letter with its initial, medial, final or
 * isolated presentation form, for every letter Unicode has forms for: Arabic, but also Persian and Dari (پ چ ژ گ ک ی),
 * Pashto, Urdu and Kazakh in Arabic script. openhtmltopdf's own ICU shaper maps only to Presentation Forms-B, so it
 * printed those letters unjoined (docs/research/issue6-documents-and-signatures.md, part 1). The table is built once
 * from ICU's decomposition data; the fonts we embed map these presentation forms.
 */
final class ArabicScriptShaping implements BidiReorderer {

    private static final int ISOLATED = 0, FINAL = 1, INITIAL = 2, MEDIAL = 3;
    private static final char LAM = '\u0644';

    /** Letter → its four presentation forms (0 where Unicode has none). */
    private static final Map<Integer, int[]> FORMS = new HashMap<>();
    /**
     * Lam followed by an alef variant → the ligature's isolated and final forms. Only letters that never join the next
     * one (the alefs), so the other lam ligatures of Forms-A, which would need the next letter's form too, stay out.
     */
    private static final Map<Integer, int[]> LAM_ALEF = new HashMap<>();

    static {
        Normalizer2 nfkd = Normalizer2.getNFKDInstance();
        for (int c = 0xFB50; c <= 0xFEFC; c++) {
            int form = switch (UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE)) {
                case DecompositionType.ISOLATED -> ISOLATED;
                case DecompositionType.FINAL -> FINAL;
                case DecompositionType.INITIAL -> INITIAL;
                case DecompositionType.MEDIAL -> MEDIAL;
                default -> -1;
            };
            String letters = form < 0 ? null : nfkd.getRawDecomposition(c);
            if (letters == null) continue;
            if (letters.codePointCount(0, letters.length()) == 1) {
                FORMS.computeIfAbsent(letters.codePointAt(0), letter -> new int[4])[form] = c;
            } else if (letters.length() == 2 && letters.charAt(0) == LAM && (form == ISOLATED || form == FINAL)
                    && joining(letters.charAt(1)) == JoiningType.RIGHT_JOINING) {
                LAM_ALEF.computeIfAbsent((int) letters.charAt(1), alef -> new int[4])[form] = c;
            }
        }
    }

    @Override
    public String shapeText(String text) {
        int[] letters = text.codePoints().toArray();
        StringBuilder shaped = new StringBuilder(text.length());
        for (int i = 0; i < letters.length; i++) {
            int letter = letters[i];
            int[] forms = FORMS.get(letter);
            if (forms == null) {
                shaped.appendCodePoint(letter);
                continue;
            }
            int before = i - 1;
            while (before >= 0 && joining(letters[before]) == JoiningType.TRANSPARENT) before--;
            int after = i + 1;
            while (after < letters.length && joining(letters[after]) == JoiningType.TRANSPARENT) after++;
            boolean joinsBefore = before >= 0 && joinsTowardsNext(letters[before]) && joinsTowardsPrevious(letter);
            if (letter == LAM && after < letters.length && LAM_ALEF.containsKey(letters[after])) {
                int ligature = LAM_ALEF.get(letters[after])[joinsBefore ? FINAL : ISOLATED];
                if (ligature != 0) {
                    shaped.appendCodePoint(ligature);
                    i = after;
                    continue;
                }
            }
            boolean joinsAfter = after < letters.length && joinsTowardsNext(letter) && joinsTowardsPrevious(letters[after]);
            int form = joinsBefore && joinsAfter ? MEDIAL : joinsBefore ? FINAL : joinsAfter ? INITIAL : ISOLATED;
            int glyph = forms[form];
            if (glyph == 0 && form == MEDIAL) glyph = forms[FINAL];
            if (glyph == 0) glyph = forms[ISOLATED];
            shaped.appendCodePoint(glyph == 0 ? letter : glyph);
        }
        return shaped.toString();
    }

    /** Text copied out of the PDF reads as the letters, not as presentation forms. */
    @Override
    public String deshapeText(String text) {
        return Normalizer2.getNFKCInstance().normalize(text);
    }

    @Override
    public String reorderRTLTextToLTR(String text) {
        return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }

    private static int joining(int c) {
        return UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
    }

    /** Whether the letter connects to the letter after it (its left side, in right-to-left writing). */
    private static boolean joinsTowardsNext(int c) {
        int type = joining(c);
        return type == JoiningType.DUAL_JOINING || type == JoiningType.LEFT_JOINING || type == JoiningType.JOIN_CAUSING;
    }

    /** Whether the letter connects to the letter before it (its right side, in right-to-left writing). */
    private static boolean joinsTowardsPrevious(int c) {
        int type = joining(c);
        return type == JoiningType.DUAL_JOINING || type == JoiningType.RIGHT_JOINING || type == JoiningType.JOIN_CAUSING;
    }
}
