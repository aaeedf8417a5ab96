package org.pana.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.pana.access.DemoUsers;
import org.pana.access.OrganisationType;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class NotificationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transactions;
    @Autowired DemoUsers demoUsers;

    PanaUser user(String username) {
        return demoUsers.find(username).orElseThrow();
    }

    UUID send(NoticeKind kind, Audience audience) {
        UUID subject = UUID.randomUUID();
        transactions.executeWithoutResult(status -> notifications.notify(new Notice(kind, "REFERRAL", subject, "/border/referrals/" + subject, audience)));
        return subject;
    }

    /** The subject ids of the notices the user's inbox shows (the newest hundred). */
    List<String> inboxOf(String username) throws Exception {
        String json = mvc.perform(get("/api/v1/notifications?size=100").header("Authorization", TestApi.bearer(mvc, username)))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.items[*].subjectId");
    }

    @Test
    void aNoticeReachesItsAudienceAndNoOneElse() throws Exception {
        UUID toUnit = send(NoticeKind.REFERRAL_RECEIVED, Audience.organisation(user("registration.officer").organisationId()));
        UUID toMonitors = send(NoticeKind.REFERRAL_RECEIVED, Audience.role(Role.PROTECTION_MONITOR, "KAZ"));
        UUID toMinistry = send(NoticeKind.REMOVAL_DESPITE_GROUNDS, Audience.organisationType(OrganisationType.MINISTRY, "KAZ"));
        UUID elsewhere = send(NoticeKind.REMOVAL_BLOCKED, Audience.role(Role.PROTECTION_MONITOR, "KGZ"));
        Map<String, List<UUID>> expected = Map.of(
                "registration.officer", List.of(toUnit),
                "eligibility.officer", List.of(toUnit), // the same organisation
                "unhcr.monitor", List.of(toMonitors),
                "auditor", List.of(toMinistry),
                "appeals.officer", List.of(toMinistry),
                "border.officer", List.of(),
                "legal.partner", List.of());
        List<String> all = List.of(toUnit.toString(), toMonitors.toString(), toMinistry.toString(), elsewhere.toString());
        for (var entry : expected.entrySet()) {
            List<String> inbox = inboxOf(entry.getKey());
            List<String> theirs = entry.getValue().stream().map(UUID::toString).toList();
            assertThat(inbox).as(entry.getKey()).containsAll(theirs);
            assertThat(inbox).as(entry.getKey()).doesNotContainAnyElementsOf(all.stream().filter(s -> !theirs.contains(s)).toList());
        }
    }

    @Test
    void listsNewestFirstWithAReadFlagAndCountsTheUnread() throws Exception {
        PanaUser monitor = user("unhcr.monitor");
        long unreadBefore = notifications.unreadCount(monitor);
        UUID older = send(NoticeKind.REFERRAL_RECEIVED, Audience.role(Role.PROTECTION_MONITOR, "KAZ"));
        UUID newer = send(NoticeKind.REMOVAL_BLOCKED, Audience.role(Role.PROTECTION_MONITOR, "KAZ"));
        assertThat(notifications.unreadCount(monitor)).isEqualTo(unreadBefore + 2);
        String token = TestApi.bearer(mvc, "unhcr.monitor");
        String json = mvc.perform(get("/api/v1/notifications?size=2").header("Authorization", token)).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(json, "$.items[*].subjectId")).containsExactly(newer.toString(), older.toString());
        assertThat((Integer) JsonPath.read(json, "$.size")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(json, "$.page")).isZero();
        assertThat(((Number) JsonPath.read(json, "$.total")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat((List<Boolean>) JsonPath.read(json, "$.items[*].read")).containsExactly(false, false);
        assertThat(json).doesNotContain("audience");
        String id = JsonPath.read(json, "$.items[0].id");

        assertThat(mvc.perform(post("/api/v1/notifications/" + id + "/read").header("Authorization", token)).andReturn().getResponse()
                .getStatus()).isEqualTo(204);
        assertThat(mvc.perform(post("/api/v1/notifications/" + id + "/read").header("Authorization", token)).andReturn().getResponse()
                .getStatus()).as("marking twice is harmless").isEqualTo(204);
        String after = mvc.perform(get("/api/v1/notifications?size=2").header("Authorization", token)).andReturn().getResponse().getContentAsString();
        assertThat((List<Boolean>) JsonPath.read(after, "$.items[*].read")).containsExactly(true, false);
        assertThat(notifications.unreadCount(monitor)).isEqualTo(unreadBefore + 1);
        for (String query : List.of("page=-1", "size=0", "size=101")) {
            assertThat(mvc.perform(get("/api/v1/notifications?" + query).header("Authorization", token)).andReturn().getResponse().getStatus())
                    .as(query).isEqualTo(422);
        }
    }

    @Test
    void anotherOrganisationsUserCanNeitherSeeNorMarkANotice() throws Exception {
        UUID subject = send(NoticeKind.REFERRAL_RECEIVED, Audience.organisation(user("registration.officer").organisationId()));
        UUID notice = jdbc.sql("SELECT id FROM notification_notice WHERE subject_id = :s").param("s", subject).query(UUID.class).single();
        for (String outsider : List.of("border.officer", "unhcr.monitor", "legal.partner")) {
            assertThat(inboxOf(outsider)).as(outsider).doesNotContain(subject.toString());
            MockHttpServletResponse marked = mvc.perform(post("/api/v1/notifications/" + notice + "/read")
                    .header("Authorization", TestApi.bearer(mvc, outsider))).andReturn().getResponse();
            assertThat(marked.getStatus()).as(outsider).isEqualTo(404);
            assertThat(marked.getContentType()).contains("application/problem+json");
        }
        assertThat(mvc.perform(post("/api/v1/notifications/" + UUID.randomUUID() + "/read")
                .header("Authorization", TestApi.bearer(mvc, "registration.officer"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_read WHERE notice_id = :n").param("n", notice).query(Long.class).single()).isZero();
        assertThat(mvc.perform(get("/api/v1/notifications")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aNoticeCannotCarryALinkToAnotherSite() {
        UUID subject = UUID.randomUUID();
        Audience monitors = Audience.role(Role.PROTECTION_MONITOR, "KAZ");
        for (String link : new String[] {"https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "persons/1",
                "", null, "/persons/<script>"}) {
            assertThatThrownBy(() -> new Notice(NoticeKind.REMOVAL_BLOCKED, "PERSON", subject, link, monitors)).as(link)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Notice(NoticeKind.REMOVAL_BLOCKED, "PERSON", subject, "/persons/" + subject, monitors).link()).startsWith("/persons/");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO notification_notice (id, kind, subject_type, subject_id, link, audience_role, audience_jurisdiction, created_at)
                VALUES (:id, 'REMOVAL_BLOCKED', 'PERSON', :id, '//evil.example', 'PROTECTION_MONITOR', 'KAZ', CURRENT_TIMESTAMP)""")
                .param("id", UUID.randomUUID()).update())).as("the database refuses it too").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO notification_notice (id, kind, subject_type, subject_id, link, audience_organisation_id, audience_role,
                                                 audience_jurisdiction, created_at)
                VALUES (:id, 'REMOVAL_BLOCKED', 'PERSON', :id, '/persons', :id, 'PROTECTION_MONITOR', 'KAZ', CURRENT_TIMESTAMP)""")
                .param("id", UUID.randomUUID()).update())).as("one audience only").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void writesANoticeOnlyInsideTheTransactionOfItsFact() {
        UUID subject = UUID.randomUUID();
        Notice notice = new Notice(NoticeKind.REMOVAL_BLOCKED, "PERSON", subject, "/persons/" + subject, Audience.role(Role.PROTECTION_MONITOR, "KAZ"));
        assertThatThrownBy(() -> notifications.notify(notice)).isInstanceOf(IllegalTransactionStateException.class);
        transactions.executeWithoutResult(status -> {
            notifications.notify(notice);
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM notification_notice WHERE subject_id = :s").param("s", subject).query(Long.class).single()).isZero();
    }

    @Test
    void aContactNoticeGoesToTheChildProtectionOrganisationOfTheDayOrToNoOne() {
        UUID childProtection = UUID.randomUUID();
        String jurisdiction = "TJK";
        jdbc.sql("DELETE FROM notification_contact WHERE jurisdiction = :j").param("j", jurisdiction).update();
        UUID none = send(NoticeKind.UNACCOMPANIED_CHILD_REFERRED, Audience.contact(ContactPurpose.CHILD_PROTECTION, jurisdiction));
        assertThat(jdbc.sql("SELECT count(*) FROM notification_notice WHERE subject_id = :s").param("s", none).query(Long.class).single()).isZero();
        jdbc.sql("INSERT INTO notification_contact (jurisdiction, purpose, organisation_id, valid_from, valid_until) VALUES (:j, 'CHILD_PROTECTION', :o, DATE '2000-01-01', DATE '2001-01-01')")
                .param("j", jurisdiction).param("o", UUID.randomUUID()).update();
        jdbc.sql("INSERT INTO notification_contact (jurisdiction, purpose, organisation_id, valid_from) VALUES (:j, 'CHILD_PROTECTION', :o, DATE '2001-01-02')")
                .param("j", jurisdiction).param("o", childProtection).update();
        try {
            UUID child = send(NoticeKind.UNACCOMPANIED_CHILD_REFERRED, Audience.contact(ContactPurpose.CHILD_PROTECTION, jurisdiction));
            assertThat(jdbc.sql("SELECT audience_organisation_id FROM notification_notice WHERE subject_id = :s").param("s", child)
                    .query(UUID.class).list()).containsExactly(childProtection);
        } finally {
            jdbc.sql("DELETE FROM notification_contact WHERE jurisdiction = :j").param("j", jurisdiction).update();
        }
    }

    Cookie signIn(String username) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", TestApi.DEMO_PASSWORD).with(csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
    }

    @Test
    void thePageListsTheNoticesInEnglishRussianAndKazakhAndMarksThemRead() throws Exception {
        UUID subject = send(NoticeKind.REMOVAL_DESPITE_GROUNDS, Audience.organisationType(OrganisationType.MINISTRY, "KAZ"));
        Cookie statistician = signIn("statistician");
        Map<String, String> titles = Map.of("en", "Removal reported despite grounds against it", "ru", "Сообщено о выдворении вопреки основаниям",
                "kk", "Негіздерге қарамастан шығарып жіберу туралы хабарланды");
        String noticeId = null;
        for (var language : titles.entrySet()) {
            Document page = Jsoup.parse(mvc.perform(get("/notifications").param("lang", language.getKey()).cookie(statistician)).andReturn()
                    .getResponse().getContentAsString());
            var notice = page.select("[data-testid=notice]").stream().filter(e -> e.select("[data-testid=notice-link]").attr("href")
                    .endsWith(subject.toString())).findFirst().orElseThrow();
            assertThat(notice.text()).as(language.getKey()).contains(language.getValue());
            assertThat(notice.attr("data-read")).isEqualTo("false");
            noticeId = notice.attr("data-notice");
        }
        assertThat(mvc.perform(post("/notifications/" + noticeId + "/read").cookie(statistician)).andReturn().getResponse().getStatus())
                .as("without CSRF").isEqualTo(403);
        assertThat(mvc.perform(post("/notifications/" + noticeId + "/read").cookie(statistician).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl()).startsWith("/notifications");
        Document after = Jsoup.parse(mvc.perform(get("/notifications").cookie(statistician)).andReturn().getResponse().getContentAsString());
        assertThat(after.select("[data-notice=" + noticeId + "]").attr("data-read")).isEqualTo("true");
        Document other = Jsoup.parse(mvc.perform(get("/notifications").cookie(signIn("border.officer"))).andReturn().getResponse().getContentAsString());
        assertThat(other.select("[data-notice=" + noticeId + "]")).isEmpty();
    }

    @Test
    void everyPageOfASignedInUserShowsTheirUnreadCountAndAJsonAnswerDoesNotCarryIt() throws Exception {
        Cookie monitor = signIn("unhcr.monitor");
        long unread = notifications.unreadCount(user("unhcr.monitor"));
        send(NoticeKind.REMOVAL_BLOCKED, Audience.role(org.pana.access.Role.PROTECTION_MONITOR, "KAZ"));
        for (String path : List.of("/", "/calendar", "/notifications")) {
            Document page = Jsoup.parse(mvc.perform(get(path).cookie(monitor)).andReturn().getResponse().getContentAsString());
            assertThat(page.select("[data-testid=notices-link]").attr("href")).as(path).isEqualTo("/notifications");
            assertThat(page.select("[data-testid=unread-notices]").text()).as(path).isEqualTo(String.valueOf(unread + 1));
        }
        Document signedOut = Jsoup.parse(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString());
        assertThat(signedOut.select("[data-testid=notices-link]")).isEmpty();
        String json = mvc.perform(get("/api/v1/notifications?size=1").header("Authorization", TestApi.bearer(mvc, "unhcr.monitor")))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain("unreadNotices");
    }
}
