package org.pana.registration.photo;

import java.io.IOException;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The photo for pages: {@code <img src="/persons/{id}/photo">} on the person page, served to signed-in
 * users with the same checks as the API, and the upload and removal forms of the person page.
 */
@Controller
class PhotoController {

    private final Photos photos;

    PhotoController(Photos photos) {
        this.photos = photos;
    }

    @GetMapping("/persons/{id}/photo")
    ResponseEntity<byte[]> photo(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        return PhotoApi.image(photos.photo(caller, id));
    }

    @PostMapping("/persons/{id}/photo")
    String store(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam("photo") MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        try {
            photos.store(caller, id, new PhotoIntake.Upload(file.getBytes(), file.getContentType(), file.getOriginalFilename()));
            redirect.addFlashAttribute("photoStored", true);
        } catch (PhotoRefused refused) {
            redirect.addFlashAttribute("photoRefused", refused.reason().problemType());
        }
        return "redirect:/persons/" + id;
    }

    @PostMapping("/persons/{id}/photo/remove")
    String remove(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, RedirectAttributes redirect) {
        photos.remove(caller, id);
        redirect.addFlashAttribute("photoRemoved", true);
        return "redirect:/persons/" + id;
    }
}
