package org.pana.credentials;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The issued documents of api.md ("Issued documents"): a person's registry, issuing (and reprinting), the PDF. */
@RestController
class IssuedDocumentApi {

    private final DocumentIssuance issuance;

    IssuedDocumentApi(DocumentIssuance issuance) {
        this.issuance = issuance;
    }

    @GetMapping("/api/v1/persons/{id}/issued-documents")
    List<DocumentIssuance.IssuedView> list(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        return issuance.of(caller, id);
    }

    @PostMapping("/api/v1/persons/{id}/issued-documents")
    @PreAuthorize("hasAnyRole('REGISTRATION_OFFICER', 'DECISION_MAKER', 'BORDER_OFFICER')")
    ResponseEntity<DocumentIssuance.IssuedView> issue(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id,
            @RequestBody DocumentIssuance.IssueRequest request) {
        DocumentIssuance.IssuedView issued = issuance.issue(caller, id, request);
        return ResponseEntity.created(URI.create("/api/v1/issued-documents/" + issued.id() + ".pdf")).body(issued);
    }

    @GetMapping("/api/v1/issued-documents/{id}.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"document-" + id + ".pdf\"")
                .body(issuance.pdf(caller, id));
    }
}
