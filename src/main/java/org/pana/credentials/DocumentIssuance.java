package org.pana.credentials;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pana.access.OrganisationDirectory;
import org.pana.access.OrganisationType;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.asylum.AsylumDocuments;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.pana.registration.BirthDatePrecision;
import org.pana.registration.PersonDetails;
import org.pana.registration.PersonSummary;
import org.pana.registration.PersonView;
import org.pana.registration.PortraitPhotos;
import org.pana.registration.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the documents of the asylum procedure (issue 6): takes what the procedure says the person may carry now
 * ({@link AsylumDocuments}), the holder's names in every recorded script, birth date as precise as it is known, photo
 * and the children entered with them from registration, prints them (PDF with the signed QR code) and records the
 * issuance. Issuing again (a reprint, a lost card) is a new issuance: the earlier document of the same kind shows as
 * replaced at once. Every issuance and every reading of the registry or of a PDF is audited.
 */
@Service
class DocumentIssuance {

    static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    /** Who issues documents: the asylum authority's registration officers and decision makers. */
    private static final Set<Role> ISSUERS = Set.of(Role.REGISTRATION_OFFICER, Role.DECISION_MAKER);
    /**
     * Who may see which documents a person holds: the asylum procedure's officers and the protection monitors. A
     * partner or a border officer who sees the person has no need to know their papers (need-to-know, security.md).
     */
    static final Set<Role> READERS = Set.of(Role.REGISTRATION_OFFICER, Role.ELIGIBILITY_OFFICER, Role.DECISION_MAKER, Role.APPEALS_OFFICER,
            Role.PROTECTION_MONITOR);
    private static final Map<DocumentType, AsylumDocuments.Kind> KINDS = Map.of(
            DocumentType.ASYLUM_SEEKER_CERTIFICATE, AsylumDocuments.Kind.ASYLUM_SEEKER_CERTIFICATE,
            DocumentType.REFUGEE_CERTIFICATE, AsylumDocuments.Kind.REFUGEE_CERTIFICATE);

    record IssueRequest(String type, UUID applicationId, String language, String layout) {}

    record IssuedView(UUID id, DocumentType type, String number, LocalDate validFrom, LocalDate validUntil, DocumentStatus status,
            String verificationCode, String verificationUrl, String language, Layout layout, Instant issuedAt, String issuedBy) {}

    private final AsylumDocuments asylum;
    private final Registry registry;
    private final PortraitPhotos photos;
    private final OrganisationDirectory organisations;
    private final DocumentTemplates templates;
    private final IssuedDocuments issued;
    private final AuditTrail audit;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ZoneId zone;
    private final String publicUrl;

    DocumentIssuance(AsylumDocuments asylum, Registry registry, PortraitPhotos photos, OrganisationDirectory organisations,
            DocumentTemplates templates, IssuedDocuments issued, AuditTrail audit, TimeOrderedIds ids, Clock clock,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone,
            @Value("${pana.credentials.public-url:http://localhost:8080}") String publicUrl) {
        this.asylum = asylum;
        this.registry = registry;
        this.photos = photos;
        this.organisations = organisations;
        this.templates = templates;
        this.issued = issued;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Transactional
    IssuedView issue(PanaUser caller, UUID personId, IssueRequest request) {
        if (caller.organisationType() != OrganisationType.ASYLUM_AUTHORITY || caller.roles().stream().noneMatch(ISSUERS::contains)) {
            audit.recordSeparately(AuditEntry.denied("DOCUMENT_ISSUED", "PERSON", personId));
            throw new AccessDeniedException("Documents are issued by the asylum authority's registration officers and decision makers.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        DocumentType type = KINDS.keySet().stream().filter(t -> t.name().equals(request.type())).findFirst().orElse(null);
        if (type == null) problems.add(new FieldProblem("type", "Use ASYLUM_SEEKER_CERTIFICATE or REFUGEE_CERTIFICATE."));
        if (request.applicationId() == null) problems.add(new FieldProblem("applicationId", "Name the application the document is issued from."));
        String language = request.language() == null ? null : request.language().toLowerCase(Locale.ROOT);
        if (language == null || !LANGUAGES.contains(language)) problems.add(new FieldProblem("language", "Use kk, ru or en."));
        Layout layout = request.layout() == null ? Layout.A4
                : java.util.Arrays.stream(Layout.values()).filter(l -> l.name().equals(request.layout())).findFirst().orElse(null);
        if (layout == null) problems.add(new FieldProblem("layout", "Use A4 or ID1."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The document request has invalid fields.", problems);

        PersonView person = registry.find(caller, personId);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        AsylumDocuments.Kind kind = KINDS.get(type);
        AsylumDocuments.Certificate certificate = asylum.standing(request.applicationId(), kind, today)
                .filter(c -> c.jurisdiction().equals(caller.jurisdiction()))
                .orElseThrow(() -> new StateConflict("nothing-to-issue", "No " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " can be issued from this application today: "
                        + asylum.endedBecause(request.applicationId(), kind, today).orElse("it is not of your jurisdiction.")));
        if (!certificate.holderId().equals(personId)) {
            throw RuleViolation.onField("applicationId", "The application is another person's: a child's certificate is the parent's.");
        }
        String issuer = organisations.find(certificate.organisationId()).map(OrganisationDirectory.Unit::name).orElse(certificate.jurisdiction());
        List<String> children = certificate.includedChildren().isEmpty() ? List.of()
                : registry.summaries(caller, certificate.includedChildren()).stream().map(DocumentIssuance::childLine).toList();
        UUID id = ids.next();
        PrintedDocument draft = new PrintedDocument(id, type, certificate.jurisdiction(), language, layout, certificate.number(),
                certificate.validFrom(), certificate.validUntil(), names(person.names()), birthDate(person.birthDate(), person.birthDatePrecision()),
                person.sex() == null ? null : person.sex().name(), person.nationalities().isEmpty() ? null : person.nationalities().get(0),
                photos.jpegOf(caller, personId).orElse(null), children, issuer, today, null);
        String code = issued.codeFor(draft);
        PrintedDocument printed = new PrintedDocument(id, type, draft.jurisdiction(), language, layout, draft.number(), draft.validFrom(),
                draft.validUntil(), draft.names(), draft.birthDate(), draft.sex(), draft.nationality(), draft.photo(), children, issuer, today,
                publicUrl + "/verify/" + code);
        byte[] pdf = templates.pdf(printed);
        IssuedDocument document = issued.record(printed, personId, kind.name(), certificate.applicationId(), pdf, caller.username());
        audit.record(AuditEntry.success("DOCUMENT_ISSUED", "PERSON", personId).withDetails(type.name() + " " + certificate.number()));
        return view(document, today);
    }

    /** The documents issued to the person, newest first, each with its status today; the listing audited. */
    @Transactional
    List<IssuedView> of(PanaUser caller, UUID personId) {
        requireReader(caller, personId, "ISSUED_DOCUMENTS_LISTED");
        registry.requireVisible(caller, personId, "ISSUED_DOCUMENTS_LISTED");
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        audit.record(AuditEntry.success("ISSUED_DOCUMENTS_LISTED", "PERSON", personId));
        return issued.of(personId).stream().map(d -> view(d, today)).toList();
    }

    /** The PDF as issued, for a caller who may see its holder (a reading audited; "not found" otherwise). */
    @Transactional
    byte[] pdf(PanaUser caller, UUID documentId) {
        requireReader(caller, documentId, "ISSUED_DOCUMENT_READ");
        IssuedDocument document = issued.find(documentId).filter(d -> registry.isVisible(caller, d.personId())).orElseThrow(() -> {
            audit.recordSeparately(AuditEntry.denied("ISSUED_DOCUMENT_READ", "ISSUED_DOCUMENT", documentId));
            return new NotFound("document");
        });
        audit.record(AuditEntry.success("ISSUED_DOCUMENT_READ", "PERSON", document.personId()).withDetails(document.number()));
        return issued.pdf(documentId).orElseThrow(() -> new NotFound("document"));
    }

    private void requireReader(PanaUser caller, UUID subject, String action) {
        if (caller.roles().stream().noneMatch(READERS::contains)) {
            audit.recordSeparately(AuditEntry.denied(action, "PERSON", subject));
            throw new AccessDeniedException("Issued documents are for the asylum procedure's officers and the protection monitors.");
        }
    }

    private IssuedView view(IssuedDocument d, LocalDate today) {
        return new IssuedView(d.id(), d.type(), d.number(), d.validFrom(), d.validUntil(), issued.status(d, today), d.code(),
                publicUrl + "/verify/" + d.code(), d.language(), d.layout(), d.issuedAt(), d.issuedBy());
    }

    /** One printed line per script: family name, given name and patronymic as recorded, the declared name first. */
    static List<PrintedDocument.PrintedName> names(List<PersonDetails.Name> names) {
        Map<String, String> byScript = new LinkedHashMap<>();
        for (PersonDetails.Name name : names) {
            String text = String.join(" ", java.util.stream.Stream.of(name.family(), name.given(), name.patronymic())
                    .filter(part -> part != null && !part.isBlank()).toList());
            byScript.putIfAbsent(name.script() == null ? "Latn" : name.script(), text);
        }
        return byScript.entrySet().stream().map(e -> new PrintedDocument.PrintedName(e.getKey(), e.getValue())).toList();
    }

    /** The birth date as far as it is known: "1984", "1984-06" or "1984-06-01"; an estimated year is marked "c.". */
    static String birthDate(LocalDate date, BirthDatePrecision precision) {
        if (date == null) return null;
        if (precision == null) return date.toString();
        return switch (precision) {
            case DAY -> date.toString();
            case MONTH -> date.toString().substring(0, 7);
            case YEAR -> String.valueOf(date.getYear());
            case ESTIMATED -> "c. " + date.getYear();
        };
    }

    private static String childLine(PersonSummary child) {
        String name = names(child.names()).stream().findFirst().map(PrintedDocument.PrintedName::text).orElse("");
        return child.birthDate() == null ? name : name + ", " + child.birthDate().getYear();
    }
}
