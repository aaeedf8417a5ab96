package org.pana.access;

import java.util.List;
import java.util.Map;

/**
 * What each role can do, as shown on the home page. An action with a path links to its page; an action
 * without one names a capability whose module is still to come, so users see the whole of their job.
 */
final class RoleCapabilities {

    record Action(String messageKey, String path) {}

    private static final Action SEARCH_PEOPLE = new Action("home.action.search-people", "/persons/search");
    private static final Action PROTECTION_REVIEW = new Action("home.action.protection-review", "/protection-review");
    private static final Action CHECK_REMOVAL = new Action("home.action.check-removal", "/removal-checks");
    private static final Action REPORT_REMOVAL = new Action("home.action.report-removal", "/removal-reports/new");
    private static final Action OVERDUE_REFERRALS = new Action("home.action.overdue-referrals", "/border/referrals/overdue");

    /** My cases and the work queues of the asylum authority (interviews, assessments and decisions start there). */
    private static final Action ASYLUM_CASES = new Action("home.action.asylum-cases", "/asylum/queues");

    private static final Map<Role, List<Action>> ACTIONS = Map.ofEntries(
            Map.entry(Role.ADMINISTRATOR, List.of(new Action("home.action.manage-users", "/admin/users"),
                    new Action("home.action.manage-organisations", "/admin/organisations"),
                    new Action("home.action.border-setup", "/admin/border"))),
            Map.entry(Role.AUDITOR, List.of(new Action("home.action.search-audit", "/audit"))),
            Map.entry(Role.BORDER_OFFICER, List.of(new Action("home.action.record-encounter", "/border/encounters/new"),
                    new Action("home.action.my-encounters", "/border/encounters"), OVERDUE_REFERRALS, CHECK_REMOVAL, REPORT_REMOVAL,
                    SEARCH_PEOPLE)),
            Map.entry(Role.REGISTRATION_OFFICER, List.of(new Action("home.action.incoming-referrals", "/border/referrals"), OVERDUE_REFERRALS,
                    new Action("home.action.register-person", "/persons/new"),
                    new Action("home.action.register-household", "/households/new"), SEARCH_PEOPLE,
                    new Action("home.action.review-duplicates", "/duplicates"), new Action("home.action.import-people", "/imports"),
                    PROTECTION_REVIEW,
                    new Action("home.action.lodge-application", "/asylum/applications/new"), ASYLUM_CASES)),
            Map.entry(Role.ELIGIBILITY_OFFICER, List.of(ASYLUM_CASES, SEARCH_PEOPLE)),
            Map.entry(Role.DECISION_MAKER, List.of(new Action("home.action.decide", "/asylum/queues/awaiting-my-approval"), ASYLUM_CASES,
                    SEARCH_PEOPLE)),
            Map.entry(Role.APPEALS_OFFICER, List.of(new Action("home.action.review-appeals", null), SEARCH_PEOPLE)),
            Map.entry(Role.STATELESSNESS_OFFICER, List.of(new Action("home.action.determine-statelessness", null), SEARCH_PEOPLE)),
            Map.entry(Role.MIGRATION_OFFICER, List.of(new Action("home.action.residence", null),
                    CHECK_REMOVAL, REPORT_REMOVAL, SEARCH_PEOPLE)),
            Map.entry(Role.PROTECTION_MONITOR, List.of(OVERDUE_REFERRALS, new Action("home.action.monitor", null), SEARCH_PEOPLE,
                    PROTECTION_REVIEW)),
            Map.entry(Role.PARTNER_CASEWORKER, List.of(new Action("home.action.partner-referrals", null), SEARCH_PEOPLE)),
            Map.entry(Role.STATISTICIAN, List.of(new Action("home.action.statistics", null))));

    private RoleCapabilities() {}

    static List<Action> of(Role role) {
        return ACTIONS.getOrDefault(role, List.of());
    }
}
