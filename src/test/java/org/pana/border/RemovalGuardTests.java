package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pana.access.PanaUser;
import org.pana.audit.AuditTrail;
import org.pana.platform.RemovalGround;
import org.pana.platform.RemovalGrounds;
import org.pana.registration.Registry;
import org.springframework.transaction.PlatformTransactionManager;

/** The guard on its own: every source asked, grounds in date order, and closed when a source cannot answer. */
class RemovalGuardTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-20T20:30:00Z"), ZoneOffset.UTC);
    private final UUID person = UUID.randomUUID();

    private RemovalGuard guardWith(RemovalGrounds... sources) {
        return new RemovalGuard(List.of(sources), mock(Registry.class), mock(AuditTrail.class), clock, ZoneId.of("Asia/Almaty"),
                mock(BorderNotices.class), mock(PlatformTransactionManager.class));
    }

    @Test
    void listsEveryModulesGroundsOldestFirstOnTheCountrysDate() {
        LocalDate[] asked = new LocalDate[1];
        RemovalGrounds referrals = (id, asOf) -> {
            asked[0] = asOf;
            return List.of(new RemovalGround("OPEN_BORDER_REFERRAL", LocalDate.of(2026, 3, 19), "R-1"));
        };
        RemovalGrounds needs = (id, asOf) -> List.of(new RemovalGround("SPECIFIC_NEED_LP_RR", LocalDate.of(2025, 12, 1), null));
        RemovalGuard.RemovalCheck check = guardWith(referrals, needs).check(mock(PanaUser.class), person);
        assertThat(check.removalAllowed()).isFalse();
        assertThat(check.grounds()).extracting(RemovalGround::kind).containsExactly("SPECIFIC_NEED_LP_RR", "OPEN_BORDER_REFERRAL");
        assertThat(asked[0]).isEqualTo(LocalDate.of(2026, 3, 21)); // 20:30 UTC is already the 21st in Almaty
    }

    @Test
    void refusesTheRemovalWhenAModuleCannotAnswer() {
        RemovalGrounds broken = (id, asOf) -> {
            throw new IllegalStateException("database unreachable");
        };
        RemovalGuard.RemovalCheck check = guardWith((id, asOf) -> List.of(), broken).check(mock(PanaUser.class), person);
        assertThat(check.removalAllowed()).isFalse();
        assertThat(check.grounds()).extracting(RemovalGround::kind).containsExactly(RemovalGuard.UNAVAILABLE);
    }

    @Test
    void allowsTheRemovalOnlyWhenNoModuleHasAGround() {
        assertThat(guardWith((id, asOf) -> List.of(), (id, asOf) -> List.of()).check(mock(PanaUser.class), person).removalAllowed()).isTrue();
    }
}
