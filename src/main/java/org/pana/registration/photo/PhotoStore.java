package org.pana.registration.photo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pana.platform.CallerIdentity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current photo of each person, as re-encoded JPEG bytes with who stored it and when. */
@Repository
class PhotoStore {

    record StoredPhoto(UUID personId, byte[] jpeg, int width, int height, String sha256, Instant storedAt, String storedBy, long version) {}

    private final JdbcClient jdbc;

    PhotoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores or replaces the person's photo; answers the new version. */
    long save(UUID personId, PhotoIntake.Prepared photo, String sha256, Instant at, CallerIdentity by) {
        int updated = jdbc.sql("""
                UPDATE registration_photo SET content = :content, width = :width, height = :height, byte_size = :size,
                  sha256 = :sha, stored_at = :at, stored_by = :by, stored_by_username = :username, organisation_id = :org,
                  version = version + 1
                WHERE person_id = :person""")
                .param("content", photo.jpeg()).param("width", photo.width()).param("height", photo.height())
                .param("size", photo.jpeg().length).param("sha", sha256).param("at", utc(at)).param("by", by.userId())
                .param("username", by.username()).param("org", by.organisationId()).param("person", personId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO registration_photo (person_id, content, width, height, byte_size, sha256, stored_at, stored_by,
                      stored_by_username, organisation_id, version)
                    VALUES (:person, :content, :width, :height, :size, :sha, :at, :by, :username, :org, 1)""")
                    .param("content", photo.jpeg()).param("width", photo.width()).param("height", photo.height())
                    .param("size", photo.jpeg().length).param("sha", sha256).param("at", utc(at)).param("by", by.userId())
                    .param("username", by.username()).param("org", by.organisationId()).param("person", personId).update();
        }
        return jdbc.sql("SELECT version FROM registration_photo WHERE person_id = :person").param("person", personId)
                .query(Long.class).single();
    }

    Optional<StoredPhoto> find(UUID personId) {
        return jdbc.sql("""
                SELECT person_id, content, width, height, sha256, stored_at, stored_by_username, version
                FROM registration_photo WHERE person_id = :person""")
                .param("person", personId)
                .query((rs, n) -> new StoredPhoto(rs.getObject("person_id", UUID.class), rs.getBytes("content"), rs.getInt("width"),
                        rs.getInt("height"), rs.getString("sha256"), rs.getObject("stored_at", OffsetDateTime.class).toInstant(),
                        rs.getString("stored_by_username"), rs.getLong("version")))
                .optional();
    }

    boolean exists(UUID personId) {
        return jdbc.sql("SELECT COUNT(*) FROM registration_photo WHERE person_id = :person").param("person", personId)
                .query(Long.class).single() > 0;
    }

    /** The photo part of the person's history: who added, replaced or removed a photo, and when (never the image). */
    void recordChange(UUID id, UUID personId, Instant at, String kind, String detail, CallerIdentity actor) {
        jdbc.sql("""
                INSERT INTO registration_photo_change (id, person_id, changed_at, kind, detail, actor_id, actor_username,
                  organisation_id, organisation_name)
                VALUES (:id, :person, :at, :kind, :detail, :actorId, :actor, :orgId, :org)""")
                .param("id", id).param("person", personId).param("at", utc(at)).param("kind", kind).param("detail", detail)
                .param("actorId", actor.userId()).param("actor", actor.username()).param("orgId", actor.organisationId())
                .param("org", actor.organisationName()).update();
    }

    record PhotoChange(Instant at, String kind, String detail, String actorUsername, String organisationName) {}

    List<PhotoChange> changes(UUID personId) {
        return jdbc.sql("""
                SELECT changed_at, kind, detail, actor_username, organisation_name FROM registration_photo_change
                WHERE person_id = :person ORDER BY changed_at, id""")
                .param("person", personId)
                .query((rs, n) -> new PhotoChange(rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("kind"),
                        rs.getString("detail"), rs.getString("actor_username"), rs.getString("organisation_name")))
                .list();
    }

    boolean delete(UUID personId) {
        return jdbc.sql("DELETE FROM registration_photo WHERE person_id = :person").param("person", personId).update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
