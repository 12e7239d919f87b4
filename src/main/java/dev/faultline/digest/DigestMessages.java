package dev.faultline.digest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the digest mail and the printable period report, in the subscription's language (English here,
 * Chinese in messages/dig_zh.properties). Record text, asset ids and the sensor models' sentences stay as written.
 */
@MessageBundle(value = "dig", locale = "en")
public interface DigestMessages {

    @Message("Faultline digest: {count} {#if count == 1}record{#else}records{/if}, {period}")
    String title(long count, String period);

    @Message("none in either period")
    String noneInEither();

    @Message("none in the period before")
    String noneBefore();

    @Message("{sign}{percent}% on the {previous} of the period before")
    String change(String sign, long percent, long previous);

    @Message("every record")
    String everyRecord();

    @Message("sites")
    String sites();

    @Message("assets")
    String assets();

    @Message("asset types")
    String assetTypes();

    @Message("kinds")
    String kinds();

    @Message("failure modes")
    String failureModes();

    @Message("From the {shown} newest of {count} records, by the {generator} summarizer")
    String summaryNote(long shown, long count, String generator);

    @Message("{fault}, new on this asset")
    String newOnAsset(String fault);

    @Message("FAULTLINE DIGEST")
    String banner();

    @Message("Covering {scope}")
    String covering(String scope);

    @Message("No records in this period.")
    String noRecords();

    @Message("Nothing was written about these assets between these dates ({change}).")
    String nothingWritten(String change);

    @Message("records this period")
    String recordsThisPeriod();

    @Message("Summary")
    String summary();

    @Message("From these records:")
    String fromTheseRecords();

    @Message("Every sentence comes from the linked records.")
    String everySentence();

    @Message("Top failure modes")
    String topFailureModes();

    @Message("Assets with most records")
    String topAssets();

    @Message("Recurring problems")
    String recurring();

    @Message("No problem came up more than once.")
    String noRecurring();

    @Message("Notable records")
    String notable();

    @Message("No failure mode was new on its asset.")
    String noNotable();

    @Message("Assets at risk (sensor-model predictions)")
    String atRisk();

    @Message("Predictions from models, not observations.")
    String predictionsNote();

    @Message("Trends and Pareto charts")
    String trends();

    @Message("Open Faultline")
    String open();

    @Message("You receive this digest because you subscribed to it.")
    String why();

    @Message("Unsubscribe")
    String unsubscribe();
}
