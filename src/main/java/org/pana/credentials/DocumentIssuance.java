package org.pana.credentials;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.pana.border.BorderReferrals;
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
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the documents of the asylum procedure (issue 6): takes what the procedure says the person may carry now
 * ({@link AsylumDocuments}: the certificates and the decision letter) or what the border recorded ({@link BorderReferrals}:
 * the referral slip), the holder's names in every recorded script, birth date as precise as it is known, photo and the
 * children entered with them from registration, prints them (PDF with the signed QR code) and records the issuance.
 * Issuing again (a reprint, a lost card) is a new issuance: the earlier document of the same kind shows as replaced at
 * once. Every issuance and every reading of the registry or of a PDF is audited.
 */
@Service
class DocumentIssuance {

    static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    /** Who issues the asylum procedure's documents: the asylum authority's registration officers and decision makers. */
    private static final Set<Role> ASYLUM_ISSUERS = Set.of(Role.REGISTRATION_OFFICER, Role.DECISION_MAKER);
    /**
     * Who may see which documents a person holds: the asylum procedure's officers and the protection monitors. A
     * partner or a border officer who sees the person has no need to know their papers (need-to-know, security.md);
     * a border officer sees the referral slips only, which print what the border recorded.
     */
    static final Set<Role> READERS = Set.of(Role.REGISTRATION_OFFICER, Role.ELIGIBILITY_OFFICER, Role.DECISION_MAKER, Role.APPEALS_OFFICER,
            Role.PROTECTION_MONITOR);
    private static final Map<DocumentType, AsylumDocuments.Kind> KINDS = Map.of(
            DocumentType.ASYLUM_SEEKER_CERTIFICATE, AsylumDocuments.Kind.ASYLUM_SEEKER_CERTIFICATE,
            DocumentType.REFUGEE_CERTIFICATE, AsylumDocuments.Kind.REFUGEE_CERTIFICATE,
            DocumentType.DECISION_LETTER, AsylumDocuments.Kind.DECISION_LETTER);
    private static final DateTimeFormatter PRINTED_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /**
     * What to issue: the type, the record it is printed from (the application of a certificate or decision letter, the
     * border referral of a slip), the language (kk, ru, en) and the layout (A4, or ID1 for a certificate).
     */
    record IssueRequest(String type, UUID applicationId, UUID referralId, String language, String layout) {}

    record IssuedView(UUID id, DocumentType type, String number, LocalDate validFrom, LocalDate validUntil, DocumentStatus status,
            String verificationCode, String verificationUrl, String language, Layout layout, Instant issuedAt, String issuedBy) {}

    /** A document the caller may issue to the person today, from one record. */
    record Issuable(DocumentType type, UUID sourceId, String number, LocalDate validUntil) {}

    /** What one document is printed from, before the holder's fields are added. */
    private record Source(String sourceType, UUID sourceId, String sourceVersion, String jurisdiction, UUID holderId, String number, LocalDate validFrom,
            LocalDate validUntil, List<UUID> includedChildren, String issuer, boolean withPhoto, List<PrintedDocument.Section> body) {}

    private final AsylumDocuments asylum;
    private final BorderReferrals referrals;
    private final Registry registry;
    private final PortraitPhotos photos;
    private final OrganisationDirectory organisations;
    private final DocumentTemplates templates;
    private final IssuedDocuments issued;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ZoneId zone;
    private final String publicUrl;

    DocumentIssuance(AsylumDocuments asylum, BorderReferrals referrals, Registry registry, PortraitPhotos photos,
            OrganisationDirectory organisations, DocumentTemplates templates, IssuedDocuments issued, MessageSource messages, AuditTrail audit,
            TimeOrderedIds ids, Clock clock, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone,
            @Value("${pana.credentials.public-url:http://localhost:8080}") String publicUrl) {
        this.asylum = asylum;
        this.referrals = referrals;
        this.registry = registry;
        this.photos = photos;
        this.organisations = organisations;
        this.templates = templates;
        this.issued = issued;
        this.messages = messages;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Transactional
    IssuedView issue(PanaUser caller, UUID personId, IssueRequest request) {
        if (!asylumIssuer(caller) && !borderIssuer(caller)) {
            audit.recordSeparately(AuditEntry.denied("DOCUMENT_ISSUED", "PERSON", personId));
            throw new AccessDeniedException("Documents are issued by the asylum authority's registration officers and decision makers, "
                    + "and referral slips by border officers.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        DocumentType type = Arrays.stream(DocumentType.values()).filter(t -> t.name().equals(request.type())).findFirst().orElse(null);
        if (type == null) {
            problems.add(new FieldProblem("type", "Use ASYLUM_SEEKER_CERTIFICATE, REFUGEE_CERTIFICATE, DECISION_LETTER or BORDER_REFERRAL_SLIP."));
        } else if (type == DocumentType.BORDER_REFERRAL_SLIP && request.referralId() == null) {
            problems.add(new FieldProblem("referralId", "Name the border referral the slip is issued from."));
        } else if (type != DocumentType.BORDER_REFERRAL_SLIP && request.applicationId() == null) {
            problems.add(new FieldProblem("applicationId", "Name the application the document is issued from."));
        }
        String language = request.language() == null ? null : request.language().toLowerCase(Locale.ROOT);
        if (language == null || !LANGUAGES.contains(language)) problems.add(new FieldProblem("language", "Use kk, ru or en."));
        Layout layout = request.layout() == null ? Layout.A4
                : Arrays.stream(Layout.values()).filter(l -> l.name().equals(request.layout())).findFirst().orElse(null);
        if (layout == null) {
            problems.add(new FieldProblem("layout", "Use A4 or ID1."));
        } else if (type != null && !type.layouts.contains(layout)) {
            problems.add(new FieldProblem("layout", "A " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " is printed on A4 only."));
        }
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The document request has invalid fields.", problems);
        if (type == DocumentType.BORDER_REFERRAL_SLIP ? !borderIssuer(caller) : !asylumIssuer(caller)) {
            audit.recordSeparately(AuditEntry.denied("DOCUMENT_ISSUED", "PERSON", personId));
            throw new AccessDeniedException(type == DocumentType.BORDER_REFERRAL_SLIP ? "Referral slips are issued by border officers."
                    : "This document is issued by the asylum authority's registration officers and decision makers.");
        }

        PersonView person = registry.find(caller, personId);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Source source = type == DocumentType.BORDER_REFERRAL_SLIP ? slip(caller, personId, request.referralId(), language)
                : fromApplication(caller, personId, type, request.applicationId(), language, today);
        List<String> children = source.includedChildren().isEmpty() ? List.of()
                : registry.summaries(caller, source.includedChildren()).stream().map(DocumentIssuance::childLine).toList();
        PrintedDocument draft = new PrintedDocument(ids.next(), type, source.jurisdiction(), language, layout, source.number(), source.validFrom(),
                source.validUntil(), names(person.names()), birthDate(person.birthDate(), person.birthDatePrecision()),
                person.sex() == null ? null : person.sex().name(), person.nationalities().isEmpty() ? null : person.nationalities().get(0),
                source.withPhoto() ? photos.jpegOf(caller, personId).orElse(null) : null, children, source.issuer(), today, null, source.body());
        PrintedDocument printed = draft.withVerificationUrl(publicUrl + "/verify/" + issued.codeFor(draft));
        byte[] pdf = templates.pdf(printed);
        IssuedDocument document = issued.record(printed, personId, source.sourceType(), source.sourceId(), source.sourceVersion(), pdf,
                caller.username());
        audit.record(AuditEntry.success("DOCUMENT_ISSUED", "PERSON", personId).withDetails(type.name() + " " + source.number()));
        return view(document, today);
    }

    /** The documents the caller may issue to the person today: the asylum procedure's, or a border officer's slips. */
    List<Issuable> issuable(PanaUser caller, UUID personId) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<Issuable> documents = new ArrayList<>();
        if (asylumIssuer(caller)) {
            asylum.standing(personId, today).stream().filter(c -> c.jurisdiction().equals(caller.jurisdiction()))
                    .map(c -> new Issuable(typeOf(c.kind()), c.applicationId(), c.number(), c.validUntil())).forEach(documents::add);
        }
        if (borderIssuer(caller)) {
            referrals.slipsOf(personId).stream().filter(s -> !s.takenOver() && s.jurisdiction().equals(caller.jurisdiction()))
                    .map(s -> new Issuable(DocumentType.BORDER_REFERRAL_SLIP, s.referralId(), slipNumber(s), null)).forEach(documents::add);
        }
        return documents;
    }

    private Source fromApplication(PanaUser caller, UUID personId, DocumentType type, UUID applicationId, String language, LocalDate today) {
        AsylumDocuments.Kind kind = KINDS.get(type);
        AsylumDocuments.Certificate certificate = asylum.standing(applicationId, kind, today)
                .filter(c -> c.jurisdiction().equals(caller.jurisdiction()))
                .orElseThrow(() -> new StateConflict("nothing-to-issue", "No " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " can be issued from this application today: "
                        + asylum.endedBecause(applicationId, kind, today).orElse("it is not of your jurisdiction.")));
        if (!certificate.holderId().equals(personId)) {
            throw RuleViolation.onField("applicationId", "The application is another person's: a child's certificate is the parent's.");
        }
        String issuer = organisations.find(certificate.organisationId()).map(OrganisationDirectory.Unit::name).orElse(certificate.jurisdiction());
        List<PrintedDocument.Section> body = List.of();
        if (type == DocumentType.DECISION_LETTER) {
            body = asylum.decisionLetter(caller, applicationId, language).paragraphs().stream()
                    .map(p -> new PrintedDocument.Section(p.heading(), p.text(), p.asWritten())).toList();
        }
        return new Source(kind.name(), certificate.applicationId(), certificate.attests(), certificate.jurisdiction(), personId, certificate.number(),
                certificate.validFrom(), certificate.validUntil(), certificate.includedChildren(), issuer, type != DocumentType.DECISION_LETTER, body);
    }

    /** A border referral slip: where and when the person asked for asylum, where they are referred, by when. */
    private Source slip(PanaUser caller, UUID personId, UUID referralId, String language) {
        BorderReferrals.Slip slip = referrals.slip(referralId).filter(s -> s.jurisdiction().equals(caller.jurisdiction()))
                .orElseThrow(() -> {
                    audit.recordSeparately(AuditEntry.denied("DOCUMENT_ISSUED", "REFERRAL", referralId));
                    return new NotFound("referral");
                });
        if (!slip.personId().equals(personId)) throw RuleViolation.onField("referralId", "The referral is another person's.");
        if (slip.takenOver()) {
            throw new StateConflict("nothing-to-issue", "An asylum application was opened from this referral: the asylum authority issues "
                    + "the asylum-seeker certificate, which replaces the slip.");
        }
        Locale locale = Locale.forLanguageTag(language);
        LocalDate encounteredOn = slip.encounteredAt().atZone(zone).toLocalDate();
        String unit = slip.receivingUnit() == null ? null : organisations.find(slip.receivingUnit()).map(OrganisationDirectory.Unit::name).orElse(null);
        List<PrintedDocument.Section> body = List.of(
                new PrintedDocument.Section(text("slip.heading", locale), text("slip.asked", locale, slip.borderPoint(),
                        DocumentTemplates.PRINTED_DATE.format(encounteredOn)), false),
                new PrintedDocument.Section(null, unit == null ? text("slip.unrouted", locale) : text("slip.referred", locale, unit), false),
                new PrintedDocument.Section(null, text("slip.due", locale, PRINTED_TIME.format(slip.dueAt().atZone(zone))), false),
                new PrintedDocument.Section(null, text("slip.protection", locale), false),
                new PrintedDocument.Section(null, text("slip.until", locale), false));
        String issuer = organisations.find(caller.organisationId()).map(OrganisationDirectory.Unit::name).orElse(slip.jurisdiction());
        return new Source(BorderStanding.SOURCE_TYPE, referralId, null, slip.jurisdiction(), personId, slipNumber(slip), encounteredOn, null, List.of(),
                issuer, true, body);
    }

    /** The slip's number: jurisdiction, "BR", the day of the encounter and the random end of the referral's id. */
    private String slipNumber(BorderReferrals.Slip slip) {
        String id = slip.referralId().toString().replace("-", "").toUpperCase(Locale.ROOT);
        return slip.jurisdiction() + "-BR-" + DateTimeFormatter.ofPattern("yyMMdd").format(slip.encounteredAt().atZone(zone))
                + "-" + id.substring(id.length() - 8);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage("credentials.print." + key, args, locale);
    }

    private static DocumentType typeOf(AsylumDocuments.Kind kind) {
        return KINDS.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    static boolean asylumIssuer(PanaUser caller) {
        return caller.organisationType() == OrganisationType.ASYLUM_AUTHORITY && caller.roles().stream().anyMatch(ASYLUM_ISSUERS::contains);
    }

    static boolean borderIssuer(PanaUser caller) {
        return caller.organisationType() == OrganisationType.BORDER_SERVICE && caller.roles().contains(Role.BORDER_OFFICER);
    }

    /** The documents issued to the person, newest first, each with its status today; the listing audited. */
    @Transactional
    List<IssuedView> of(PanaUser caller, UUID personId) {
        requireReader(caller, personId, "ISSUED_DOCUMENTS_LISTED");
        registry.requireVisible(caller, personId, "ISSUED_DOCUMENTS_LISTED");
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        audit.record(AuditEntry.success("ISSUED_DOCUMENTS_LISTED", "PERSON", personId));
        return issued.of(personId).stream().filter(d -> readable(caller, d.type())).map(d -> view(d, today)).toList();
    }

    /** The PDF as issued, for a caller who may see its holder (a reading audited; "not found" otherwise). */
    @Transactional
    byte[] pdf(PanaUser caller, UUID documentId) {
        requireReader(caller, documentId, "ISSUED_DOCUMENT_READ");
        IssuedDocument document = issued.find(documentId).filter(d -> readable(caller, d.type()) && registry.isVisible(caller, d.personId()))
                .orElseThrow(() -> {
            audit.recordSeparately(AuditEntry.denied("ISSUED_DOCUMENT_READ", "ISSUED_DOCUMENT", documentId));
            return new NotFound("document");
        });
        audit.record(AuditEntry.success("ISSUED_DOCUMENT_READ", "PERSON", document.personId()).withDetails(document.number()));
        return issued.pdf(documentId).orElseThrow(() -> new NotFound("document"));
    }

    private void requireReader(PanaUser caller, UUID subject, String action) {
        if (caller.roles().stream().noneMatch(READERS::contains) && !borderIssuer(caller)) {
            audit.recordSeparately(AuditEntry.denied(action, "PERSON", subject));
            throw new AccessDeniedException("Issued documents are for the asylum procedure's officers and the protection monitors.");
        }
    }

    /** Whether the caller may see documents of this type: readers all, a border officer the referral slips. */
    static boolean readable(PanaUser caller, DocumentType type) {
        return caller.roles().stream().anyMatch(READERS::contains) || type == DocumentType.BORDER_REFERRAL_SLIP && borderIssuer(caller);
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
