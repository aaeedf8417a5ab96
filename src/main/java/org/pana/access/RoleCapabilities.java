package org.pana.access;

import java.util.List;
import java.util.Map;

/**
 * What each role can do, as shown on the home page. An action with a path links to its page; an action
 * without one names a capability whose module is still to come, so users see the whole of their job.
 */
final class RoleCapabilities {

    record Action(String messageKey, String path) {}

    private static final Map<Role, List<Action>> ACTIONS = Map.ofEntries(
            Map.entry(Role.ADMINISTRATOR, List.of(new Action("home.action.manage-users", "/admin/users"),
                    new Action("home.action.manage-organisations", "/admin/organisations"))),
            Map.entry(Role.AUDITOR, List.of(new Action("home.action.search-audit", "/audit"))),
            Map.entry(Role.BORDER_OFFICER, List.of(new Action("home.action.record-encounter", null),
                    new Action("home.action.check-removal", null))),
            Map.entry(Role.REGISTRATION_OFFICER, List.of(new Action("home.action.register-people", null),
                    new Action("home.action.lodge-application", null))),
            Map.entry(Role.ELIGIBILITY_OFFICER, List.of(new Action("home.action.interview", null),
                    new Action("home.action.assess", null))),
            Map.entry(Role.DECISION_MAKER, List.of(new Action("home.action.decide", null))),
            Map.entry(Role.APPEALS_OFFICER, List.of(new Action("home.action.review-appeals", null))),
            Map.entry(Role.STATELESSNESS_OFFICER, List.of(new Action("home.action.determine-statelessness", null))),
            Map.entry(Role.MIGRATION_OFFICER, List.of(new Action("home.action.residence", null),
                    new Action("home.action.check-removal", null))),
            Map.entry(Role.PROTECTION_MONITOR, List.of(new Action("home.action.monitor", null))),
            Map.entry(Role.PARTNER_CASEWORKER, List.of(new Action("home.action.partner-referrals", null))),
            Map.entry(Role.STATISTICIAN, List.of(new Action("home.action.statistics", null))));

    private RoleCapabilities() {}

    static List<Action> of(Role role) {
        return ACTIONS.getOrDefault(role, List.of());
    }
}
