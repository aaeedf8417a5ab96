package org.pana.asylum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the asylum procedure gives a person to carry (issue 6): the asylum-seeker certificate while the claim is
 * considered (and while a refusal can still be appealed, or an appeal with suspensive effect is pending), and the
 * refugee certificate while refugee status stands. The credentials module prints them and asks, each time a document
 * is verified, whether what it was printed from still stands, so an ended status shows at once.
 *
 * <p>No access check and no audit here: these are facts about a case, read by the credentials module, which checks
 * who may issue a document and audits every issue and reading itself.
 */
@Service
@Transactional(readOnly = true)
public class AsylumDocuments {

    public enum Kind { ASYLUM_SEEKER_CERTIFICATE, REFUGEE_CERTIFICATE }

    /**
     * A certificate as the procedure stands: its number, validity and holder, and the children entered in it.
     *
     * @param applicationId the application it is printed from (the source of the document)
     * @param organisationId the asylum authority unit that holds the case (the issuer)
     */
    public record Certificate(Kind kind, UUID applicationId, String jurisdiction, UUID holderId, UUID organisationId, String number,
            LocalDate validFrom, LocalDate validUntil, List<UUID> includedChildren) {}

    private final CaseFiles files;
    private final Appeals appeals;
    private final JdbcClient jdbc;

    AsylumDocuments(CaseFiles files, Appeals appeals, JdbcClient jdbc) {
        this.files = files;
        this.appeals = appeals;
        this.jdbc = jdbc;
    }

    /** The certificates the person may be given today, from each of their applications (children are in a parent's). */
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

    private Optional<String> endedBecause(ApplicationRow row, Kind kind, LocalDate today) {
        if (kind == Kind.REFUGEE_CERTIFICATE) {
            if (!"RECOGNISED".equals(row.outcome()) || row.statusUntil() == null) return Optional.of("The applicant is not a recognised refugee.");
            if (row.statusEnd() != null && !row.statusEndedOn().isAfter(today)) {
                return Optional.of("Refugee status " + row.statusEnd().toLowerCase(java.util.Locale.ROOT) + " on " + row.statusEndedOn() + ".");
            }
            return Optional.empty();
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

    private Optional<Certificate> certificate(ApplicationRow row, Kind kind) {
        List<UUID> children = jdbc.sql("SELECT person_id FROM asylum_application_child WHERE application_id = :id ORDER BY person_id")
                .param("id", row.id()).query(UUID.class).list();
        if (kind == Kind.REFUGEE_CERTIFICATE) {
            // The current term began with the grant or with the latest extension decision.
            LocalDate from = jdbc.sql("""
                    SELECT max(effective_on) FROM asylum_application_event WHERE application_id = :id AND action = 'EXTEND_STATUS'""")
                    .param("id", row.id()).query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
            return Optional.of(new Certificate(kind, row.id(), row.jurisdiction(), row.personId(), row.organisationId(), row.number() + "-R",
                    from == null || from.isBefore(row.decidedOn()) ? row.decidedOn() : from, row.statusUntil(), children));
        }
        List<Applications.Certificate> issued = files.certificates(row.id());
        if (issued.isEmpty()) return Optional.empty();
        Applications.Certificate current = issued.get(issued.size() - 1);
        return Optional.of(new Certificate(kind, row.id(), row.jurisdiction(), row.personId(), row.organisationId(), current.number(),
                current.validFrom(), current.validUntil(), children));
    }
}
