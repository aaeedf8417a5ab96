package org.pana.registration.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports of lists of people, for registration officers of the import's jurisdiction (another
 * jurisdiction's import answers 404). Upload a file (multipart {@code file}), set the mapping, dry-run,
 * run, and follow the progress.
 */
@RestController
@RequestMapping("/api/v1/imports")
@PreAuthorize("hasRole('REGISTRATION_OFFICER')")
class ImportApi {

    private final Importer importer;

    ImportApi(Importer importer) {
        this.importer = importer;
    }

    /** An import with a page of its invalid rows (of the dry run, or of the run once started). */
    record ImportReport(ImportView importFile, Importer.ProblemPage errors) {}

    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<ImportView> upload(@AuthenticationPrincipal PanaUser officer, @RequestPart("file") MultipartFile file) throws IOException {
        Importer.Upload upload;
        try (InputStream content = file.getInputStream()) {
            upload = importer.upload(officer, content, file.getOriginalFilename());
        }
        URI location = URI.create("/api/v1/imports/" + upload.view().id());
        return upload.created() ? ResponseEntity.created(location).body(upload.view())
                : ResponseEntity.ok().location(location).header("Import-Reused", "true").body(upload.view());
    }

    @GetMapping
    Map<String, List<ImportView>> imports(@AuthenticationPrincipal PanaUser officer) {
        return Map.of("items", importer.imports(officer));
    }

    @GetMapping("/{id}")
    ImportReport get(@AuthenticationPrincipal PanaUser officer, @PathVariable UUID id,
            @RequestParam(required = false) String phase, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        ImportView view = importer.view(officer, id);
        return new ImportReport(view, importer.problems(officer, id, phase, page, size));
    }

    @PutMapping("/{id}/mapping")
    ImportView map(@AuthenticationPrincipal PanaUser officer, @PathVariable UUID id, @RequestBody ImportMapping mapping) {
        return importer.map(officer, id, mapping);
    }

    @PostMapping("/{id}/dry-run")
    ImportReport dryRun(@AuthenticationPrincipal PanaUser officer, @PathVariable UUID id,
            @RequestParam(defaultValue = "100") int size) {
        ImportView view = importer.check(officer, id);
        return new ImportReport(view, importer.problems(officer, id, "CHECK", 0, size));
    }

    @PostMapping("/{id}/run")
    ResponseEntity<ImportView> run(@AuthenticationPrincipal PanaUser officer, @PathVariable UUID id) {
        ImportView view = importer.run(officer, id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/imports/" + id)).body(view);
    }
}
