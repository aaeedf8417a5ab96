package org.pana.credentials;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.pana.border.BorderReferrals;
import org.springframework.stereotype.Component;

/**
 * The live standing of border referral slips: a slip stands while its referral waits for the asylum authority, and is
 * replaced once an application is opened from the referral (the asylum-seeker certificate takes its place). An
 * overdue referral's slip stays valid: the authority's delay must not leave the person without papers.
 */
@Component
class BorderStanding implements LiveStanding {

    static final String SOURCE_TYPE = "BORDER_REFERRAL";

    private final BorderReferrals referrals;

    BorderStanding(BorderReferrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public boolean answersFor(String sourceType) {
        return SOURCE_TYPE.equals(sourceType);
    }

    @Override
    public Optional<Ended> ended(String sourceType, UUID sourceId, String sourceVersion, LocalDate today) {
        return referrals.slip(sourceId)
                .map(slip -> slip.takenOver() ? Optional.of(Ended.replaced("An asylum application was opened from the referral.")) : Optional.<Ended>empty())
                .orElseGet(() -> Optional.of(Ended.revoked("No such referral.")));
    }
}
