package org.pana.access;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pana.platform.IdempotentRequests;
import org.pana.platform.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Organisations and users, for administrators of the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdministrationApi {

    private final Administration administration;
    private final IdempotentRequests idempotency;

    AdministrationApi(Administration administration, IdempotentRequests idempotency) {
        this.administration = administration;
        this.idempotency = idempotency;
    }

    record OrganisationRequest(String name, OrganisationType type) {}

    record UserRequest(String username, String displayName, UUID organisationId, Set<Role> roles, String password) {}

    record RolesRequest(Set<Role> roles) {}

    record OrganisationView(UUID id, String name, OrganisationType type, String jurisdiction, boolean active) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.name(), o.type(), o.jurisdiction(), o.active());
        }
    }

    @GetMapping("/organisations")
    Map<String, List<OrganisationView>> organisations(@AuthenticationPrincipal PanaUser admin) {
        return Map.of("items", administration.organisations(admin).stream().map(OrganisationView::of).toList());
    }

    @GetMapping("/organisations/{id}")
    OrganisationView organisation(@AuthenticationPrincipal PanaUser admin, @PathVariable UUID id) {
        return OrganisationView.of(administration.organisation(admin, id));
    }

    @PostMapping("/organisations")
    ResponseEntity<?> createOrganisation(@AuthenticationPrincipal PanaUser admin, @RequestBody OrganisationRequest request,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.createOnce("organisation.create", key, request, () -> {
            Organisation created = administration.createOrganisation(admin, new Administration.NewOrganisation(request.name(), request.type()));
            return ResponseEntity.created(URI.create("/api/v1/admin/organisations/" + created.id())).body(OrganisationView.of(created));
        });
    }

    @PostMapping("/organisations/{id}/deactivate")
    OrganisationView deactivateOrganisation(@AuthenticationPrincipal PanaUser admin, @PathVariable UUID id) {
        return OrganisationView.of(administration.deactivateOrganisation(admin, id));
    }

    @GetMapping("/users")
    Map<String, List<Administration.UserView>> users(@AuthenticationPrincipal PanaUser admin) {
        return Map.of("items", administration.users(admin));
    }

    @GetMapping("/users/{id}")
    ResponseEntity<Administration.UserView> user(@AuthenticationPrincipal PanaUser admin, @PathVariable UUID id) {
        Administration.UserView user = administration.user(admin, id);
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    @PostMapping("/users")
    ResponseEntity<?> createUser(@AuthenticationPrincipal PanaUser admin, @RequestBody UserRequest request,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.createOnce("user.create", key, request, () -> {
            Administration.UserView created = administration.createUser(admin, new Administration.NewUser(request.username(),
                    request.displayName(), request.organisationId(), request.roles(), request.password()));
            return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.id()))
                    .header(HttpHeaders.ETAG, Versions.etag(created.version())).body(created);
        });
    }

    @PutMapping("/users/{id}/roles")
    ResponseEntity<Administration.UserView> assignRoles(@AuthenticationPrincipal PanaUser admin, @PathVariable UUID id,
            @RequestBody RolesRequest request, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = Versions.fromIfMatch(ifMatch);
        Administration.UserView user = administration.assignRoles(admin, id, request.roles(), version);
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    @PostMapping("/users/{id}/deactivate")
    Administration.UserView deactivate(@AuthenticationPrincipal PanaUser admin, @PathVariable UUID id) {
        return administration.setActive(admin, id, false);
    }

    @PostMapping("/users/{id}/reactivate")
    Administration.UserView reactivate(@AuthenticationPrincipal PanaUser admin, @PathVariable UUID id) {
        return administration.setActive(admin, id, true);
    }
}
