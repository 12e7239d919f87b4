package dev.faultline.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the admin pages (users, API keys, audit log, integrations), the digest subscriptions, sign-in,
 * unsubscribe and error pages, and the flash messages and notices their classes write (English here, Chinese in
 * messages/adm_zh.properties). Codes (roles' values, scopes, event types, audit actions) and data stay as they are.
 */
@MessageBundle(value = "adm", locale = "en")
public interface AdminMessages {

    // the admin tabs (users, API keys, integrations, quality, audit log), also the titles of those pages

    @Message("Users")
    String users();

    @Message("API keys")
    String apiKeys();

    @Message("Integrations")
    String integrations();

    @Message("Quality")
    String quality();

    @Message("Audit log")
    String auditLog();

    // users

    @Message("User")
    String user();

    @Message("Role")
    String role();

    @Message("Last sign-in")
    String lastSignIn();

    @Message("Change")
    String change();

    /** The tag of a disabled user or webhook endpoint. */
    @Message("disabled")
    String disabled();

    /** The checkbox that disables a user. */
    @Message("disabled")
    String disabledCheck();

    @Message("Role of {name}")
    String roleOf(String name);

    @Message("new password")
    String newPassword();

    @Message("New password for {name}")
    String newPasswordFor(String name);

    @Message("Save")
    String save();

    @Message("Add a user")
    String addUserHeading();

    @Message("User name")
    String userName();

    @Message("Display name")
    String displayName();

    @Message("Password (at least 12 characters)")
    String passwordMin();

    @Message("Add user")
    String addUser();

    @Message("User {name} created.")
    String userCreated(String name);

    @Message("User updated.")
    String userUpdated();

    // API keys

    /** Before the new key's name: "Key <strong>name</strong> created. Copy it now…". */
    @Message("Key ")
    String keyCreatedLead();

    @Message(" created. Copy it now: it will not be shown again.")
    String keyCreatedTail();

    @Message("Name")
    String name();

    @Message("Key")
    String key();

    @Message("Scopes")
    String scopes();

    @Message("Created")
    String created();

    @Message("Last used")
    String lastUsed();

    /** Who made an API key, who owns a subscription. */
    @Message("by {name}")
    String by(String name);

    /** Before the date a key was revoked. */
    @Message("revoked")
    String revokedOn();

    @Message("Revoke")
    String revoke();

    @Message("Create a key")
    String createKeyHeading();

    @Message("Name (which system uses it)")
    String keyName();

    @Message("Create key")
    String createKey();

    @Message("Key revoked.")
    String keyRevoked();

    // audit log

    @Message("Who")
    String who();

    @Message("user name or key:name")
    String actorPlaceholder();

    @Message("Action")
    String action();




    @Message("Filter")
    String filter();

    @Message("Clear")
    String clear();

    @Message("No entries match these filters.")
    String noEntries();

    @Message("When")
    String when();

    @Message("What")
    String what();

    @Message("Which")
    String which();

    @Message("Changes")
    String changes();

    @Message("← Newer")
    String newer();

    @Message("Older →")
    String older();

    /** After the pager's range: "1–100 of 250". */
    @Message(" of {total}")
    String ofTotal(long total);

    // integrations (webhooks)

    @Message("Webhooks tell a ticketing system or CMMS what happened here. Every request is signed per the"
            + " Standard Webhooks specification (")
    String webhooksIntro();

    /** Between the header names of the webhooks introduction. */
    @Message(", ")
    String listSep();

    @Message("); failures are retried for about a day. See docs/INTEGRATIONS.md.")
    String webhooksIntroEnd();

    /** Before a new endpoint's URL: "Signing secret of <strong>url</strong>. Copy it now…". */
    @Message("Signing secret of ")
    String secretLead();

    @Message(". Copy it now: it will not be shown again.")
    String secretTail();

    @Message("enabled")
    String enabled();

    /** Before a date. */
    @Message("the previous secret signs too until")
    String previousSecretUntil();

    @Message("Send test event")
    String sendTest();

    @Message("Disable")
    String disable();

    @Message("Enable")
    String enable();

    @Message("Rotate secret")
    String rotateSecret();

    @Message("Remove")
    String remove();

    @Message("No deliveries yet.")
    String noDeliveries();

    @Message("Event")
    String event();

    @Message("Status")
    String status();

    @Message("Answer")
    String answer();

    @Message("Attempts")
    String attempts();

    @Message("Last try")
    String lastTry();

    /** A webhook delivery's state (the code stays in data-status). */
    @Message("{#when status}{#is 'pending'}pending{#is 'delivering'}delivering{#is 'succeeded'}succeeded"
            + "{#is 'failed'}failed{#else}{status}{/when}")
    String webhookStatus(String status);

    /** Before the date of the next attempt. */
    @Message("next")
    String nextTry();

    @Message("Redeliver")
    String redeliver();

    @Message("No webhook endpoints yet.")
    String noEndpoints();

    @Message("Add an endpoint")
    String addEndpointHeading();

    @Message("Events")
    String events();

    @Message("Description")
    String description();

    @Message("Add endpoint")
    String addEndpoint();

    @Message("Test event queued for {url}.")
    String testQueued(String url);

    @Message("Delivery {id} queued again.")
    String deliveryQueued(String id);

    @Message("Endpoint enabled.")
    String endpointEnabled();

    @Message("Endpoint disabled.")
    String endpointDisabled();

    @Message("Endpoint removed.")
    String endpointRemoved();

    // tickets (the "Create ticket" buttons)

    @Message("Ticket {key} created in {system}.")
    String ticketCreated(String key, String system);

    @Message("No ticket was created: {reason}")
    String ticketFailed(String reason);

    // digests

    @Message("Digests")
    String digests();

    @Message("A summary of the records by email: counts against the period before, top failure modes and assets,"
            + " recurring problems, assets at risk and notable records, with links back here.")
    String digestsIntro();

    @Message("As an administrator you see every subscription and the outbox.")
    String adminSeesAll();

    @Message("Subscriptions")
    String subscriptions();

    @Message("Your subscriptions")
    String yourSubscriptions();

    @Message("No subscriptions yet: add one below.")
    String noSubscriptions();

    @Message("Address")
    String address();

    @Message("Schedule")
    String schedule();

    @Message("Covers")
    String covers();

    @Message("Next mail")
    String nextMail();

    @Message("Actions")
    String actions();

    /** "every week on monday at 7:00": every is day, week or month; day (MONDAY…) only for week. */
    @Message("every {every}{#if day} on {#when day}{#is 'MONDAY'}monday{#is 'TUESDAY'}tuesday"
            + "{#is 'WEDNESDAY'}wednesday{#is 'THURSDAY'}thursday{#is 'FRIDAY'}friday{#is 'SATURDAY'}saturday"
            + "{#is 'SUNDAY'}sunday{#else}{day}{/when}{/if} at {hour}:00")
    String scheduled(String every, String day, int hour);

    @Message("every record")
    String everyRecord();

    @Message("site {v}")
    String siteTag(String v);

    @Message("asset {v}")
    String assetTag(String v);

    @Message("type {v}")
    String typeTag(String v);

    /** Before the date a subscription was unsubscribed. */
    @Message("unsubscribed")
    String unsubscribedOn();

    @Message("Preview")
    String preview();

    @Message("Send now")
    String sendNow();

    /** Before "<code>from</code>/<code>to</code>". */
    @Message("Preview and \"Send now\" cover the latest complete period. Another period: the API's ")
    String periodNote();

    @Message(" parameters.")
    String periodNoteEnd();

    /** The heading and the button. */
    @Message("Subscribe")
    String subscribe();

    @Message("Email address")
    String emailAddress();

    @Message("Every")
    String every();

    @Message("week")
    String everyWeek();

    @Message("day")
    String everyDay();

    @Message("month (on the 1st)")
    String everyMonth();

    @Message("On")
    String on();

    /** A day of the week from its code (MONDAY…). */
    @Message("{#when day}{#is 'MONDAY'}monday{#is 'TUESDAY'}tuesday{#is 'WEDNESDAY'}wednesday"
            + "{#is 'THURSDAY'}thursday{#is 'FRIDAY'}friday{#is 'SATURDAY'}saturday{#is 'SUNDAY'}sunday"
            + "{#else}{day}{/when}")
    String weekday(String day);

    @Message("At hour")
    String atHour();

    @Message("Time zone")
    String timeZone();

    @Message("Mail language")
    String mailLanguage();

    @Message("Sites (comma-separated; empty: all)")
    String sitesCsv();

    @Message("Assets (comma-separated)")
    String assetsCsv();

    @Message("Asset types (comma-separated)")
    String assetTypesCsv();

    @Message("Kinds (none ticked: all)")
    String kindsNoneAll();

    @Message("Failure modes (none selected: all)")
    String failureModesNoneAll();

    @Message("Outbox")
    String outbox();

    /** The outbox note, around "<em>unsent</em>", "<code>faultline.digest.smtp</code>" and "<em>retrying</em>". */
    @Message("Every digest mail: ")
    String outboxNote();

    @Message(" ones were kept because no SMTP server is configured (")
    String outboxUnsent();

    @Message("); ")
    String outboxBetween();

    @Message(" ones failed and will be tried again.")
    String outboxRetrying();

    @Message("No digest mail yet.")
    String noDigestMail();

    @Message("To")
    String recipient();

    @Message("Period")
    String period();

    @Message("Made")
    String made();

    @Message("sent by hand")
    String sentByHand();

    /** Before the date a digest was sent. */
    @Message("sent")
    String sentOn();

    @Message("Read")
    String read();

    @Message("Send again")
    String sendAgain();

    /** A digest mail's state (the code stays in data-status). */
    @Message("{#when status}{#is 'queued'}queued{#is 'sending'}sending{#is 'retrying'}retrying{#is 'sent'}sent"
            + "{#is 'failed'}failed{#is 'unsent'}unsent{#else}{status}{/when}")
    String digestStatus(String status);

    @Message("Subscribed {email}. The next digest is due {due}.")
    String subscribed(String email, String due);

    @Message("Digest for {recipient} queued: it leaves within a minute"
            + " (or waits in the outbox, unsent, when no SMTP server is configured).")
    String digestQueued(String recipient);

    @Message("Subscription removed.")
    String subscriptionRemoved();

    @Message("Digest {id} queued again.")
    String digestRequeued(long id);

    // sign-in

    /** The title, heading and button. */
    @Message("Sign in")
    String signIn();

    @Message("Password")
    String password();

    @Message("You are signed out.")
    String signedOut();

    @Message("Your session has ended (signed out elsewhere, idle too long, or changed by an administrator)."
            + " Please sign in again.")
    String sessionEnded();

    @Message("The sign-in form expired; please try again.")
    String formExpired();

    @Message("Too many failed sign-ins for this user. Try again in {minutes} minutes.")
    String tooManySignIns(long minutes);

    @Message("Wrong user name or password.")
    String wrongPassword();

    // unsubscribe

    /** The title, heading and button. */
    @Message("Unsubscribe")
    String unsubscribe();

    @Message("Stop receiving this Faultline digest?")
    String stopReceiving();

    @Message("You are unsubscribed: no more digests of this subscription will be sent.")
    String unsubscribedDone();

    @Message("This link is not valid.")
    String linkInvalid();

    // error page

    @Message("Back to the records")
    String backToRecords();

    /** An error page's heading: the status's name as the answer gives it (the detail below stays as written). */
    @Message("{title}")
    String errorTitle(int status, String title);
}
