package org.pana.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page {@code /notifications}: every signed-in user's notices, newest first, each marked read with a button. */
@Controller
@RequestMapping("/notifications")
@PreAuthorize("isAuthenticated()")
class NotificationController {

    static final int PAGE_SIZE = 25;

    private final Notifications notifications;
    private final ZoneId zone;

    NotificationController(Notifications notifications, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.notifications = notifications;
        this.zone = zone;
    }

    /** A notice as listed, with its time in the reader's format. */
    record Line(Notifications.InboxNotice notice, String createdAt) {}

    @GetMapping
    String inbox(@AuthenticationPrincipal PanaUser caller, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        int shown = Math.max(0, Math.min(page, 100_000));
        Notifications.Inbox inbox = notifications.inbox(caller, shown, PAGE_SIZE);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale("en".equals(locale.getLanguage()) ? Locale.UK : locale).withZone(zone);
        model.addAttribute("inbox", inbox);
        model.addAttribute("lines", inbox.items().stream().map(n -> new Line(n, format.format(n.createdAt()))).toList());
        model.addAttribute("unread", notifications.unreadCount(caller));
        model.addAttribute("page", shown);
        model.addAttribute("previousPage", shown > 0 ? shown - 1 : null);
        model.addAttribute("nextPage", (long) (shown + 1) * PAGE_SIZE < inbox.total() ? shown + 1 : null);
        return "notification/notifications";
    }

    @PostMapping("/{id}/read")
    String read(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam(defaultValue = "0") int page) {
        notifications.markRead(caller, id);
        return "redirect:/notifications?page=" + Math.max(0, Math.min(page, 100_000));
    }
}
