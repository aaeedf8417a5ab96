package org.pana.credentials;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.calendar.WorkingCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotates a jurisdiction's signing key (an administrator's act, e.g. when the master key or a backup may have
 * leaked): documents signed before keep verifying with the retired key, new ones are signed with the new key.
 */
@RestController
class SigningKeyApi {

    private final SigningKeys keys;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;

    SigningKeyApi(SigningKeys keys, WorkingCalendar calendar, AuditTrail audit) {
        this.keys = keys;
        this.calendar = calendar;
        this.audit = audit;
    }

    @PostMapping("/api/v1/credentials/{jurisdiction}/keys/rotate")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Transactional
    Map<String, Object> rotate(@PathVariable String jurisdiction) {
        calendar.today(jurisdiction); // 404 for a jurisdiction Pana does not know
        SigningKeys.SigningKey key = keys.rotate(jurisdiction);
        audit.record(AuditEntry.success("SIGNING_KEY_ROTATED", "SIGNING_KEY", key.keyId()).withDetails(key.jurisdiction()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", key.keyId());
        body.put("jurisdiction", key.jurisdiction());
        body.put("created", key.createdAt().toString());
        return body;
    }
}
