package org.pana.registration.household;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.IdempotentRequests;
import org.pana.platform.RuleViolation;
import org.pana.platform.Versions;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Households (registration groups) in the JSON API. Writes by registration officers; reads by the roles
 * that read people; a household or person the caller may not see answers 404. Every answer carries
 * {@code Cache-Control: no-store}; a household carries its version as an ETag, and changing the focal
 * point needs it back in {@code If-Match} (join and leave accept one).
 */
@RestController
class HouseholdApi {

    private final Households households;
    private final IdempotentRequests idempotency;

    HouseholdApi(Households households, IdempotentRequests idempotency) {
        this.households = households;
        this.idempotency = idempotency;
    }

    record MemberRequest(UUID personId, Relationship relationship, LocalDate joinedOn) {}

    record HouseholdRequest(UUID focalPointId, LocalDate joinedOn, List<MemberRequest> members) {}

    record JoinRequest(UUID personId, Relationship relationship, LocalDate joinedOn, String reason) {}

    record LeaveRequest(LocalDate leftOn, String reason) {}

    record RelationshipRequest(UUID personId, Relationship relationship) {}

    record FocalPointRequest(UUID personId, Relationship previousFocalPointRelationship,
            List<RelationshipRequest> relationships, String reason) {}

    record MemberView(UUID personId, Relationship relationship, LocalDate joinedOn, LocalDate leftOn, String leaveReason,
            boolean active) {
        static MemberView of(Membership m) {
            return new MemberView(m.personId(), m.relationship(), m.joinedOn(), m.leftOn(), m.leaveReason(), m.active());
        }
    }

    record ChangeView(Instant at, HouseholdChangeKind kind, UUID personId, String detail, String reason, String by,
            String organisation) {
        static ChangeView of(HouseholdChange c) {
            return new ChangeView(c.changedAt(), c.kind(), c.personId(), c.detail(), c.reason(), c.actorUsername(), c.organisationName());
        }
    }

    record HouseholdView(UUID id, String number, String jurisdiction, UUID focalPointId, long version, Instant createdAt,
            List<MemberView> members, List<ChangeView> history) {
        static HouseholdView of(Households.HouseholdRecord r) {
            Household h = r.household();
            return new HouseholdView(h.id(), h.number(), h.jurisdiction(), h.focalPointId(), h.version(), h.createdAt(),
                    h.members().stream().map(MemberView::of).toList(), r.history().stream().map(ChangeView::of).toList());
        }
    }

    record PersonHouseholdView(UUID householdId, String number, UUID focalPointId, boolean current, List<MemberView> memberships) {}

    @PostMapping("/api/v1/households")
    ResponseEntity<?> register(@AuthenticationPrincipal PanaUser caller, @RequestBody HouseholdRequest request,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.createOnce("household.create", key, request, () -> {
            List<Households.NewMember> members = request.members() == null ? List.of()
                    : request.members().stream().map(m -> m == null ? null
                            : new Households.NewMember(m.personId(), m.relationship(), m.joinedOn())).toList();
            Households.HouseholdRecord created = households.register(caller,
                    new Households.NewHousehold(request.focalPointId(), request.joinedOn(), members));
            return ResponseEntity.created(URI.create("/api/v1/households/" + created.household().id()))
                    .eTag(Versions.etag(created.household().version())).cacheControl(CacheControl.noStore())
                    .body(HouseholdView.of(created));
        });
    }

    @GetMapping("/api/v1/households/{id}")
    ResponseEntity<HouseholdView> household(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        return answer(households.household(caller, id));
    }

    @PostMapping("/api/v1/households/{id}/members")
    ResponseEntity<HouseholdView> join(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestBody JoinRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = ifMatch == null ? null : Versions.fromIfMatch(ifMatch);
        return answer(households.join(caller, id, new Households.NewMember(request.personId(), request.relationship(), request.joinedOn()),
                request.reason(), expected));
    }

    @PostMapping("/api/v1/households/{id}/members/{personId}/leave")
    ResponseEntity<HouseholdView> leave(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @PathVariable UUID personId,
            @RequestBody LeaveRequest request, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = ifMatch == null ? null : Versions.fromIfMatch(ifMatch);
        return answer(households.leave(caller, id, personId, request.leftOn(), request.reason(), expected));
    }

    @PutMapping("/api/v1/households/{id}/focal-point")
    ResponseEntity<HouseholdView> changeFocalPoint(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id,
            @RequestBody FocalPointRequest request, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long expected = Versions.fromIfMatch(ifMatch);
        Map<UUID, Relationship> relationships = new LinkedHashMap<>();
        if (request.relationships() != null) {
            for (int i = 0; i < request.relationships().size(); i++) {
                RelationshipRequest r = request.relationships().get(i);
                if (r == null || r.personId() == null || relationships.put(r.personId(), r.relationship()) != null) {
                    throw RuleViolation.onField("relationships[" + i + "]", "Give each member once, with a person id.");
                }
            }
        }
        return answer(households.changeFocalPoint(caller, id, new Households.FocalPointChange(request.personId(),
                request.previousFocalPointRelationship(), relationships, request.reason()), expected));
    }

    @GetMapping("/api/v1/persons/{id}/households")
    ResponseEntity<Map<String, List<PersonHouseholdView>>> householdsOf(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        List<PersonHouseholdView> items = households.householdsOf(caller, id).stream()
                .map(p -> new PersonHouseholdView(p.household().id(), p.household().number(), p.household().focalPointId(),
                        p.current(), p.memberships().stream().map(MemberView::of).toList()))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("items", items));
    }

    private static ResponseEntity<HouseholdView> answer(Households.HouseholdRecord record) {
        return ResponseEntity.ok().eTag(Versions.etag(record.household().version())).cacheControl(CacheControl.noStore())
                .body(HouseholdView.of(record));
    }
}
