package dev.faultline.ask;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the built-in answerer writes around the quoted sentences, in the question's language: English here, Chinese in
 * {@code messages/ask_zh.properties} (chosen for a question written in CJK script).
 */
@MessageBundle(value = "ask", locale = "en")
public interface AskMessages {

    /** "14 records match; the 2 closest (2025-01-02 to 2025-03-04) say:" — the count is of the records quoted. */
    @Message("{#if total == 1}1 record matches{#else}{total} records match{/if}; "
            + "{#if quoted == 1}the closest one{#else}the {quoted} closest{/if}{span} say:")
    String lead(long total, int quoted, String span);

    @Message(" ({day})")
    String oneDay(String day);

    @Message(" ({from} to {to})")
    String days(String from, String to);

    @Message("Not found in the records: the records found do not answer this question.")
    String noAnswer();

    @Message("Not found in the records: no record matches this question.")
    String noRecord();

    @Message("Not found in the records: no record is about “{subject}”.")
    String notAbout(String subject);

    @Message("{#if count == 1}1 record is{#else}{count} records are{/if} about “{subject}”")
    String about(long count, String subject);

    @Message(", on {day}")
    String onDay(String day);

    @Message(", from {from} to {to}")
    String fromTo(String from, String to);

    @Message(". The latest:")
    String latest();

    @Message("First recorded {day}; ")
    String firstRecorded(String day);

    @Message("{asset} has the most: {count} of the {total} records about “{subject}”{#if others} (then {others}){/if}."
            + " Its latest:")
    String most(String asset, long count, long total, String subject, String others);

    @Message(", none of them on an asset.")
    String noneOnAsset();

    /**
     * {@code query}: the full-text query counted, readable ("(left or l/h) and magneto"); {@code kind}: the records'
     * kind the question named ({@link #kinds}), or empty.
     */
    @Message("Counted: {#if kind}{kind}{#else}records{/if} containing {query}{#if filtered}, in the filters set{/if}.")
    String counted(String query, String kind, boolean filtered);

    /** A kind of record, as a question names it ("how many work orders …"). */
    @Message("{#when code}{#is 'maintenance_log'}maintenance logs{#is 'work_order'}work orders{#is 'inspection_note'}"
            + "inspection notes{#is 'quality_report'}quality reports{#is 'incident_report'}incident reports"
            + "{#else}{code}{/when}")
    String kinds(String code);
}
