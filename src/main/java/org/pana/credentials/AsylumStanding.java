package org.pana.credentials;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.pana.asylum.AsylumDocuments;
import org.springframework.stereotype.Component;

/**
 * The live standing of documents printed from an asylum application, asked at every verification: when the claim
 * ends, status is granted, terminated or deprived, the earlier certificates show as revoked at once.
 */
@Component
class AsylumStanding implements LiveStanding {

    private final AsylumDocuments asylum;

    AsylumStanding(AsylumDocuments asylum) {
        this.asylum = asylum;
    }

    @Override
    public Optional<String> revokedBecause(String sourceType, UUID sourceId, LocalDate today) {
        AsylumDocuments.Kind kind;
        try {
            kind = AsylumDocuments.Kind.valueOf(sourceType);
        } catch (IllegalArgumentException | NullPointerException notAsylum) {
            return Optional.empty();
        }
        return asylum.endedBecause(sourceId, kind, today);
    }
}
