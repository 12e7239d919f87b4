package dev.faultline.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words every page shares: the layout (navigation, sign-out, indexing banner, language switch), record kinds and
 * roles. English here, Chinese in {@code messages/msg_zh.properties}; the page bundles ({@code find}, {@code plant},
 * {@code adm}) hold each page's own words.
 */
@MessageBundle(value = "msg", locale = "en")
public interface AppMessages {

    @Message("Skip to content")
    String skip();

    @Message("Main")
    String navLabel();

    @Message("Search")
    String navSearch();

    @Message("Ask")
    String navAsk();

    @Message("Records")
    String navRecords();

    @Message("Assets")
    String navAssets();

    @Message("At risk")
    String navAtRisk();

    @Message("Trends")
    String navTrends();

    @Message("Digests")
    String navDigests();

    @Message("New record")
    String navNewRecord();

    @Message("Imports")
    String navImports();

    @Message("Admin")
    String navAdmin();

    @Message("API")
    String navApi();

    @Message("Sign out")
    String signOut();

    @Message("Language")
    String language();

    @Message("Browser language")
    String languageAuto();

    @Message("Change")
    String languageApply();

    @Message("Indexing: {indexed} records embedded, {pending} waiting ({percent}%)")
    String indexing(long indexed, long pending, long percent);

    @Message("{rate} records/s")
    String indexingRate(Double rate);

    @Message("Search by meaning and similar records cover the embedded ones; keyword search covers all.")
    String indexingCover();

    @Message("under a minute left")
    String leftUnderMinute();

    @Message("about {minutes} min left")
    String leftMinutes(long minutes);

    @Message("{#when code}{#is 'maintenance_log'}Maintenance log{#is 'work_order'}Work order"
            + "{#is 'inspection_note'}Inspection note{#is 'quality_report'}Quality report"
            + "{#is 'incident_report'}Incident report{#else}{code}{/when}")
    String kind(String code);

    // words the filter forms share (records, search, audit log, trends)

    @Message("any")
    String any();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("{#when role}{#is 'admin'}admin{#is 'engineer'}engineer{#is 'technician'}technician{#else}{role}{/when}")
    String role(String role);

    // words the scripts write (frontend/*.js reads them from the page: data-t-* of #ui-text)
    @Message("The summary could not be made just now; reload the page to try again.")
    String jsSummaryFailed();

    @Message("line %1")
    String jsLine();

    @Message("Failed rows as CSV (%1)")
    String jsFailedRows();

    @Message("Indexing done: every record is embedded.")
    String jsIndexingDone();

    @Message("Indexing: %1 records embedded, %2 waiting (%3%)")
    String jsIndexing();

    @Message("working…")
    String jsWorking();

    @Message("A sentence was left out: %1.")
    String jsSentenceLeftOut();

    @Message("by %1")
    String jsBy();

    @Message("%1 readings")
    String jsReadings();

    @Message("Show all %1 sensors")
    String jsShowAllSensors();

    @Message("%1 new, %2 updated, %3 unchanged")
    String jsCounts();

    @Message("at risk")
    String jsAtRisk();

    @Message("%1 records/s")
    String jsRate();

    @Message("about %1 min left")
    String jsLeftMinutes();

    @Message("%1 rollups")
    String jsRollups();

    @Message("Record %1")
    String jsRecord();

    @Message("records")
    String jsRecords();

    @Message("cumulative %")
    String jsCumulative();

    @Message("failure risk %")
    String jsRisk();

    @Message("RUL (cycles)")
    String jsRul();

    @Message("No records in this period.")
    String jsNoRecords();

    @Message("The chart could not be loaded; the table below has the numbers.")
    String jsChartFailed();

    @Message("One prediction so far; its history draws as new readings arrive.")
    String jsOnePrediction();

    @Message("The prediction history could not be loaded.")
    String jsHistoryFailed();

    @Message("mean")
    String jsMean();

    @Message("min")
    String jsMin();

    @Message("max")
    String jsMax();

    @Message("Thanks: noted.")
    String jsThanks();

    @Message("Could not save that; try again.")
    String jsSaveFailed();
}
