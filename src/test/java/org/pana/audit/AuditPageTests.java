package org.pana.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class AuditPageTests {

    @Autowired MockMvc mvc;
    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void showsAnAuditorASearchFormThatWorksWithoutJavaScriptAndTheMatchingEventsNewestFirst() throws Exception {
        String subject = recordReadsOf(3);

        Document page = page(get("/audit").param("subjectId", subject));

        Element form = page.selectFirst("form[data-testid=audit-search]");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/audit");
        assertThat(form.select("input").eachAttr("name")).containsExactly("actor", "subjectId", "from", "to");
        assertThat(form.selectFirst("label[for=actor]").text()).isEqualTo("Username");
        assertThat(form.selectFirst("input[name=subjectId]").val()).isEqualTo(subject);
        assertThat(page.select("[data-testid=audit-rows] tr")).hasSize(3);
        List<Long> seqs = page.select("[data-testid=audit-rows] tr").eachAttr("data-seq").stream().map(Long::valueOf).toList();
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        Element newest = page.selectFirst("[data-testid=audit-rows] tr");
        assertThat(newest.select("td").eachText()).contains("officer2", "PERSON_READ", "Success", "case review");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Audit trail");
    }

    @Test
    void answersHtmxWithTheRowsFragmentOnly() throws Exception {
        String subject = recordReadsOf(2);

        String body = html(get("/audit").param("subjectId", subject).header("HX-Request", "true"));

        Document fragment = Jsoup.parseBodyFragment(body);
        assertThat(body).doesNotContain("<html", "<form", "govuk-header");
        assertThat(fragment.selectFirst("#audit-results")).isNotNull();
        assertThat(fragment.select("[data-testid=audit-rows] tr")).hasSize(2);
    }

    @Test
    void pagesThroughTheResultsKeepingTheSearch() throws Exception {
        String subject = recordReadsOf(AuditController.PAGE_SIZE + 5);

        Document first = page(get("/audit").param("subjectId", subject));
        assertThat(first.select("[data-testid=audit-rows] tr")).hasSize(AuditController.PAGE_SIZE);
        assertThat(first.select(".govuk-pagination__prev")).isEmpty();
        String next = first.selectFirst(".govuk-pagination__next a").attr("href");
        assertThat(next).contains("subjectId=" + subject).contains("page=1");
        assertThat(first.selectFirst(".govuk-pagination__next a").attr("hx-get")).isEqualTo(next);

        Document second = page(get(next));
        assertThat(second.select("[data-testid=audit-rows] tr")).hasSize(5);
        assertThat(second.selectFirst(".govuk-pagination__prev a").attr("href")).contains("page=0");
        assertThat(second.select(".govuk-pagination__next")).isEmpty();
    }

    @Test
    void showsAFormErrorInsteadOfResultsForATimeItCannotRead() throws Exception {
        Document page = page(get("/audit").param("from", "last tuesday").param("to", "2026-03-01"));

        assertThat(page.selectFirst("[data-testid=audit-errors]").text()).contains("Enter a date like 2026-03-01");
        assertThat(page.selectFirst("[data-testid=audit-errors] a").attr("href")).isEqualTo("#from");
        assertThat(page.selectFirst("#from").hasClass("govuk-input--error")).isTrue();
        assertThat(page.selectFirst("#from").val()).isEqualTo("last tuesday");
        assertThat(page.select("[data-testid=audit-events]")).isEmpty();
    }

    @Test
    void verifiesTheChainWithAndWithoutJavaScript() throws Exception {
        recordReadsOf(1);

        Document full = page(get("/audit/verify"));
        assertThat(full.selectFirst("[data-testid=audit-chain-intact]").text()).contains("The audit trail is intact");
        assertThat(full.selectFirst("form[data-testid=audit-search]")).isNotNull();

        String fragment = html(get("/audit/verify").header("HX-Request", "true"));
        assertThat(fragment).doesNotContain("<html", "<form");
        assertThat(Jsoup.parseBodyFragment(fragment).selectFirst("#audit-verification [data-testid=audit-chain-intact]")).isNotNull();
    }

    @Test
    void namesTheFirstBrokenEventWhenTheChainIsBroken() throws Exception {
        recordReadsOf(2);
        long seq = jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single();
        UUID id = jdbc.sql("SELECT id FROM audit_event WHERE seq = ?").param(seq).query(UUID.class).single();

        String fragment = transactions.execute(status -> {
            status.setRollbackOnly();
            Tampering.allowChangesInThisTransaction(jdbc);
            jdbc.sql("UPDATE audit_event SET outcome = 'DENIED' WHERE seq = ?").param(seq).update();
            return html(get("/audit/verify").header("HX-Request", "true"));
        });

        String warning = Jsoup.parseBodyFragment(fragment).selectFirst("[data-testid=audit-chain-broken]").text();
        assertThat(warning).contains("No. " + seq).contains(id.toString());
    }

    @Test
    void speaksRussianAndKazakh() throws Exception {
        assertThat(page(get("/audit").param("lang", "ru")).selectFirst("h1").text()).isEqualTo("Журнал аудита");
        assertThat(page(get("/audit").param("lang", "kk")).selectFirst("h1").text()).isEqualTo("Аудит журналы");
    }

    @Test
    void recordsThatTheAuditorReadTheTrail() throws Exception {
        String subject = recordReadsOf(1);

        page(get("/audit").param("subjectId", subject));

        String last = jdbc.sql("SELECT actor || ' ' || action || ' ' || details FROM audit_event ORDER BY seq DESC LIMIT 1")
                .query(String.class).single();
        assertThat(last).isEqualTo("page-auditor AUDIT_EVENTS_READ subjectId=" + subject + " page=0 size=" + AuditController.PAGE_SIZE);
    }

    @Test
    @WithMockUser(roles = "PARTNER_CASEWORKER")
    void refusesThePageToOtherRoles() throws Exception {
        mvc.perform(get("/audit").accept("text/html")).andExpect(status().isForbidden());
        mvc.perform(get("/audit/verify").accept("text/html")).andExpect(status().isForbidden());
    }

    private String recordReadsOf(int count) {
        String subject = UUID.randomUUID().toString();
        for (int i = 0; i < count; i++) {
            trail.record(AuditFixtures.anActor("officer" + i), AuditFixtures.aPersonRead(subject));
        }
        return subject;
    }

    private Document page(MockHttpServletRequestBuilder request) {
        return Jsoup.parse(html(request));
    }

    private String html(MockHttpServletRequestBuilder request) {
        try {
            var response = mvc.perform(request.with(TestCaller.anAuditor("page-auditor")).accept("text/html"))
                    .andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getContentType()).startsWith("text/html").contains("UTF-8");
            return response.getContentAsString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
