package org.pana.asylum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the asylum procedure gives a person to carry (issue 6): the asylum-seeker certificate while the claim is
 * considered (and while a refusal can still be appealed, or an appeal with suspensive effect is pending), the
 * refugee certificate while refugee status stands, and the decision letter while the decision it records stands. The credentials module prints them and asks, each time a document
 * is verified, whether what it was printed from still stands, so an ended status shows at once.
 *
 * <p>No access check and no audit here: these are facts about a case, read by the credentials module, which checks
 * who may issue a document and audits every issue and reading itself.
 */
@Service
@Transactional(readOnly = true)
public class AsylumDocuments {

    public enum Kind { ASYLUM_SEEKER_CERTIFICATE, REFUGEE_CERTIFICATE, DECISION_LETTER }

    /**
     * A certificate as the procedure stands: its number, validity and holder, and the children entered in it.
     *
     * @param applicationId the application it is printed from (the source of the document)
     * @param organisationId the asylum authority unit that holds the case (the issuer)
     * @param attests what a decision letter attests: the outcome and day of the decision (e.g. {@code RECOGNISED@2027-01-05}),
     *     which {@link #endedBecause(UUID, Kind, String, LocalDate)} compares with the case; null for a certificate
     */
    public record Certificate(Kind kind, UUID applicationId, String jurisdiction, UUID holderId, UUID organisationId, String number,
            LocalDate validFrom, LocalDate validUntil, List<UUID> includedChildren, String attests) {}

    /**
     * The decision letter as {@link DecisionLetters} writes it in one language: its title and paragraphs (a heading starts
     * a section; {@code asWritten} marks the decision maker's own words), and the languages it may be given in.
     */
    public record Letter(UUID applicationId, String language, List<String> languages, boolean official, String title,
            List<LetterParagraph> paragraphs) {}

    public record LetterParagraph(String heading, String text, boolean asWritten) {}

    private final CaseFiles files;
    private final Appeals appeals;
    private final DecisionLetters letters;
    private final JdbcClient jdbc;

    AsylumDocuments(CaseFiles files, Appeals appeals, DecisionLetters letters, JdbcClient jdbc) {
        this.files = files;
        this.appeals = appeals;
        this.letters = letters;
        this.jdbc = jdbc;
    }

    /**
     * The decision letter of the application in {@code language}, for a caller who may read the case (the reading is
     * audited as the letter page's is): 404 otherwise, 409 while no approved decision stands, 422 for a language the
     * letter is not given in for this applicant.
     */
    @Transactional
    public Letter decisionLetter(PanaUser caller, UUID applicationId, String language) {
        DecisionLetters.Letter letter = letters.letter(caller, applicationId, language);
        return new Letter(letter.applicationId(), letter.language(), letter.languages(), letter.official(), letter.title(),
                letter.paragraphs().stream().map(p -> new LetterParagraph(p.heading(), p.text(), p.asWritten())).toList());
    }

    /** The documents the person may be given today, from each of their applications (children are in a parent's). */
    public List<Certificate> standing(UUID personId, LocalDate today) {
        List<Certificate> certificates = new ArrayList<>();
        for (UUID application : jdbc.sql("SELECT id FROM asylum_application WHERE person_id = :p ORDER BY lodged_on, id").param("p", personId)
                .query(UUID.class).list()) {
            for (Kind kind : Kind.values()) standing(application, kind, today).ifPresent(certificates::add);
        }
        return certificates;
    }

    /** The certificate of this kind the application gives today, if its holder may carry one. */
    public Optional<Certificate> standing(UUID applicationId, Kind kind, LocalDate today) {
        return files.row(applicationId).filter(row -> endedBecause(row, kind, today).isEmpty()).flatMap(row -> certificate(row, kind));
    }

    /**
     * Why a certificate of this kind printed from the application no longer stands on {@code today}, in words for the
     * issuing officers (not for the public verification page), or empty while it stands.
     */
    public Optional<String> endedBecause(UUID applicationId, Kind kind, LocalDate today) {
        return files.row(applicationId).map(row -> endedBecause(row, kind, today)).orElse(Optional.of("No such application."));
    }

    /**
     * As {@link #endedBecause(UUID, Kind, LocalDate)} for a document that {@code attests} what {@link Certificate#attests()}
     * said when it was issued: a decision letter also ends when the decision it records was replaced by another one (a
     * grant on appeal, a new decision after remittal).
     */
    public Optional<String> endedBecause(UUID applicationId, Kind kind, String attests, LocalDate today) {
        return files.row(applicationId).map(row -> {
            Optional<String> ended = endedBecause(row, kind, today);
            if (ended.isPresent() || kind != Kind.DECISION_LETTER || attests(row).equals(attests)) return ended;
            return Optional.of("The decision the letter records (" + attests + ") was replaced by the decision " + attests(row) + ".");
        }).orElse(Optional.of("No such application."));
    }

    private static String attests(ApplicationRow row) {
        return row.outcome() + "@" + row.decidedOn();
    }

    private Optional<String> endedBecause(ApplicationRow row, Kind kind, LocalDate today) {
        if (kind == Kind.DECISION_LETTER) {
            boolean decided = row.outcome() != null && (row.status() == ApplicationStatus.DECIDED || row.status() == ApplicationStatus.APPEALED);
            if (!decided) return Optional.of("The application has no approved decision.");
            return statusEnded(row, today);
        }
        if (kind == Kind.REFUGEE_CERTIFICATE) {
            if (!"RECOGNISED".equals(row.outcome()) || row.statusUntil() == null) return Optional.of("The applicant is not a recognised refugee.");
            return statusEnded(row, today);
        }
        return switch (row.status()) {
            case LODGED -> Optional.of("The application is not registered yet.");
            case REGISTERED, ASSESSED, DECISION_DRAFTED -> Optional.empty();
            case APPEALED -> appeals.of(row.id()).stream().anyMatch(a -> "PENDING".equals(a.status()) && a.suspensive()) ? Optional.empty()
                    : Optional.of("The pending appeal does not suspend the refusal.");
            case CLOSED -> Optional.of("The application was closed on " + row.closedOn() + ".");
            case DECIDED -> "RECOGNISED".equals(row.outcome()) ? Optional.of("Refugee status was granted on " + row.decidedOn() + ".")
                    : row.notifiedOn() == null || appeals.windowOpen(row, today) ? Optional.empty()
                    : Optional.of("The refusal can no longer be appealed.");
        };
    }

    private static Optional<String> statusEnded(ApplicationRow row, LocalDate today) {
        if (row.statusEnd() == null || row.statusEndedOn().isAfter(today)) return Optional.empty();
        return Optional.of("Refugee status " + row.statusEnd().toLowerCase(java.util.Locale.ROOT) + " on " + row.statusEndedOn() + ".");
    }

    private Optional<Certificate> certificate(ApplicationRow row, Kind kind) {
        List<UUID> children = jdbc.sql("SELECT person_id FROM asylum_application_child WHERE application_id = :id ORDER BY person_id")
                .param("id", row.id()).query(UUID.class).list();
        if (kind == Kind.DECISION_LETTER) {
            return Optional.of(new Certificate(kind, row.id(), row.jurisdiction(), row.personId(), row.organisationId(), row.number() + "-D",
                    row.decidedOn(), null, List.of(), attests(row)));
        }
        if (kind == Kind.REFUGEE_CERTIFICATE) {
            // The current term began with the grant or with the latest extension decision.
            LocalDate from = jdbc.sql("""
                    SELECT max(effective_on) FROM asylum_application_event WHERE application_id = :id AND action = 'EXTEND_STATUS'""")
                    .param("id", row.id()).query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
            return Optional.of(new Certificate(kind, row.id(), row.jurisdiction(), row.personId(), row.organisationId(), row.number() + "-R",
                    from == null || from.isBefore(row.decidedOn()) ? row.decidedOn() : from, row.statusUntil(), children, null));
        }
        List<Applications.Certificate> issued = files.certificates(row.id());
        if (issued.isEmpty()) return Optional.empty();
        Applications.Certificate current = issued.get(issued.size() - 1);
        return Optional.of(new Certificate(kind, row.id(), row.jurisdiction(), row.personId(), row.organisationId(), current.number(),
                current.validFrom(), current.validUntil(), children, null));
    }
}
