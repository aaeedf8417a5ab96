package org.pana.asylum;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.pana.access.OrganisationDirectory;
import org.pana.access.PanaUser;
import org.pana.calendar.Deadline;
import org.pana.calendar.DeadlineRule;
import org.pana.calendar.LegalDeadlines;
import org.pana.calendar.WorkingCalendar;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.pana.registration.BirthDatePrecision;
import org.pana.registration.PersonDetails;
import org.pana.registration.PersonView;
import org.pana.registration.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision letter (issue 5, item 5): the approved decision, its reasons and, for a refusal, how and by when to
 * appeal, written for the applicant. The authority issues it in Russian or Kazakh (the official languages); a copy in a
 * language the applicant understands is offered where Pana has a template for that language (English). The appeal's
 * last day is counted from the notification date with the calendar rule {@code ASYLUM/APPEAL}; before notification
 * the letter gives the rule's time limit instead. Nothing is stored: the letter is drawn from the case each time, and
 * its notification date is the one the {@code NOTIFY} transition recorded. Every reading is audited as
 * {@value #AUDIT_ACTION}.
 */
@Service
class DecisionLetters {

    static final String AUDIT_ACTION = "ASYLUM_DECISION_LETTER_VIEWED";
    /** The languages the authority issues its decisions in. */
    static final List<String> OFFICIAL = List.of("ru", "kk");
    /** The languages Pana has a letter template for, official ones first. */
    static final List<String> TEMPLATES = List.of("ru", "kk", "en");
    /** ISO 639-1 and 639-3 codes (as registration records a person's languages) of the languages with a template. */
    private static final Map<String, String> TEMPLATE_OF_CODE = Map.of("ru", "ru", "rus", "ru", "kk", "kk", "kaz", "kk", "en", "en", "eng", "en");
    /** Preferred script of the applicant's name in a letter of this language. */
    private static final Map<String, String> SCRIPT = Map.of("ru", "Cyrl", "kk", "Cyrl", "en", "Latn");

    /** One paragraph; {@code heading} starts a section; {@code asWritten} marks text given as the decision maker wrote it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Paragraph(String heading, String text, boolean asWritten) {}

    /**
     * The letter in one language. {@code languages}: the languages it may be read in for this applicant (the official
     * ones, then those the applicant understands); {@code official}: whether this copy is the authority's official
     * text. {@code appealBy} is set once the refusal has been notified; {@code basis} is the legal basis of the appeal
     * window (refusals) or of the status term (recognitions), as the calendar's rule records it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Letter(UUID applicationId, String applicationNumber, String language, List<String> languages, boolean official, String title,
            List<Paragraph> paragraphs, String outcome, LocalDate decidedOn, LocalDate notifiedOn, LocalDate appealBy, LocalDate validUntil,
            String basis, Boolean basisConfirmed, LocalDate producedOn) {}

    private final Applications applications;
    private final Registry registry;
    private final OrganisationDirectory organisations;
    private final LegalDeadlines deadlines;
    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean appealsSuspend;

    DecisionLetters(Applications applications, Registry registry, OrganisationDirectory organisations, LegalDeadlines deadlines,
            WorkingCalendar calendar, MessageSource messages, JdbcClient jdbc, Clock clock,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone,
            @Value("${pana.asylum.appeal-suspensive:true}") boolean appealsSuspend) {
        this.applications = applications;
        this.registry = registry;
        this.organisations = organisations;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
        this.appealsSuspend = appealsSuspend;
    }

    /**
     * The letter of the application's approved decision in {@code language} (null: Russian). 404 for a caller who may
     * not see the case, 409 ({@code no-decision}) while no approved decision stands, 422 for a language the letter is
     * not given in for this applicant.
     */
    @Transactional
    Letter letter(PanaUser caller, UUID id, String language) {
        Applications.Application application = applications.read(caller, id, AUDIT_ACTION);
        Applications.Decision decision = application.decision();
        boolean decided = application.outcome() != null && decision != null && "APPROVED".equals(decision.state())
                && (application.status() == ApplicationStatus.DECIDED || application.status() == ApplicationStatus.APPEALED);
        if (!decided) {
            throw new StateConflict("no-decision", "The application has no approved decision: the letter is written once a decision is approved.");
        }
        PersonView applicant = registry.find(caller, application.personId());
        List<String> languages = languages(applicant, application);
        String chosen = language == null || language.isBlank() ? OFFICIAL.get(0) : language.strip().toLowerCase(Locale.ROOT);
        if (!languages.contains(chosen)) {
            throw RuleViolation.onField("language", "The letter is given in " + String.join(", ", languages)
                    + ": Russian or Kazakh, and a language the applicant understands where there is a template for it.");
        }
        return write(application, decision, applicant, languages, chosen);
    }

    /**
     * The official languages, then each language with a template that the applicant understands: those registration
     * records for the person, and the interpreter's language of their interviews (they were heard in it).
     */
    static List<String> languages(PersonView applicant, Applications.Application application) {
        Set<String> understood = new LinkedHashSet<>();
        Stream.concat(applicant.languages() == null ? Stream.empty() : applicant.languages().stream(),
                application.interviews().stream().map(Applications.Interview::interpreterLanguage))
                .filter(Objects::nonNull).map(code -> TEMPLATE_OF_CODE.get(code.toLowerCase(Locale.ROOT))).filter(Objects::nonNull)
                .forEach(understood::add);
        List<String> languages = new ArrayList<>(OFFICIAL);
        TEMPLATES.stream().filter(t -> !OFFICIAL.contains(t) && understood.contains(t)).forEach(languages::add);
        return List.copyOf(languages);
    }

    private Letter write(Applications.Application application, Applications.Decision decision, PersonView applicant, List<String> languages,
            String language) {
        Locale locale = Locale.forLanguageTag(language);
        Text text = new Text(locale);
        String jurisdiction = application.jurisdiction();
        List<Paragraph> paragraphs = new ArrayList<>();

        UUID organisationId = jdbc.sql("SELECT organisation_id FROM asylum_application WHERE id = :id").param("id", application.id())
                .query(UUID.class).single();
        String country = calendar.nameOf(jurisdiction).in(locale);
        String authority = organisations.find(organisationId).map(u -> u.name() + ", " + country).orElse(country);
        paragraphs.add(text.line("authority", authority));
        paragraphs.add(text.line("number", application.number()));
        paragraphs.add(text.line("applicant", name(applicant, language), birthDate(applicant, locale)));
        paragraphs.add(text.line("decided-on", text.date(application.decidedOn())));
        if (!OFFICIAL.contains(language)) paragraphs.add(text.line("translation"));

        String outcome = application.outcome();
        paragraphs.add(new Paragraph(text.get("heading.decision"), text.get("outcome." + outcome), false));
        boolean grantedOnAppeal = !outcome.equals(decision.outcome());
        if (grantedOnAppeal) {
            paragraphs.add(text.line("granted-on-appeal", text.date(application.decidedOn())));
        } else if (decision.familyUnityWith() != null) {
            paragraphs.add(text.line("family-unity", text.date(decision.consentOn())));
        }
        if (!grantedOnAppeal) {
            paragraphs.add(new Paragraph(text.get("heading.reasons"), text.get("reasons.as-written"), false));
            paragraphs.add(new Paragraph(null, decision.reasons(), true));
        }

        LocalDate notifiedOn = application.notifiedOn();
        LocalDate appealBy = null;
        LocalDate validUntil = null;
        String basis;
        boolean confirmed;
        if ("RECOGNISED".equals(outcome)) {
            validUntil = application.refugeeStatus() == null ? null : application.refugeeStatus().validUntil();
            DeadlineRule term = deadlines.rule(jurisdiction, Applications.PROCEDURE, "STATUS_TERM", application.lodgedOn());
            DeadlineRule invitation = deadlines.rule(jurisdiction, Applications.PROCEDURE, "EXTENSION_INVITATION", application.lodgedOn());
            paragraphs.add(new Paragraph(text.get("heading.status"), validUntil == null ? text.get("status.granted")
                    : text.get("status.valid-until", text.date(validUntil)), false));
            paragraphs.add(text.line("status.extension", text.period(term), text.period(invitation)));
            basis = term.basis();
            confirmed = term.confirmed();
            paragraphs.add(text.line("basis.status", basis));
        } else {
            DeadlineRule rule = deadlines.rule(jurisdiction, Applications.PROCEDURE, "APPEAL", application.lodgedOn());
            paragraphs.add(new Paragraph(text.get("heading.appeal"), text.get("appeal.how"), false));
            if (notifiedOn == null) {
                paragraphs.add(text.line("appeal.within", text.period(rule)));
                basis = rule.basis();
                confirmed = rule.confirmed();
            } else {
                Deadline window = deadlines.dueDate(jurisdiction, Applications.PROCEDURE, "APPEAL", notifiedOn, application.lodgedOn());
                appealBy = window.dueDate();
                paragraphs.add(text.line("appeal.by", text.date(notifiedOn), text.date(appealBy)));
                basis = window.basis();
                confirmed = window.confirmed();
            }
            paragraphs.add(text.line("appeal.court", text.period(rule)));
            if (appealsSuspend) paragraphs.add(text.line("appeal.suspensive"));
            paragraphs.add(text.line("basis.appeal", basis));
        }
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        paragraphs.add(notifiedOn == null ? new Paragraph(text.get("heading.receipt"), text.get("receipt.blank"), false)
                : new Paragraph(text.get("heading.receipt"), text.get("receipt.notified", text.date(notifiedOn)), false));
        paragraphs.add(text.line("produced-on", text.date(today)));
        return new Letter(application.id(), application.number(), language, languages, OFFICIAL.contains(language), text.get("title"),
                List.copyOf(paragraphs), outcome, application.decidedOn(), notifiedOn, appealBy, validUntil, basis, confirmed, today);
    }

    /**
     * The applicant's name as registered, in the letter's script where registration has it so (a document name first,
     * then a declared one), family name first in Russian and Kazakh.
     */
    static String name(PersonView applicant, String language) {
        List<PersonDetails.Name> names = applicant.names() == null ? List.of() : applicant.names();
        Comparator<PersonDetails.Name> preference = Comparator
                .comparing((PersonDetails.Name n) -> !SCRIPT.get(language).equals(n.script()))
                .thenComparing(n -> "ALIAS".equals(n.kind()))
                .thenComparing(n -> !"DOCUMENT".equals(n.kind()));
        Optional<PersonDetails.Name> best = names.stream().sorted(preference).findFirst();
        if (best.isEmpty()) return applicant.registrationNumber();
        PersonDetails.Name n = best.get();
        Stream<String> parts = "en".equals(language) ? Stream.of(n.given(), n.patronymic(), n.family()) : Stream.of(n.family(), n.given(), n.patronymic());
        return String.join(" ", parts.filter(p -> p != null && !p.isBlank()).toList());
    }

    private String birthDate(PersonView applicant, Locale locale) {
        LocalDate born = applicant.birthDate();
        if (born == null) return "—";
        if (applicant.birthDatePrecision() == null || applicant.birthDatePrecision() == BirthDatePrecision.DAY) {
            return new Text(locale).date(born);
        }
        if (applicant.birthDatePrecision() == BirthDatePrecision.MONTH) {
            return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(born);
        }
        return String.valueOf(born.getYear());
    }

    /** The letter's sentences in one language, from the bundle {@code messages/asylum-letter}. */
    private final class Text {

        private final Locale locale;

        Text(Locale locale) {
            this.locale = locale;
        }

        String get(String key, Object... args) {
            return messages.getMessage("asylum.letter." + key, args.length == 0 ? null : args, locale);
        }

        Paragraph line(String key, Object... args) {
            return new Paragraph(null, get(key, args), false);
        }

        String date(LocalDate day) {
            if (day == null) return "—";
            DateTimeFormatter format = switch (locale.getLanguage()) {
                case "kk" -> DateTimeFormatter.ofPattern("yyyy 'жылғы' d MMMM", locale);
                case "en" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK);
                default -> DateTimeFormatter.ofPattern("d MMMM yyyy 'года'", locale);
            };
            return format.format(day);
        }

        /** A rule's time limit in words ("1 month", "1 месяц", "1 ай"), with the plural the language needs after the number. */
        String period(DeadlineRule rule) {
            int n = rule.amount();
            String form = n % 10 == 1 && n % 100 != 11 ? "one"
                    : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? "few" : "many";
            if (locale.getLanguage().equals("en")) form = n == 1 ? "one" : "many";
            return n + " " + get("unit." + rule.unit().name() + "." + form);
        }
    }
}
