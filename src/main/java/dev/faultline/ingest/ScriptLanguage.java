package dev.faultline.ingest;

import java.lang.Character.UnicodeScript;

/**
 * The language of a record that came without one, where the writing system tells it: Chinese (Han characters
 * without kana or hangul), Japanese (kana), Korean (hangul). Decided by the Unicode script of each letter (the JDK's
 * {@link UnicodeScript}); a text is counted as CJK when at least a fifth of its letters are, so a Chinese record
 * full of English part numbers and abbreviations is still Chinese. Other texts are left without a language: short
 * shorthand such as "R&amp;R IAW MM" is no evidence of any.
 */
public final class ScriptLanguage {

    private ScriptLanguage() {}

    /** "zh", "ja", "ko", or null when the text is not written mostly in a CJK script. */
    public static String of(String title, String text) {
        int letters = 0;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        String all = (title == null ? "" : title) + " " + (text == null ? "" : text);
        for (int i = 0; i < all.length(); ) {
            int cp = all.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            switch (UnicodeScript.of(cp)) {
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                default -> { }
            }
        }
        if (letters == 0 || (han + kana + hangul) * 5 < letters) {
            return null;
        }
        return kana > 0 ? "ja" : hangul > han ? "ko" : "zh";
    }
}
