package dev.faultline.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question answered by counting records rather than by quoting them: "how many / how often / number of"
 * ({@link Kind#COUNT}), "since when / when did … first" ({@link Kind#FIRST}), "which asset (aircraft, machine…)
 * … most" ({@link Kind#MOST}). The subject is what is left once the question words and the words every record
 * shares by being a record of a problem ("fail", "problem") are taken out; what was done ("replaced") stays:
 * "how often did the left magneto fail?" counts the records about the left magneto.
 */
record CountQuestion(Kind kind, String subject, String recordKind) {

    enum Kind { COUNT, FIRST, MOST }

    /** A question that names no kind of record. */
    CountQuestion(Kind kind, String subject) {
        this(kind, subject, null);
    }

    /**
     * Kinds of record a question names ("how many work orders …", "quality reports", "log entries"): counted as a
     * filter on the records' kind, not as words their text must hold (a work order rarely says "work order").
     */
    private static final List<Map.Entry<Pattern, String>> RECORD_KINDS = List.of(
            Map.entry(Pattern.compile("\\bwork\\s*orders?\\b"), "work_order"),
            Map.entry(Pattern.compile("\\b(?:quality|non-?conformance)\\s+reports?\\b"), "quality_report"),
            Map.entry(Pattern.compile("\\binspection\\s+(?:notes?|reports?|findings?)\\b"), "inspection_note"),
            Map.entry(Pattern.compile("\\bincident\\s+reports?\\b"), "incident_report"),
            Map.entry(Pattern.compile("\\b(?:maintenance\\s+logs?|(?:maintenance\\s+)?log\\s*(?:book\\s+)?entries)\\b"),
                    "maintenance_log"));

    private static final Pattern COUNT = Pattern.compile(
            "^(?:how\\s+many(?:\\s+times)?|how\\s+often|how\\s+frequently|number\\s+of|count(?:\\s+of)?)\\b(.*)$");
    private static final Pattern FIRST = Pattern.compile(
            "^(?:since\\s+when|when\\s+(?:did|was|were|has|have)\\b(?=.*\\bfirst\\b)|when\\s+(?:was|were)\\s+the\\s+first)\\b(.*)$");
    private static final Pattern MOST = Pattern.compile(
            "^(?:which|what)\\s+(?:asset|aircraft|plane|machine|unit|equipment|device|engine|pump|vehicle|tail"
                    + "(?:\\s+number)?)s?\\b(?=.*\\bmost\\b)(.*)$");

    /**
     * "Which excavator had the most hose leaks?": an asset named by its kind, which stays in the subject (records
     * are searched with their asset's type and name), so a plant without excavators gets "not found".
     */
    private static final Pattern MOST_NAMED = Pattern.compile(
            "^(?:which|what)\\s+(\\p{L}[\\p{L}-]*?)s?\\s+(?:had|has|have|saw|sees|got|gets|needed|needs|showed|shows"
                    + "|suffered|suffers|reported)\\b(?=.*\\bmost\\b)(.*)$");
    /** Kinds too general to count as the subject: "which part had the most …" counts by asset alone. */
    private static final Set<String> GENERAL = Set.of("one", "part", "parts", "component", "item", "system", "kind",
            "type", "thing", "site", "line", "area", "plant");

    /** Words of the question form, and words that every problem record shares, left out of the subject. */
    private static final Set<String> NOT_SUBJECT = Set.of("times", "time", "often", "did", "does", "do", "done", "was",
            "were", "is", "are", "has", "have", "had", "been", "be", "being", "the", "a", "an", "of", "on", "in", "at",
            "for", "with", "by", "to", "we", "our", "us", "there", "any", "ever", "all", "records", "record", "logged",
            "log", "logs", "reported", "report", "reports", "fail", "failed", "fails", "failing", "failure", "failures",
            "problem", "problems", "issue", "issues", "occur", "occurred", "occurs", "happen", "happened", "happens",
            "trouble", "most", "first", "since", "when", "get", "got", "see", "seen", "found", "find", "which", "what",
            "that", "it", "its", "they", "their", "go", "went", "gone", "bad", "like", "such", "this",
            "these", "those", "entries", "entry", "say", "says", "said", "describe", "describes", "described",
            "involve", "involves", "involved", "involving", "relate", "relates", "related", "mention", "mentions",
            "mentioned", "mentioning", "about", "regarding", "concerning", "came", "come", "comes", "faa", "asset",
            "assets", "aircraft", "machine", "machines", "unit", "units");

    /**
     * A Chinese counting question: the subject, then how many ("…多少次", "…的记录一共有几条", "…发生过几次吗"), the
     * question words only at the end, so words of the subject are never cut ("共振", "记录仪" stay whole) and "出口压力是
     * 多少" (a value, not a count) is not one.
     */
    private static final Pattern ZH_COUNT = Pattern.compile("^(?:请问|统计一下|统计)?\\s*(.+?)\\s*(?:的)?(?:记录|工单|报告)?"
            + "(?:一共|总共|共计|共)?(?:有|发生|出现)?(?:过|了)?\\s*(?:多少次|几次|多少回|几回|多少条|几条|多少起|几起|多少个|几个)"
            + "(?:记录|工单|报告)?(?:吗|呢)?[？?。！!\\s]*$");

    /**
     * Chinese "which asset most": "哪台设备的轴承过热最多？", "哪个泵机械密封泄漏次数最多", "轴承过热最多的是哪台设备？". A named kind
     * ("哪个泵…") stays in the subject, as in English; "设备" / "机器" do not.
     */
    private static final Pattern ZH_MOST = Pattern.compile("^(?:请问)?哪(?:一)?(?:台|个|部|条|些)(?:设备|机器|机台|资产)?的?"
            + "(.+?)的?(?:次数|记录|工单|报告)?最多(?:的)?(?:呢|吗)?[？?。！!\\s]*$");
    private static final Pattern ZH_MOST_AFTER = Pattern.compile("^(?:请问)?(.+?)的?(?:次数|记录|工单|报告)?最多的(?:是)?"
            + "哪(?:一)?(?:台|个|部|条|些)(?:设备|机器|机台|资产)?(?:呢|吗)?[？?。！!\\s]*$");
    /** Chinese "since when": "轴承过热最早是什么时候？", "皮带跑偏是从什么时候开始的？", "什么时候开始出现皮带跑偏？". */
    private static final Pattern ZH_FIRST = Pattern.compile("^(?:请问)?(.+?)(?:最早|第一次|首次)(?:出现|发生|记录)?(?:是)?(?:在)?"
            + "什么时候(?:呢|吗)?[？?。！!\\s]*$");
    private static final Pattern ZH_SINCE = Pattern.compile("^(?:请问)?(.+?)(?:是)?从什么时候开始(?:的)?(?:呢|吗)?[？?。！!\\s]*$");
    private static final Pattern ZH_SINCE_BEFORE = Pattern.compile("^(?:请问)?(?:从)?什么时候开始(?:出现|有|发生)?(.+?)(?:的)?"
            + "(?:呢|吗)?[？?。！!\\s]*$");

    /** Kinds of record a Chinese question names ("工单", "质量报告", "点检记录", "维修日志"), as {@link #RECORD_KINDS}. */
    private static final List<Map.Entry<Pattern, String>> ZH_RECORD_KINDS = List.of(
            Map.entry(Pattern.compile("(?:维修)?工单"), "work_order"),
            Map.entry(Pattern.compile("质量(?:异常)?报告"), "quality_report"),
            Map.entry(Pattern.compile("(?:点检|巡检)记录"), "inspection_note"),
            Map.entry(Pattern.compile("维修日志"), "maintenance_log"));

    /** The counting question in {@code question}, if it is one with a subject left to count. */
    static Optional<CountQuestion> parse(String question) {
        if (dev.faultline.search.Cjk.written(question)) {
            return parseChinese(question);
        }
        Named kindNamed = recordKind(RECORD_KINDS, "records",
                question.toLowerCase(Locale.ROOT).strip().replaceAll("[?!.]+$", "").replaceAll("\\s+", " "));
        String q = kindNamed.question().strip();
        String recordKind = kindNamed.kind();
        for (Kind kind : Kind.values()) {
            Matcher m = (kind == Kind.COUNT ? COUNT : kind == Kind.FIRST ? FIRST : MOST).matcher(q);
            if (m.matches()) {
                String subject = subject(m.group(1));
                return subject.isEmpty() ? Optional.empty() : Optional.of(new CountQuestion(kind, subject, recordKind));
            }
        }
        Matcher named = MOST_NAMED.matcher(q);
        if (named.matches()) {
            String subject = subject((GENERAL.contains(named.group(1)) ? "" : named.group(1)) + " " + named.group(2));
            return subject.isEmpty() ? Optional.empty()
                    : Optional.of(new CountQuestion(Kind.MOST, subject, recordKind));
        }
        return Optional.empty();
    }

    /**
     * "P-101 机械密封泄漏了多少次？" counts "P-101 机械密封泄漏": what comes before the question's closing words; "which asset
     * most" and "since when" likewise ({@link #ZH_MOST}, {@link #ZH_FIRST}).
     */
    private static Optional<CountQuestion> parseChinese(String question) {
        Named named = recordKind(ZH_RECORD_KINDS, "记录", question.strip());
        String q = named.question();
        String recordKind = named.kind();
        for (Object[] form : new Object[][] {{ZH_COUNT, Kind.COUNT}, {ZH_MOST, Kind.MOST}, {ZH_MOST_AFTER, Kind.MOST},
                {ZH_FIRST, Kind.FIRST}, {ZH_SINCE, Kind.FIRST}, {ZH_SINCE_BEFORE, Kind.FIRST}}) {
            Matcher m = ((Pattern) form[0]).matcher(q);
            if (m.matches()) {
                String subject = m.group(1).replaceAll("[，,、：:\\s]+", " ").strip();
                subject = subject.replaceAll("(?:的)?记录$", "").strip();
                return subject.matches("|有|是|发生|出现|一共|总共|共|故障|问题|的")
                        ? Optional.empty() : Optional.of(new CountQuestion((Kind) form[1], subject, recordKind));
            }
        }
        return Optional.empty();
    }

    /**
     * The question with the first kind of record it names replaced by {@code records} (a word that is not the
     * subject's), and that kind's code (null when it names none).
     */
    private static Named recordKind(List<Map.Entry<Pattern, String>> kinds, String records, String question) {
        for (Map.Entry<Pattern, String> k : kinds) {
            Matcher m = k.getKey().matcher(question);
            if (m.find()) {
                return new Named(question.substring(0, m.start()) + records + question.substring(m.end()), k.getValue());
            }
        }
        return new Named(question, null);
    }

    private record Named(String question, String kind) {}

    /**
     * The subject's words; two words joined by "or" ("collapsing or breaking") are kept as one alternative,
     * written {@code collapsing|breaking}, which the counter matches as either. Phrases of two words or more
     * either side of a spaced slash ("prop strike / sudden stoppage") are alternatives as wholes, their words
     * joined by {@code +} ({@code prop+strike|sudden+stoppage}); a single word beside the slash is an "or".
     */
    private static String subject(String rest) {
        String[] sides = rest.split(" / ");
        List<String> phrases = java.util.Arrays.stream(sides).map(CountQuestion::words).toList();
        if (sides.length > 1 && phrases.stream().allMatch(p -> p.split(" ").length > 1 && !p.contains("|"))) {
            return String.join("|", phrases.stream().map(p -> p.replace(' ', '+')).toList());
        }
        return words(rest.replace(" / ", " or "));
    }

    private static String words(String rest) {
        List<String> kept = new ArrayList<>();
        boolean or = false;
        for (String w : rest.strip().split(" ")) {
            String bare = w.replaceAll("^[^\\p{L}\\p{N}#]+|[^\\p{L}\\p{N}/&]+$", "").replaceAll("'s$", "");
            if (bare.equals("or") && !kept.isEmpty()) {
                or = true;
            } else if (!bare.isEmpty() && !NOT_SUBJECT.contains(bare)) {
                if (or) {
                    kept.set(kept.size() - 1, kept.getLast() + "|" + bare);
                } else {
                    kept.add(bare);
                }
                or = false;
            }
        }
        return String.join(" ", kept);
    }
}
