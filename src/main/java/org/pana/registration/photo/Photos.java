package org.pana.registration.photo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.registration.PersonAccess;
import org.pana.registration.Registry;
import org.pana.platform.NotFound;
import org.pana.platform.TimeOrderedIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * People's photos (issue 3 item 1, security.md #25): visible to whoever may see the person, stored and
 * removed by registration officers. An upload is checked and re-encoded by {@link PhotoIntake} before
 * anything is written; a hidden person answers 404 before the upload is even looked at. Every read and
 * write is audited, and {@code registration_photo_change} keeps who stored or removed a photo, when.
 */
@Service
public class Photos {

    /** The photo as served: a JPEG, its dimensions and a digest of its bytes. */
    public record Photo(UUID personId, byte[] jpeg, int width, int height, String sha256, Instant storedAt, long version) {}

    private final PhotoStore store;
    private final Registry registry;
    private final PersonAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final PhotoIntake intake;
    private final TimeOrderedIds ids;

    Photos(PhotoStore store, Registry registry, PersonAccess access, AuditTrail audit, Clock clock, TimeOrderedIds ids,
            @Value("${pana.registration.photo.max-size:5MB}") DataSize maxSize,
            @Value("${pana.registration.photo.max-source-side:12000}") int maxSourceSide,
            @Value("${pana.registration.photo.max-source-pixels:50000000}") long maxSourcePixels,
            @Value("${pana.registration.photo.stored-side:1024}") int storedSide) {
        this.store = store;
        this.registry = registry;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.intake = new PhotoIntake(maxSize.toBytes(), maxSourceSide, maxSourcePixels, storedSide);
    }

    public long maxBytes() {
        return intake.maxBytes();
    }

    @Transactional
    public Photo store(PanaUser caller, UUID personId, PhotoIntake.Upload upload) {
        access.requireWriter(caller);
        registry.requireVisible(caller, personId, "PERSON_PHOTO_STORE");
        PhotoIntake.Prepared prepared = intake.take(upload);
        String sha256 = sha256(prepared.jpeg());
        Instant now = clock.instant();
        boolean replacing = store.exists(personId);
        long version = store.save(personId, prepared, sha256, now, caller);
        store.recordChange(ids.next(), personId, now, replacing ? "PHOTO_REPLACED" : "PHOTO_ADDED",
                prepared.width() + "x" + prepared.height() + " sha256:" + sha256.substring(0, 12), caller);
        audit.record(AuditEntry.success("PERSON_PHOTO_STORED", "PERSON", personId)
                .withDetails(prepared.width() + "x" + prepared.height() + ", " + prepared.jpeg().length + " bytes"));
        return new Photo(personId, prepared.jpeg(), prepared.width(), prepared.height(), sha256, now, version);
    }

    @Transactional
    public Photo photo(PanaUser caller, UUID personId) {
        access.requireReader(caller);
        registry.requireVisible(caller, personId, "PERSON_PHOTO_READ");
        PhotoStore.StoredPhoto stored = store.find(personId).orElseThrow(() -> new NotFound("Photo"));
        audit.record(AuditEntry.success("PERSON_PHOTO_READ", "PERSON", personId));
        return new Photo(personId, stored.jpeg(), stored.width(), stored.height(), stored.sha256(), stored.storedAt(), stored.version());
    }

    /** Whether the person has a photo, for pages that decide whether to show one (not audited: no personal data). */
    @Transactional(readOnly = true)
    public boolean hasPhoto(PanaUser caller, UUID personId) {
        return registry.isVisible(caller, personId) && store.exists(personId);
    }

    @Transactional
    public void remove(PanaUser caller, UUID personId) {
        access.requireWriter(caller);
        registry.requireVisible(caller, personId, "PERSON_PHOTO_REMOVE");
        if (!store.delete(personId)) throw new NotFound("Photo");
        store.recordChange(ids.next(), personId, clock.instant(), "PHOTO_REMOVED", null, caller);
        audit.record(AuditEntry.success("PERSON_PHOTO_REMOVED", "PERSON", personId));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
