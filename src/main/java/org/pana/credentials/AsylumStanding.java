package org.pana.credentials;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.pana.asylum.AsylumDocuments;
import org.springframework.stereotype.Component;

/**
 * The live standing of documents printed from an asylum application, asked at every verification: when the claim
 * ends, status is granted, terminated or deprived, or the decision a letter records is replaced, the earlier
 * documents show as revoked at once.
 */
@Component
class AsylumStanding implements LiveStanding {

    private final AsylumDocuments asylum;

    AsylumStanding(AsylumDocuments asylum) {
        this.asylum = asylum;
    }

    @Override
    public boolean answersFor(String sourceType) {
        return Arrays.stream(AsylumDocuments.Kind.values()).anyMatch(kind -> kind.name().equals(sourceType));
    }

    @Override
    public Optional<Ended> ended(String sourceType, UUID sourceId, String sourceVersion, LocalDate today) {
        return asylum.endedBecause(sourceId, AsylumDocuments.Kind.valueOf(sourceType), sourceVersion, today).map(Ended::revoked);
    }
}
