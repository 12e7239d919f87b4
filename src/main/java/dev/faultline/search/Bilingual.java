package dev.faultline.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A question translated term by term with the maintenance glossary {@code search/bilingual.tsv}, for cross-language
 * search: English terms (after Porter stemming, longest phrase first) become their first Chinese term of two characters
 * or more (the full-text index holds Chinese as character pairs), Chinese terms
 * (longest first) their first English form. Codes and part numbers ("HMC-01", "6205") are kept as written, since
 * records in either language write them so. Not a translator: words the glossary does not hold are left out.
 */
final class Bilingual {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}'-]+");
    /** A word in Latin letters and digits ("HMC-01", "6205", "PLC"), wherever it stands in the question. */
    private static final Pattern LATIN = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z0-9][A-Za-z0-9./-]*");
    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final int LONGEST_ENGLISH = 5;

    private final Analyzer english = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer words = new PatternTokenizer(NOT_A_WORD, -1);
            return new TokenStreamComponents(words, new PorterStemFilter(new LowerCaseFilter(words)));
        }
    };
    /** Stemmed English phrase ("oil leak") -> Chinese term. */
    private final Map<String, String> toChinese = new HashMap<>();
    /** Chinese term -> English form. */
    private final Map<String, String> toEnglish = new HashMap<>();
    private int longestChinese;

    private Bilingual() {}

    static Bilingual load() {
        Bilingual b = new Bilingual();
        try (InputStream in = Bilingual.class.getResourceAsStream("/search/bilingual.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cols = line.split("\t");
                    b.add(cols[0].split("\\|"), cols[1].split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading search/bilingual.tsv", e);
        }
        return b;
    }

    private void add(String[] englishForms, String[] chineseTerms) {
        // the full-text index holds Chinese as character pairs: a lone character ("泵") matches no record's word
        String chinese = java.util.Arrays.stream(chineseTerms).map(String::strip).filter(t -> t.length() >= 2)
                .findFirst().orElse(chineseTerms[0].strip());
        for (String form : englishForms) {
            toChinese.putIfAbsent(String.join(" ", stems(form)), chinese);
        }
        for (String term : chineseTerms) {
            toEnglish.putIfAbsent(term.strip(), englishForms[0].strip());
            longestChinese = Math.max(longestChinese, term.strip().length());
        }
    }

    /** The question in the other language, or null when the glossary holds none of its terms. */
    String translate(String question) {
        return Cjk.written(question) ? toEnglish(question) : toChinese(question);
    }

    private String toChinese(String question) {
        List<String> stems = stems(question);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stems.size(); ) {
            int n = Math.min(LONGEST_ENGLISH, stems.size() - i);
            while (n > 0 && !toChinese.containsKey(String.join(" ", stems.subList(i, i + n)))) {
                n--;
            }
            if (n == 0) {
                i++;
            } else {
                out.add(toChinese.get(String.join(" ", stems.subList(i, i + n))));
                i += n;
            }
        }
        return joined(out, question, false);
    }

    private String toEnglish(String question) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < question.length(); ) {
            int n = Math.min(longestChinese, question.length() - i);
            while (n > 0 && !toEnglish.containsKey(question.substring(i, i + n))) {
                n--;
            }
            if (n == 0) {
                i++;
            } else {
                out.add(toEnglish.get(question.substring(i, i + n)));
                i += n;
            }
        }
        return joined(out, question, true);
    }

    /**
     * The translated terms, each once, then the question's codes and part numbers (a word with letters and digits, or
     * of three digits or more), and for a Chinese question its other words in Latin letters too ("PLC", "O"); null
     * when no term was translated.
     */
    private static String joined(List<String> terms, String question, boolean latinWords) {
        if (terms.isEmpty()) {
            return null;
        }
        List<String> words = new ArrayList<>(terms.stream().distinct().toList());
        Matcher latin = LATIN.matcher(question);
        while (latin.find()) {
            String w = latin.group().replaceAll("[./-]+$", "");
            boolean letters = LETTER.matcher(w).find();
            boolean digits = DIGIT.matcher(w).find();
            if ((letters && digits) || w.matches("\\d{3,}") || (latinWords && letters)) {
                words.add(w);
            }
        }
        return String.join(" ", words);
    }

    private List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream words = english.tokenStream("text", text)) {
            CharTermAttribute word = words.addAttribute(CharTermAttribute.class);
            words.reset();
            while (words.incrementToken()) {
                out.add(word.toString());
            }
            words.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does not fail
        }
        return out;
    }
}
