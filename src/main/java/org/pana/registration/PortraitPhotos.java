package org.pana.registration;

import java.util.Optional;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.registration.photo.Photos;
import org.springframework.stereotype.Service;

/**
 * A person's registered photo for other modules, e.g. to print on a certificate (issue 6): empty when there is none;
 * "not found" when the caller may not see the person; each reading audited as registration's photo readings are.
 */
@Service
public class PortraitPhotos {

    private final Photos photos;

    PortraitPhotos(Photos photos) {
        this.photos = photos;
    }

    /** The photo as stored (JPEG), if the person has one. */
    public Optional<byte[]> jpegOf(PanaUser caller, UUID personId) {
        if (!photos.hasPhoto(caller, personId)) return Optional.empty();
        return Optional.of(photos.photo(caller, personId).jpeg());
    }
}
