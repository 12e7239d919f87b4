package dev.faultline.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.LocalDate;

/**
 * The words of the Assets, asset, Assets at risk, Trends, Admin → Quality and Imports pages (English here, Chinese
 * in messages/plant_zh.properties). Record data, asset ids, model names, codes and units stay as they are; so do
 * the sentences the services write (a prediction's reason, the MTBF method, an import's message).
 */
@MessageBundle(value = "plant", locale = "en")
public interface PlantMessages {

    // words several pages share

    @Message("Assets")
    String assets();

    @Message("Asset")
    String asset();

    @Message("Type")
    String type();

    @Message("Site")
    String site();

    @Message("Line")
    String line();

    @Message("Records")
    String records();

    @Message("At risk")
    String atRisk();

    @Message("most likely {failureType}")
    String mostLikely(String failureType);

    /** A prediction's headline: the English one as the model service writes it ("Failure risk 48 %"). */
    @Message("{headline}")
    String headline(String headline, String kind, String percent);

    @Message("Table")
    String table();

    @Message("Share")
    String share();

    @Message("Cumulative")
    String cumulative();

    @Message("Failure mode")
    String failureMode();

    /** The pager: "1–25" then this. */
    @Message(" of {total}")
    String ofTotal(long total);

    // Assets list

    @Message("Id or name starts with")
    String idOrNameStartsWith();

    @Message("Filter")
    String filter();

    @Message("Last record")
    String lastRecord();

    @Message("← Previous")
    String previous();

    @Message("Next →")
    String next();

    // an asset's page

    @Message("Id")
    String id();

    @Message("Condition")
    String condition();

    @Message("what sensor models predict from the readings; predictions, not observations")
    String conditionHint();

    @Message("Model {model} v{version} · readings up to {asOf}")
    String modelReadings(String model, int version, String asOf);

    @Message("Moved most by ({unit}):")
    String movedMostBy(String unit);

    @Message("History of {model}")
    String historyOf(String model);

    @Message("Sensors")
    String sensors();

    @Message("records as markers on the same time axis")
    String sensorsHint();

    @Message("Show all sensors")
    String showAllSensors();

    @Message("Last 30 days")
    String last30Days();

    @Message("{start} to {end}")
    String span(LocalDate start, LocalDate end);

    @Message("No records in these 30 days.")
    String noRecords30Days();

    /** Before " · " and the generator's name ("2 records · extractive"). */
    @Message("{count} records")
    String summaryRecords(int count);

    @Message("Summarizing the records of these 30 days…")
    String summarizing();

    @Message("Timeline")
    String timeline();

    @Message("← Newer")
    String newer();

    @Message("Older →")
    String older();

    // Assets at risk

    @Message("Assets at risk")
    String assetsAtRisk();

    /** Before the thresholds API path (in code). */
    @Message("From the latest prediction of each sensor model: predictions, not observations. Thresholds per site"
            + " and asset type:")
    String atRiskIntro();

    /** After the thresholds API path. */
    @Message(".")
    String atRiskIntroEnd();

    @Message("Only assets at risk")
    String onlyAtRisk();

    @Message("Every predicted asset")
    String everyPredicted();

    @Message("{count} at risk")
    String countAtRisk(long count);

    @Message("No predictions of this kind yet.")
    String noPredictions();

    @Message("No asset is at risk by this kind of model.")
    String noneAtRisk();

    @Message("Prediction")
    String prediction();

    @Message("Why")
    String why();

    @Message("Latest records")
    String latestRecords();

    @Message("model {model} v{version} · readings up to {asOf}")
    String modelReadingsShort(String model, int version, String asOf);

    @Message("no records")
    String noRecords();

    @Message("Similar past failures")
    String similarPastFailures();

    @Message("Create ticket")
    String createTicket();

    /** When more than one ticket system is configured. */
    @Message("Create ticket ({system})")
    String createTicketIn(String system);

    /** A list's heading (AtRiskPage). */
    @Message("Remaining useful life")
    String remainingUsefulLife();

    @Message("Failure risk")
    String failureRisk();

    @Message("lowest first")
    String lowestFirst();

    @Message("highest first")
    String highestFirst();

    // Trends

    @Message("Trends")
    String trends();

    @Message("Per")
    String per();

    /** An interval's name (the value "day", "week" or "month"). */
    @Message("{#when interval}{#is 'day'}day{#is 'week'}week{#is 'month'}month{#else}{interval}{/when}")
    String interval(String interval);


    @Message("To (exclusive)")
    String toExclusive();

    @Message("Kind")
    String kind();


    @Message("Show")
    String show();

    @Message("{total} records from {from} to {to} ({zone}).")
    String recordsFromTo(long total, LocalDate from, LocalDate to, String zone);

    @Message("Printable report of the last four weeks")
    String printableReport();

    @Message("Records per {interval} by failure mode")
    String recordsPerByFailureMode(String interval);

    @Message("Records per {interval} by defect class")
    String recordsPerByDefectClass(String interval);

    @Message("Stacked bars: records per {interval} by failure mode; the table below has the numbers")
    String stackedBarsLabel(String interval);

    /** The first column of the series table: the bucket's first day. */
    @Message("{interval} from")
    String intervalFrom(String interval);

    /** The column summing the failure modes not drawn ("All others"). */
    @Message("All others")
    String allOthers();

    @Message("Total")
    String total();

    @Message("Pareto of failure modes")
    String paretoFailureModes();

    @Message("Pareto of defect classes")
    String paretoDefectClasses();

    @Message("Pareto chart of failure modes; the table below has the numbers")
    String paretoFailureModesLabel();

    @Message("Defect class")
    String defectClass();

    @Message("Pareto of assets")
    String paretoAssets();

    @Message("Pareto chart of the assets with most records; the table below has the numbers")
    String paretoAssetsLabel();

    @Message("Mean time between failures")
    String mtbf();

    @Message("No asset had two records of the same failure mode in this period.")
    String noMtbf();

    @Message("First")
    String first();

    @Message("Last")
    String last();

    @Message("MTBF (days)")
    String mtbfDays();

    // Admin → Quality

    @Message("Quality")
    String quality();

    @Message("Users")
    String tabUsers();

    @Message("API keys")
    String tabApiKeys();

    @Message("Integrations")
    String tabIntegrations();

    @Message("Audit log")
    String tabAudit();

    /** Before the CSV link. */
    @Message("What people said of search results and answers (👍 / 👎 beside each). A person's latest judgement"
            + " of a result counts once.")
    String qualityIntro();

    @Message("Every judgement as CSV")
    String everyJudgementCsv();

    /** After the CSV link. */
    @Message(": the queries to add to the evaluation.")
    String qualityIntroEnd();

    @Message("Judged")
    String judged();

    @Message("Useful")
    String useful();

    @Message("Judged, last 30 days")
    String judged30Days();

    @Message("Useful, last 30 days")
    String useful30Days();

    @Message("Search results")
    String searchResults();

    @Message("Answers")
    String answers();

    @Message("Judged not useful")
    String judgedNotUseful();

    @Message("Search ranking")
    String searchRanking();

    @Message("Hybrid search reorders its best results with a model. It can learn from the thumbs given to search"
            + " results here: a model trained on them is used only when, on judged searches it did not see, it puts"
            + " more useful results above not-useful ones than the shipped model and the order before it.")
    String rankingIntro();

    @Message("Ranking now")
    String rankingNow();

    @Message("trained on your feedback")
    String rankingTrained();

    @Message("the model that ships with Faultline")
    String rankingConfigured();

    @Message("off: results stay in fused order")
    String rankingNone();

    @Message("{n} judged searches with a useful and a not-useful result; a training needs {min}.")
    String judgedSearches(long n, int min);

    @Message("Latest training")
    String latestTraining();

    @Message("Searches")
    String searches();

    @Message("Pairs")
    String pairs();

    @Message("Pairs in order: before the model")
    String listedOrder();

    @Message("shipped model")
    String shippedModel();

    @Message("trained model (cross-validated)")
    String trainedModel();

    @Message("Used")
    String inUse();

    @Message("Train on feedback")
    String trainRanking();

    @Message("Use the shipped model again")
    String useConfiguredRanking();

    @Message("Trained on {n} judged searches: it puts {trained} of their pairs in order, against {best} before. It"
            + " ranks searches from now on.")
    String rankingAdopted(int n, String trained, String best);

    @Message("Trained on {n} judged searches: it puts {trained} of their pairs in order, against {best} before: no"
            + " better, so it is kept for the record and not used; the ranking in use stays.")
    String rankingNotBetter(int n, String trained, String best);

    @Message("Nothing trained: a training needs {min} judged searches with a useful and a not-useful result among their"
            + " best results.")
    String rankingTooFew(int min);

    @Message("The shipped model ranks searches again.")
    String rankingReset();

    @Message("Nothing yet.")
    String nothingYet();

    @Message("When")
    String when();

    @Message("Query")
    String query();

    @Message("Result")
    String result();

    @Message("By")
    String by();

    /** What was judged: the code "search" or "answer". */
    @Message("{#when kind}{#is 'search'}search{#is 'answer'}answer{#else}{kind}{/when}")
    String feedbackKind(String kind);

    // Imports

    @Message("Imports")
    String imports();

    @Message("File (CSV or JSONL)")
    String fileCsvOrJsonl();

    @Message("Source system")
    String sourceSystem();

    @Message("default: the file name")
    String sourcePlaceholder();

    @Message("Default kind")
    String defaultKind();

    @Message("Column mapping (CSV, optional)")
    String columnMapping();

    @Message("Import")
    String importButton();

    @Message("Recent imports")
    String recentImports();

    @Message("File")
    String file();

    @Message("Progress")
    String progress();

    @Message("Rows")
    String rows();

    @Message("Started")
    String started();

    /** Between the rows done / total and the failed count. */
    @Message(", ")
    String failedBefore();

    /** After the failed count. */
    @Message(" failed")
    String failedAfter();

    @Message("{created} new, {updated} updated, {unchanged} unchanged")
    String counts(long created, long updated, long unchanged);

    /** An import's state, as stored: queued, running, completed, failed. */
    @Message("{state}")
    String importState(String state);

    @Message("line {line}, {field}: {reason}")
    String rowError(Long line, String field, String reason);

    @Message("Failed rows as CSV ({count})")
    String failedRowsCsv(long count);

    /** The flash message after an upload (ImportsPage). */
    @Message("Import of {file} started: {rows} rows.")
    String importStarted(String file, long rows);
}
