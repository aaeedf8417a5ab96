package org.pana.asylum;

import java.time.LocalDate;
import java.util.UUID;

/** The row as stored, before deadlines, history and actions are added for a caller. */
record ApplicationRow(UUID id, String number, String jurisdiction, UUID personId, UUID organisationId, UUID referralId, LocalDate lodgedOn,
        String lodgedAt, LocalDate arrivedOn, boolean irregularEntry, boolean lateLodging, ApplicationStatus status, String outcome,
        LocalDate registeredOn, LocalDate fingerprintedOn, LocalDate decisionDueOn, LocalDate closedOn, LocalDate decidedOn,
        LocalDate notifiedOn, LocalDate statusUntil, LocalDate statusEndedOn, String statusEnd, String statusEndGround, long version,
        String assignedTo) {

    boolean refugee() {
        return status == ApplicationStatus.DECIDED && "RECOGNISED".equals(outcome) && statusEnd == null;
    }
}
