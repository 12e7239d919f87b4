package dev.faultline.digest;

import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import dev.faultline.record.ListParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Digest subscriptions: a user manages their own; an administrator manages every one (a distribution list's
 * address, say). Someone else's subscription answers 404, as if it did not exist.
 */
@ApplicationScoped
public class SubscriptionService {

    /** Who is asking: their name (the owner of what they create) and whether they are an administrator. */
    public record Actor(String name, boolean admin) {}

    private final SubscriptionRepository subscriptions;
    private final SubscriptionValidator validator;
    private final DeliveryRepository deliveries;
    private final DeliveryService outbox;
    private final DigestBuilder builder;
    private final DigestMail mail;
    private final UnsubscribeTokens tokens;
    private final Clock clock = Clock.systemUTC();

    SubscriptionService(SubscriptionRepository subscriptions, SubscriptionValidator validator,
            DeliveryRepository deliveries, DeliveryService outbox, DigestBuilder builder, DigestMail mail,
            UnsubscribeTokens tokens) {
        this.subscriptions = subscriptions;
        this.validator = validator;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.builder = builder;
        this.mail = mail;
        this.tokens = tokens;
    }

    public SubscriptionView create(Actor actor, SubscriptionRequest request) {
        long id = subscriptions.insert(actor.name(), validator.check(request));
        return subscriptions.find(id).orElseThrow().view(clock.instant());
    }

    public SubscriptionView update(Actor actor, long id, SubscriptionRequest request) {
        var valid = validator.check(request);
        mine(actor, id);
        subscriptions.update(id, valid);
        return subscriptions.find(id).orElseThrow().view(clock.instant());
    }

    public void delete(Actor actor, long id) {
        mine(actor, id);
        subscriptions.delete(id);
    }

    public SubscriptionView get(Actor actor, long id) {
        return mine(actor, id).view(clock.instant());
    }

    /** The actor's subscriptions, or every one for an administrator. */
    public List<SubscriptionView> list(Actor actor) {
        Instant now = clock.instant();
        return subscriptions.list(actor.admin() ? null : actor.name()).stream().map(s -> s.view(now)).toList();
    }

    /** The mail of a period (default: the latest complete one, what "send now" sends) as HTML. */
    public String preview(Actor actor, long id, String from, String to) {
        Subscription s = mine(actor, id);
        return mail.render(builder.build(s.filters(), period(s, from, to), s.schedule().zone(),
                outbox.unsubscribeUrl(id), s.language())).html();
    }

    /** A printable report of a period for any filters: the digest as a web page. */
    public String report(DigestFilters filters, String from, String to, java.time.ZoneId zone, String language) {
        Subscription adHoc = new Subscription(0, null, null, new Schedule("week", java.time.DayOfWeek.MONDAY, 0,
                zone), filters, language, null, null);
        return mail.page(builder.build(filters, period(adHoc, from, to), zone, null, language));
    }

    /** Queues a mail of a period now (default: the latest complete one), apart from the scheduled ones. */
    public DeliveryView sendNow(Actor actor, long id, String from, String to) {
        Subscription s = mine(actor, id);
        if (s.unsubscribedAt() != null) {
            throw new ProblemException(409, "Conflict", s.email() + " unsubscribed from this digest on "
                    + s.unsubscribedAt().toLocalDate() + "; it is not sent there again", List.of());
        }
        long delivery = deliveries.enqueueManual(id, period(s, from, to), s.email());
        return deliveries.find(delivery).orElseThrow();
    }

    /** The latest deliveries of a subscription. */
    public List<DeliveryView> deliveries(Actor actor, long id) {
        mine(actor, id);
        return deliveries.latest(id, 20);
    }

    /** Ends a subscription from a signed link; false for a token that is not ours. */
    public boolean unsubscribe(String token) {
        return tokens.verify(token).map(id -> {
            subscriptions.unsubscribe(id);
            return subscriptions.find(id).isPresent();
        }).orElse(false);
    }

    private Schedule.Period period(Subscription s, String from, String to) {
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            return s.schedule().latest(clock.instant());
        }
        LocalDate f = ListParams.date("from", from);
        LocalDate t = ListParams.date("to", to);
        if (!f.isBefore(t) || f.plusYears(1).isBefore(t)) {
            throw ProblemException.badRequest(FieldError.of("to", "must be after 'from', at most a year later"));
        }
        return new Schedule.Period(f.atStartOfDay(s.schedule().zone()).toInstant(),
                t.atStartOfDay(s.schedule().zone()).toInstant(), clock.instant());
    }

    private Subscription mine(Actor actor, long id) {
        return subscriptions.find(id).filter(s -> actor.admin() || s.owner().equals(actor.name()))
                .orElseThrow(() -> ProblemException.notFound("Digest subscription", id));
    }
}
