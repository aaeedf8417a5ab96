package org.pana.border;

import java.util.UUID;
import org.pana.access.OrganisationType;
import org.pana.access.Role;
import org.pana.notification.Audience;
import org.pana.notification.ContactPurpose;
import org.pana.notification.NoticeKind;
import org.pana.notification.Notice;
import org.pana.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * Who the border tells, and where each notice links (issue 4, items 3 and 4). Every notice is written in the
 * transaction of the referral, check or report it announces.
 */
@Component
class BorderNotices {

    static final String CHILD_PROFILE = "UNACCOMPANIED_OR_SEPARATED_CHILD";

    private final Notifications notifications;

    BorderNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * A new referral: the receiving unit, or, when no route exists, the jurisdiction's registration officers
     * (the role that acknowledges referrals: every unit that might take it, and no one else in the authority);
     * always the protection monitors; for an unaccompanied or separated child also the child protection contact
     * and the monitors again, with the child's own notice.
     */
    void referralCreated(String jurisdiction, Referrals.Referral referral, String profile) {
        Notice received = new Notice(NoticeKind.REFERRAL_RECEIVED, "REFERRAL", referral.id(), referralLink(referral.id()),
                Audience.role(Role.PROTECTION_MONITOR, jurisdiction));
        if (referral.receivingUnit() != null) {
            notifications.notify(received.to(Audience.organisation(referral.receivingUnit())));
        } else {
            notifications.notify(new Notice(NoticeKind.REFERRAL_UNROUTED, "REFERRAL", referral.id(), referralLink(referral.id()),
                    Audience.role(Role.REGISTRATION_OFFICER, jurisdiction)));
        }
        notifications.notify(received);
        if (CHILD_PROFILE.equals(profile)) {
            Notice child = new Notice(NoticeKind.UNACCOMPANIED_CHILD_REFERRED, "REFERRAL", referral.id(), referralLink(referral.id()),
                    Audience.contact(ContactPurpose.CHILD_PROTECTION, jurisdiction));
            notifications.notify(child);
            notifications.notify(child.to(Audience.role(Role.PROTECTION_MONITOR, jurisdiction)));
        }
    }

    /** A referral forwarded (or routed) to another unit: that unit, as for a new referral; the due time is unchanged. */
    void referralForwarded(Referrals.Referral referral) {
        notifications.notify(new Notice(NoticeKind.REFERRAL_FORWARDED, "REFERRAL", referral.id(), referralLink(referral.id()),
                Audience.organisation(referral.receivingUnit())));
    }

    /** A removal check found grounds: the jurisdiction's protection monitors. */
    void removalBlocked(String jurisdiction, UUID personId) {
        notifications.notify(new Notice(NoticeKind.REMOVAL_BLOCKED, "PERSON", personId, "/persons/" + personId,
                Audience.role(Role.PROTECTION_MONITOR, jurisdiction)));
    }

    /** A removal reported despite grounds: the protection monitors and the ministry of the jurisdiction. */
    void removalDespiteGrounds(String jurisdiction, UUID reportId) {
        Notice breach = new Notice(NoticeKind.REMOVAL_DESPITE_GROUNDS, "REMOVAL_REPORT", reportId, "/removal-reports/" + reportId,
                Audience.role(Role.PROTECTION_MONITOR, jurisdiction));
        notifications.notify(breach);
        notifications.notify(breach.to(Audience.organisationType(OrganisationType.MINISTRY, jurisdiction)));
    }

    /** The receiving unit's list of incoming referrals (the page of the referral's status). */
    static String referralLink(UUID referralId) {
        return "/border/referrals/" + referralId;
    }
}
