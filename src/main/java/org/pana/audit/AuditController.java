package org.pana.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The auditor's page: search the trail and check its chain. The form is a plain GET, so it works
 * without JavaScript; with htmx only the results ({@code rows}) or the verification result are
 * swapped in.
 */
@Controller
@RequestMapping("/audit")
class AuditController {

    static final int PAGE_SIZE = 25;
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuditEventQueries queries;
    private final AuditTrail trail;

    AuditController(AuditEventQueries queries, AuditTrail trail) {
        this.queries = queries;
        this.trail = trail;
    }

    @GetMapping
    @PreAuthorize("hasRole('AUDITOR')")
    String events(@ModelAttribute("search") AuditSearchForm search, Model model,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore) {
        addEvents(search, model);
        return htmx != null && historyRestore == null ? "audit/events :: rows" : "audit/events";
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('AUDITOR')")
    String verify(Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        ChainVerification verification = trail.verify();
        trail.record(AuditReads.chainVerified(verification));
        model.addAttribute("verification", verification);
        if (htmx != null) {
            return "audit/events :: verification";
        }
        AuditSearchForm search = AuditSearchForm.empty();
        model.addAttribute("search", search);
        addEvents(search, model);
        return "audit/events";
    }

    private void addEvents(AuditSearchForm search, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        AuditEventPage events = null;
        try {
            AuditEventFilter filter = search.filter(PAGE_SIZE);
            trail.seal();
            events = queries.search(filter);
            trail.record(AuditReads.eventsRead(filter));
        } catch (InvalidAuditQuery invalid) {
            invalid.problems().forEach(p -> errors.putIfAbsent(p.field(), "audit.error." + p.code()));
        }
        model.addAttribute("events", events);
        model.addAttribute("errors", errors);
        model.addAttribute("timeFormat", UTC_TIME);
    }
}
