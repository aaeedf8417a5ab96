package org.pana.registration.household;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pana.platform.CallerIdentity;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Households, their memberships and history, in plain SQL (memberships are appended and closed, never rewritten). */
@Repository
class HouseholdRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;

    HouseholdRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The next serial for a jurisdiction and year. The counter row stays locked until the caller's
     * transaction ends, so two creates never get the same number; the row is created, if missing, in a
     * transaction of its own (a failed insert would abort the caller's transaction on PostgreSQL).
     */
    long nextSerial(String jurisdiction, int year) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql("UPDATE registration_household_counter SET last_value = last_value + 1"
                            + " WHERE jurisdiction = :j AND counter_year = :y")
                    .param("j", jurisdiction).param("y", year).update();
            if (updated == 1) {
                return jdbc.sql("SELECT last_value FROM registration_household_counter WHERE jurisdiction = :j AND counter_year = :y")
                        .param("j", jurisdiction).param("y", year).query(Long.class).single();
            }
            separate.executeWithoutResult(s -> {
                try {
                    jdbc.sql("INSERT INTO registration_household_counter (jurisdiction, counter_year, last_value) VALUES (:j, :y, 0)")
                            .param("j", jurisdiction).param("y", year).update();
                } catch (DuplicateKeyException concurrentlyCreated) {
                    s.setRollbackOnly();
                }
            });
        }
        throw new IllegalStateException("Household number counter could not be created");
    }

    void insert(UUID id, HouseholdNumber number, String jurisdiction, UUID focalPointId, Instant at, UUID createdBy) {
        jdbc.sql("""
                INSERT INTO registration_household (id, household_number, jurisdiction, focal_person_id, created_at, created_by, version)
                VALUES (:id, :number, :jurisdiction, :focal, :at, :by, 1)""")
                .param("id", id).param("number", number.value()).param("jurisdiction", jurisdiction)
                .param("focal", focalPointId).param("at", utc(at)).param("by", createdBy).update();
    }

    void insertMembership(UUID householdId, Membership m, Instant at, UUID recordedBy) {
        jdbc.sql("""
                INSERT INTO registration_household_member (id, household_id, person_id, relationship, joined_on,
                  active_person_id, recorded_at, recorded_by)
                VALUES (:id, :household, :person, :relationship, :joinedOn, :person, :at, :by)""")
                .param("id", m.id()).param("household", householdId).param("person", m.personId())
                .param("relationship", m.relationship().name()).param("joinedOn", m.joinedOn())
                .param("at", utc(at)).param("by", recordedBy).update();
    }

    void closeMembership(UUID membershipId, LocalDate leftOn, String reason, Instant at, UUID recordedBy) {
        jdbc.sql("""
                UPDATE registration_household_member SET left_on = :leftOn, leave_reason = :reason, active_person_id = NULL,
                  left_recorded_at = :at, left_recorded_by = :by
                WHERE id = :id AND left_on IS NULL""")
                .param("leftOn", leftOn).param("reason", reason).param("at", utc(at)).param("by", recordedBy)
                .param("id", membershipId).update();
    }

    void changeRelationship(UUID membershipId, Relationship relationship) {
        jdbc.sql("UPDATE registration_household_member SET relationship = :r WHERE id = :id AND left_on IS NULL")
                .param("r", relationship.name()).param("id", membershipId).update();
    }

    /**
     * Moves the household to its next version, locking its row for the rest of the transaction so
     * changes to one household queue up. With an expected version, nothing changes unless it matches.
     */
    boolean advanceVersion(UUID id, Long expectedVersion) {
        String sql = "UPDATE registration_household SET version = version + 1 WHERE id = :id"
                + (expectedVersion == null ? "" : " AND version = :expected");
        var statement = jdbc.sql(sql).param("id", id);
        if (expectedVersion != null) statement = statement.param("expected", expectedVersion);
        return statement.update() == 1;
    }

    void changeFocalPoint(UUID id, UUID focalPointId) {
        jdbc.sql("UPDATE registration_household SET focal_person_id = :focal WHERE id = :id")
                .param("focal", focalPointId).param("id", id).update();
    }

    void recordChange(UUID id, UUID householdId, Instant at, HouseholdChangeKind kind, UUID personId, String detail,
            String reason, CallerIdentity actor) {
        jdbc.sql("""
                INSERT INTO registration_household_change (id, household_id, changed_at, kind, person_id, detail, reason,
                  actor_id, actor_username, organisation_id, organisation_name)
                VALUES (:id, :household, :at, :kind, :person, :detail, :reason, :actorId, :actor, :orgId, :org)""")
                .param("id", id).param("household", householdId).param("at", utc(at)).param("kind", kind.name())
                .param("person", personId).param("detail", detail).param("reason", reason)
                .param("actorId", actor == null ? null : actor.userId()).param("actor", actor == null ? null : actor.username())
                .param("orgId", actor == null ? null : actor.organisationId())
                .param("org", actor == null ? null : actor.organisationName()).update();
    }

    Optional<Household> find(UUID id) {
        return jdbc.sql("SELECT id, household_number, jurisdiction, focal_person_id, created_at, version FROM registration_household WHERE id = :id")
                .param("id", id).query((rs, n) -> household(rs, List.of())).optional()
                .map(h -> new Household(h.id(), h.number(), h.jurisdiction(), h.focalPointId(), h.createdAt(), h.version(),
                        memberships(id)));
    }

    List<Membership> memberships(UUID householdId) {
        return jdbc.sql("""
                SELECT id, person_id, relationship, joined_on, left_on, leave_reason FROM registration_household_member
                WHERE household_id = :id ORDER BY joined_on, recorded_at, id""")
                .param("id", householdId).query(HouseholdRepository::membership).list();
    }

    List<HouseholdChange> changes(UUID householdId) {
        return jdbc.sql("""
                SELECT changed_at, kind, person_id, detail, reason, actor_username, organisation_name
                FROM registration_household_change WHERE household_id = :id ORDER BY changed_at, id""")
                .param("id", householdId)
                .query((rs, n) -> new HouseholdChange(rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                        HouseholdChangeKind.valueOf(rs.getString("kind")), rs.getObject("person_id", UUID.class),
                        rs.getString("detail"), rs.getString("reason"), rs.getString("actor_username"),
                        rs.getString("organisation_name")))
                .list();
    }

    /** The household in which the person is an active member, if any. */
    Optional<UUID> activeHouseholdOf(UUID personId) {
        return jdbc.sql("SELECT household_id FROM registration_household_member WHERE active_person_id = :p")
                .param("p", personId).query(UUID.class).optional();
    }

    /** The latest day the person left any household, to refuse a joining date inside an earlier membership. */
    Optional<LocalDate> lastLeftOn(UUID personId) {
        return jdbc.sql("SELECT left_on FROM registration_household_member WHERE person_id = :p AND left_on IS NOT NULL"
                        + " ORDER BY left_on DESC LIMIT 1")
                .param("p", personId).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
    }

    /** Households the person belongs or belonged to, most recent membership first. */
    List<UUID> householdIdsOf(UUID personId) {
        return jdbc.sql("""
                SELECT household_id, MAX(joined_on) AS latest FROM registration_household_member WHERE person_id = :p
                GROUP BY household_id ORDER BY latest DESC, household_id""")
                .param("p", personId).query((rs, n) -> rs.getObject("household_id", UUID.class)).list();
    }

    private static Household household(ResultSet rs, List<Membership> members) throws SQLException {
        return new Household(rs.getObject("id", UUID.class), rs.getString("household_number"), rs.getString("jurisdiction"),
                rs.getObject("focal_person_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"), members);
    }

    private static Membership membership(ResultSet rs, int row) throws SQLException {
        return new Membership(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                Relationship.valueOf(rs.getString("relationship")), rs.getObject("joined_on", LocalDate.class),
                rs.getObject("left_on", LocalDate.class), rs.getString("leave_reason"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
