package dev.faultline.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the Search, Ask, records list, record and new-record pages and their shared filters (English here,
 * Chinese in messages/find_zh.properties). Record data, codes and labels the classifier stores stay as they are.
 */
@MessageBundle(value = "find", locale = "en")
public interface FindMessages {

    // the filters shared by Search and Ask (filters.html), reused by the records list and the form

    @Message("Filters")
    String filters();

    @Message("Asset")
    String asset();

    @Message("Site")
    String site();

    @Message("Kind")
    String kind();




    @Message("Fault class")
    String faultClass();

    /** The example is a stored (English) label: the filter matches those. */
    @Message("e.g. Leaking")
    String faultClassExample();

    // Search

    @Message("Search")
    String search();

    @Message("e.g. oil leak at the valve cover, R/H CYL GSKT")
    String searchExample();

    @Message("Search records")
    String searchRecords();

    @Message("Mode")
    String modeLabel();

    @Message("Hybrid")
    String hybrid();

    @Message("Meaning only")
    String meaningOnly();

    @Message("Words only")
    String wordsOnly();

    @Message("Refine")
    String refine();

    /** A facet's heading from its name (kind, asset, site, faultClass). */
    @Message("{#if key == 'faultClass'}fault class{#else}{key}{/if}")
    String facet(String key);

    @Message("{total} matching records")
    String matching(long total);

    /** The search mode used (hybrid, semantic, keyword). */
    @Message("{mode}")
    String modeName(String mode);

    @Message("{n} records still being indexed")
    String stillIndexing(long n);

    @Message("at risk")
    String atRisk();

    @Message("+{n} similar record{#if n > 1}s{/if}")
    String similarCount(int n);

    @Message("Was this result useful?")
    String resultUseful();

    @Message("Useful")
    String useful();

    @Message("Not useful")
    String notUseful();

    @Message("Similar records")
    String similarRecords();

    @Message("Create ticket")
    String createTicket();

    @Message("Create ticket ({system})")
    String createTicketFor(String system);

    @Message("Nothing found. Try other words or fewer filters.")
    String nothingFound();

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Download CSV")
    String downloadCsv();

    // Ask

    @Message("Ask")
    String ask();

    @Message("e.g. what fixed the repeated intake gasket leaks?")
    String askExample();

    @Message("Question")
    String question();

    /** Before the generator's name. */
    @Message("Answers by")
    String answersBy();

    /** After the extractive generator's name. */
    @Message(": quotes from the records, no language model")
    String extractiveNote();

    @Message(". Check the cited records before acting.")
    String checkCited();

    @Message("Answer")
    String answer();

    @Message("by {generator}")
    String by(String generator);

    @Message("Was this answer useful?")
    String answerUseful();

    @Message("Useful answer")
    String usefulAnswer();

    @Message("Sensor-model predictions")
    String predictions();

    @Message("for these assets: predictions, not observations")
    String predictionsNote();

    @Message("At risk")
    String atRiskBadge();

    @Message("Retrieved records")
    String retrieved();

    // the records list

    @Message("Records")
    String records();

    @Message("New record")
    String newRecord();

    @Message("Contains")
    String contains();

    @Message("words, e.g. gasket leak")
    String containsExample();

    @Message("asset id")
    String assetId();

    @Message("Source")
    String source();

    @Message("Failure mode")
    String failureMode();

    @Message("Order")
    String order();

    @Message("newest first")
    String newestFirst();

    @Message("oldest first")
    String oldestFirst();

    @Message("by asset")
    String byAsset();

    @Message("Filter")
    String filter();

    @Message("Clear")
    String clear();

    @Message("No records match these filters.")
    String noMatch();

    @Message("When")
    String when();

    /** The table header of the record column. */
    @Message("Record")
    String recordHeader();

    /** The pager: "21–40 of 95". */
    @Message("{offset + 1}–{offset + shown} of {total}")
    String range(int offset, int shown, long total);

    @Message("Download all {total} as CSV")
    String downloadAll(long total);

    // the record page

    @Message("Record {id}")
    String recordTitle(long id);

    @Message("Occurred")
    String occurred();

    @Message("Synthetic record")
    String synthetic();

    @Message("Generated for the demo, not written by a person")
    String syntheticTitle();

    @Message("line {line}")
    String line(String line);

    /** After the risk reason; {@code asOf} is the formatted date. */
    @Message("; model {model} v{version}, a prediction from readings up to {asOf}")
    String riskModel(String model, int version, String asOf);

    @Message("Author")
    String author();

    @Message("Language")
    String language();

    @Message("Tags")
    String tags();

    @Message("Summary")
    String summary();

    /** After the summarizer's name. */
    @Message(": sentences picked from the text below")
    String summaryNote();

    @Message("Text")
    String text();

    @Message("Fields")
    String fields();

    @Message("Defect class")
    String defectClass();

    @Message("set by an engineer")
    String setByEngineer();

    @Message("model confidence")
    String modelConfidence();

    @Message("Also possible: ")
    String alsoPossible();

    @Message("Evidence: the nearest labelled examples")
    String evidence();

    @Message("similarity")
    String similarity();

    /** Where a labelled example came from (a description, a correction, a seed file's name). */
    @Message("{origin}")
    String origin(String origin);

    @Message("Not classified yet: the record is classified after it is indexed.")
    String notClassified();

    @Message("Correct to")
    String correctTo();

    @Message("Save fault class")
    String saveFaultClass();

    @Message("Save defect class")
    String saveDefectClass();

    @Message("{n} correction(s)")
    String corrections(int n);

    /** Before the new label: "alice set". */
    @Message("{who} set")
    String setLabel(String who);

    /** After the new label; {@code source}: who had set the previous one (model, engineer), or null. */
    @Message(" (was {previous}{#if source}, from the {source}{/if})")
    String was(String previous, String source);

    @Message(" (was none{#if source}, from the {source}{/if})")
    String wasNone(String source);

    @Message("This record could not be indexed")
    String notIndexed();

    @Message("({attempts} attempts, given up until it changes or the app restarts):")
    String failedParked(int attempts);

    @Message("({attempts} attempts, next try {next}):")
    String failedRetry(int attempts, String next);

    /** After the indexing error. */
    @Message(". Keyword search finds it; search by meaning and similar records do not yet.")
    String keywordFindsIt();

    @Message("Tickets")
    String tickets();

    @Message("raised by {who}")
    String raisedBy(String who);

    @Message("Create ticket in {#if system == 'jira'}Jira{#else}ServiceNow{/if}")
    String createTicketIn(String system);

    @Message("Similar past records")
    String similarPast();

    @Message("None yet (the record may still be waiting to be indexed).")
    String noneYet();

    @Message("Created")
    String created();

    @Message("updated")
    String updated();

    // the new-record form

    @Message("Please correct the marked fields.")
    String correctFields();

    @Message("type to search")
    String typeToSearch();

    @Message("Title (optional)")
    String titleOptional();

    @Message("What did you find?")
    String whatFound();

    @Message("More fields (problem, action, findings)")
    String moreFields();

    @Message("Problem")
    String problem();

    @Message("Action taken")
    String actionTaken();

    @Message("Findings")
    String findings();

    @Message("Save record")
    String saveRecord();

    // flash messages written by the page classes

    @Message("Record saved.")
    String recordSaved();

    /** {@code label}: the stored (English) label the engineer chose. */
    @Message("Fault class set to {label}. The next training will learn from it.")
    String faultClassSet(String label);
}
