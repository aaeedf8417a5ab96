package org.pana.registration.photo;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.Versions;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A person's photo in the JSON API.
 *
 * <p>{@code PUT /api/v1/persons/{id}/photo} takes the image as the raw request body with
 * {@code Content-Type: image/jpeg} or {@code image/png} (a file name may come in
 * {@code Content-Disposition: inline; filename="photo.jpg"}); {@code multipart/form-data} with a part
 * named {@code photo} is accepted too. Other content types answer 415. Whatever the client says, the
 * bytes decide (see {@link PhotoIntake}). {@code GET} answers the stored JPEG, never cached;
 * {@code DELETE} removes it (204).
 */
@RestController
class PhotoApi {

    private final Photos photos;

    PhotoApi(Photos photos) {
        this.photos = photos;
    }

    record StoredView(UUID personId, int width, int height, String sha256, String url) {}

    @PutMapping(path = "/api/v1/persons/{id}/photo", consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE, "image/jpg"})
    ResponseEntity<StoredView> store(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestBody byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_DISPOSITION, required = false) String disposition) {
        String fileName = null;
        if (disposition != null) {
            try {
                fileName = ContentDisposition.parse(disposition).getFilename();
            } catch (IllegalArgumentException unparsable) {
                throw new PhotoRefused(PhotoRefused.Reason.BAD_FILE_NAME, "The Content-Disposition header cannot be read.");
            }
        }
        return stored(photos.store(caller, id, new PhotoIntake.Upload(body, contentType, fileName)));
    }

    @PutMapping(path = "/api/v1/persons/{id}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StoredView> storeForm(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id,
            @RequestPart("photo") MultipartFile file) throws IOException {
        return stored(photos.store(caller, id, new PhotoIntake.Upload(file.getBytes(), file.getContentType(), file.getOriginalFilename())));
    }

    @GetMapping(path = "/api/v1/persons/{id}/photo")
    ResponseEntity<byte[]> photo(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        return image(photos.photo(caller, id));
    }

    @DeleteMapping("/api/v1/persons/{id}/photo")
    ResponseEntity<Map<String, Object>> remove(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        photos.remove(caller, id);
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    /** The stored JPEG, never cached by a browser or a proxy, never sniffed as anything else. */
    static ResponseEntity<byte[]> image(Photos.Photo photo) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore())
                .eTag(Versions.etag(photo.version()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("photo.jpg").build().toString())
                .body(photo.jpeg());
    }

    private static ResponseEntity<StoredView> stored(Photos.Photo photo) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).eTag(Versions.etag(photo.version()))
                .body(new StoredView(photo.personId(), photo.width(), photo.height(), photo.sha256(),
                        "/api/v1/persons/" + photo.personId() + "/photo"));
    }
}
