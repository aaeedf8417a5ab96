package org.pana.asylum;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.pana.access.Colleagues;
import org.pana.access.PanaUser;
import org.pana.platform.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The asylum authority's work queues as pages (issue 5, item 8): my cases, due this week, overdue and, for decision
 * makers, awaiting my approval. Each tab is the API's queue of the same name, so a page lists exactly what the API
 * would (and audits it the same way); a tab the caller may not read is not offered.
 */
@Controller
@RequestMapping("/asylum/queues")
class QueuePages {

    static final int PAGE_SIZE = 20;

    /** A tab: its name in the path, and whether it is the one shown. */
    record Tab(String name, boolean current) {}

    private final WorkQueues queues;
    private final Applications applications;

    QueuePages(WorkQueues queues, Applications applications) {
        this.queues = queues;
        this.applications = applications;
    }

    /** "My cases" for those who are assigned cases, "due this week" for a registration officer. */
    @GetMapping
    @PreAuthorize("hasAnyRole('REGISTRATION_OFFICER', 'ELIGIBILITY_OFFICER', 'DECISION_MAKER')")
    String first(@AuthenticationPrincipal PanaUser caller, @RequestParam(defaultValue = "0") int page, Model model) {
        List<WorkQueues.Queue> readable = readable(caller);
        return show(caller, readable.isEmpty() ? WorkQueues.Queue.MINE : readable.get(0), page, model);
    }

    @GetMapping("/{queue}")
    @PreAuthorize("hasAnyRole('REGISTRATION_OFFICER', 'ELIGIBILITY_OFFICER', 'DECISION_MAKER')")
    String queue(@AuthenticationPrincipal PanaUser caller, @PathVariable String queue, @RequestParam(defaultValue = "0") int page, Model model) {
        WorkQueues.Queue shown = Arrays.stream(WorkQueues.Queue.values()).filter(q -> name(q).equals(queue)).findFirst()
                .orElseThrow(() -> new NotFound("queue"));
        return show(caller, shown, page, model);
    }

    private String show(PanaUser caller, WorkQueues.Queue queue, int page, Model model) {
        int shown = Math.max(0, Math.min(page, 100_000));
        WorkQueues.Page lines = queues.list(caller, name(queue), shown, PAGE_SIZE);
        Map<String, String> names = applications.assignableColleagues(caller).stream()
                .collect(Collectors.toMap(Colleagues.Colleague::username, Colleagues.Colleague::displayName, (a, b) -> a));
        model.addAttribute("tabs", readable(caller).stream().map(q -> new Tab(name(q), q == queue)).toList());
        model.addAttribute("queue", name(queue));
        model.addAttribute("lines", lines.items());
        model.addAttribute("total", lines.total());
        model.addAttribute("names", names);
        model.addAttribute("path", "/asylum/queues/" + name(queue));
        model.addAttribute("previousPage", shown > 0 ? shown - 1 : null);
        model.addAttribute("nextPage", (long) (shown + 1) * PAGE_SIZE < lines.total() ? shown + 1 : null);
        return "asylum/queues";
    }

    private static List<WorkQueues.Queue> readable(PanaUser caller) {
        return Arrays.stream(WorkQueues.Queue.values()).filter(q -> WorkQueues.mayRead(caller, q)).toList();
    }

    /** The queue's name in paths and in the API: {@code due-this-week}. */
    static String name(WorkQueues.Queue queue) {
        return queue.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
