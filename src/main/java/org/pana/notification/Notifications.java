package org.pana.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notices and gives each user the notices addressed to them. {@link #notify} joins the transaction of
 * the fact it announces and refuses to run without one: a notice is written with its fact or not at all, so no
 * one is told of a referral that was rolled back, and no breach is recorded without its alert.
 */
@Service
public class Notifications {

    public static final int MAX_PAGE_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    /** A notice as its reader sees it: whether they have read it, never who else has. */
    record InboxNotice(UUID id, NoticeKind kind, String subjectType, UUID subjectId, String link, Instant createdAt, boolean read) {}

    /** A page of notices, newest first; {@code total} counts only the caller's. */
    record Inbox(List<InboxNotice> items, int page, int size, long total) {}

    private final JdbcClient jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ZoneId zone;

    Notifications(JdbcClient jdbc, TimeOrderedIds ids, Clock clock, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Writes the notice in the caller's transaction and returns its id. A {@link Audience.Contact} is written to
     * the organisation the jurisdiction set for that purpose today; when there is none, nothing is written for
     * it (empty), and a warning is logged so the operator sets one; the caller tells the monitors as well.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> notify(Notice notice) {
        Audience audience = notice.audience();
        if (audience instanceof Audience.Contact contact) {
            Optional<UUID> organisation = contactOf(contact);
            if (organisation.isEmpty()) {
                log.warn("No {} contact is set for {} (notification_contact): notice {} about {} {} reaches no one there",
                        contact.purpose(), contact.jurisdiction(), notice.kind(), notice.subjectType(), notice.subjectId());
                return Optional.empty();
            }
            audience = Audience.organisation(organisation.get());
        }
        UUID id = ids.next();
        Map<String, Object> columns = new HashMap<>();
        columns.put("org", null);
        columns.put("role", null);
        columns.put("type", null);
        columns.put("j", null);
        if (audience instanceof Audience.Organisation organisation) {
            columns.put("org", organisation.organisationId());
        } else if (audience instanceof Audience.RoleIn role) {
            columns.put("role", role.role().name());
            columns.put("j", role.jurisdiction());
        } else if (audience instanceof Audience.OrganisationTypeIn type) {
            columns.put("type", type.type().name());
            columns.put("j", type.jurisdiction());
        }
        jdbc.sql("""
                INSERT INTO notification_notice (id, kind, subject_type, subject_id, link, audience_organisation_id, audience_role,
                                                 audience_organisation_type, audience_jurisdiction, created_at)
                VALUES (:id, :kind, :subjectType, :subjectId, :link, :org, :role, :type, :j, :now)""")
                .params(columns).param("id", id).param("kind", notice.kind().name()).param("subjectType", notice.subjectType())
                .param("subjectId", notice.subjectId()).param("link", notice.link())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        return Optional.of(id);
    }

    private Optional<UUID> contactOf(Audience.Contact contact) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        return jdbc.sql("""
                SELECT organisation_id FROM notification_contact
                WHERE jurisdiction = :j AND purpose = :p AND valid_from <= :today AND (valid_until IS NULL OR valid_until >= :today)
                ORDER BY valid_from DESC LIMIT 1""")
                .param("j", contact.jurisdiction()).param("p", contact.purpose().name()).param("today", today)
                .query(UUID.class).optional();
    }

    /** How many notices addressed to the user they have not read yet. */
    @Transactional(readOnly = true)
    public long unreadCount(PanaUser user) {
        return jdbc.sql("SELECT count(*) FROM notification_notice n WHERE " + ADDRESSED
                + " AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notice_id = n.id AND r.user_id = :user)")
                .params(audienceOf(user)).query(Long.class).single();
    }

    /** The notices addressed to the user, newest first. */
    @Transactional(readOnly = true)
    Inbox inbox(PanaUser user, int page, int size) {
        if (page < 0) throw RuleViolation.onField("page", "The page is 0 or more.");
        if (size < 1 || size > MAX_PAGE_SIZE) throw RuleViolation.onField("size", "The size is 1 to " + MAX_PAGE_SIZE + ".");
        Map<String, Object> params = audienceOf(user);
        long total = jdbc.sql("SELECT count(*) FROM notification_notice n WHERE " + ADDRESSED).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<InboxNotice> items = jdbc.sql("""
                SELECT n.id, n.kind, n.subject_type, n.subject_id, n.link, n.created_at,
                       (SELECT count(*) FROM notification_read r WHERE r.notice_id = n.id AND r.user_id = :user) AS read_marks
                FROM notification_notice n WHERE """ + ADDRESSED + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new InboxNotice(rs.getObject("id", UUID.class), NoticeKind.valueOf(rs.getString("kind")),
                        rs.getString("subject_type"), rs.getObject("subject_id", UUID.class), rs.getString("link"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("read_marks") > 0))
                .list();
        return new Inbox(items, page, size, total);
    }

    /** Marks a notice read for this user; "not found" for a notice not addressed to them. Marking twice is harmless. */
    @Transactional
    void markRead(PanaUser user, UUID noticeId) {
        Map<String, Object> params = audienceOf(user);
        params.put("id", noticeId);
        boolean addressed = jdbc.sql("SELECT count(*) FROM notification_notice n WHERE n.id = :id AND " + ADDRESSED).params(params)
                .query(Long.class).single() > 0;
        if (!addressed) throw new NotFound("notice");
        jdbc.sql("INSERT INTO notification_read (notice_id, user_id, read_at) VALUES (:id, :user, :now) ON CONFLICT DO NOTHING")
                .param("id", noticeId).param("user", user.userId()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    /** A notice is the user's if it names their organisation, or one of their roles or their organisation's type in their jurisdiction. */
    private static final String ADDRESSED = """
            (n.audience_organisation_id = :org
             OR (n.audience_jurisdiction = :j AND (n.audience_role IN (:roles) OR n.audience_organisation_type = :type)))""";

    private static Map<String, Object> audienceOf(PanaUser user) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", user.userId());
        params.put("org", user.organisationId());
        params.put("j", user.jurisdiction());
        List<String> roles = user.roles().stream().map(Role::name).toList();
        params.put("roles", roles.isEmpty() ? List.of("-") : roles);
        params.put("type", user.organisationType() == null ? "-" : user.organisationType().name());
        return params;
    }
}
