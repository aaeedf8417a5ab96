package org.pana.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for auditors: search events, and check the hash chain (api.md, Audit). Reading it is audited too. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    static final int DEFAULT_SIZE = 50;
    private static final MediaType PROBLEM_JSON = MediaType.parseMediaType("application/problem+json;charset=UTF-8");

    private final AuditEventQueries queries;
    private final AuditTrail trail;

    AuditApi(AuditEventQueries queries, AuditTrail trail) {
        this.queries = queries;
        this.trail = trail;
    }

    @GetMapping("/events")
    @PreAuthorize("hasRole('AUDITOR')")
    AuditEventPage events(@RequestParam(required = false) String subjectId, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        AuditEventFilter filter = AuditEventFilter.parse(subjectId, actor, from, to, page, size, DEFAULT_SIZE);
        trail.seal();
        AuditEventPage events = queries.search(filter);
        trail.record(AuditReads.eventsRead(filter));
        return events;
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('AUDITOR')")
    VerificationResponse verify() {
        ChainVerification verification = trail.verify();
        trail.record(AuditReads.chainVerified(verification));
        return VerificationResponse.of(verification);
    }

    @ExceptionHandler(InvalidAuditQuery.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAuditQuery e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("urn:pana:problem:validation"));
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList();
        problem.setProperty("errors", errors);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, HttpStatus.BAD_REQUEST);
    }

    /** {@code {"intact": true, "events": N}}, plus the first broken event when the chain is broken. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerificationResponse(boolean intact, long events, BrokenEvent firstBrokenEvent, String problem) {

        static VerificationResponse of(ChainVerification v) {
            return v.intact() ? new VerificationResponse(true, v.events(), null, null)
                    : new VerificationResponse(false, v.events(), new BrokenEvent(v.firstBrokenSeq(), v.firstBrokenEventId()), v.problem());
        }
    }

    /** The first event where the chain does not hold; {@code id} is absent when that event is missing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BrokenEvent(long seq, UUID id) {}
}
