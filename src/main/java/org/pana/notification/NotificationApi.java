package org.pana.notification;

import java.util.UUID;
import org.pana.access.PanaUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/notifications}: the caller's notices, and marking one read. */
@RestController
@RequestMapping("/api/v1/notifications")
@PreAuthorize("isAuthenticated()")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    Notifications.Inbox inbox(@AuthenticationPrincipal PanaUser caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return notifications.inbox(caller, page, size);
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        notifications.markRead(caller, id);
        return ResponseEntity.noContent().build();
    }
}
