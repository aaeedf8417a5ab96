package org.pana.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pana.registration.PersonFixtures.change;
import static org.pana.registration.PersonFixtures.register;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Every newly flagged specific need goes to protection staff's review list (domain.md). */
@SpringBootTest
@AutoConfigureMockMvc
class ProtectionReviewTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    private String openItems(String token) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/protection-review?size=100").header("Authorization", token))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private List<String> openCodesOf(String token, String personId) throws Exception {
        return JsonPath.read(openItems(token), "$.items[?(@.personId == '" + personId + "')].needCode");
    }

    @Test
    void listsEachNewlyFlaggedNeedForProtectionStaffAndMarksItReviewed() throws Exception {
        String officer = TestApi.bearer(mvc, "registration.officer");
        String monitor = TestApi.bearer(mvc, "unhcr.monitor");
        String id = register(mvc, officer, PersonFixtures.aPerson().replace("\"specificNeeds\": []", "\"specificNeeds\": [\"SC-UC\", \"SV-VA\"]"));
        assertThat(openCodesOf(monitor, id)).containsExactlyInAnyOrder("SC-UC", "SV-VA");
        assertThat((List<Boolean>) JsonPath.read(openItems(monitor), "$.items[?(@.needCode == 'SV-VA' && @.personId == '" + id + "')].sensitive"))
                .containsExactly(true);

        assertThat(change(mvc, officer, id, "\"0\"", "{\"reason\": \"At risk of return\", \"specificNeeds\": [\"SC-UC\", \"SV-VA\", \"LP-RR\"]}")
                .getStatus()).isEqualTo(200);
        assertThat(openCodesOf(officer, id)).containsExactlyInAnyOrder("SC-UC", "SV-VA", "LP-RR");

        String itemId = JsonPath.<List<String>>read(openItems(monitor), "$.items[?(@.needCode == 'LP-RR' && @.personId == '" + id + "')].id").get(0);
        MockHttpServletResponse reviewed = mvc.perform(post("/api/v1/protection-review/" + itemId + "/reviewed").header("Authorization", monitor))
                .andReturn().getResponse();
        assertThat(reviewed.getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(reviewed.getContentAsString(), "$.status")).isEqualTo("REVIEWED");
        assertThat(openCodesOf(monitor, id)).containsExactlyInAnyOrder("SC-UC", "SV-VA");
        assertThat(mvc.perform(post("/api/v1/protection-review/" + itemId + "/reviewed").header("Authorization", monitor))
                .andReturn().getResponse().getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PROTECTION_NEED_REVIEWED' AND subject_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void keepsTheListFromOtherRolesAndOtherJurisdictions() throws Exception {
        for (String user : List.of("border.officer", "legal.partner", "statistician", "admin")) {
            assertThat(mvc.perform(get("/api/v1/protection-review").header("Authorization", TestApi.bearer(mvc, user)))
                    .andReturn().getResponse().getStatus()).as(user).isEqualTo(403);
        }
        assertThat(mvc.perform(post("/api/v1/protection-review/" + UUID.randomUUID() + "/reviewed")
                .header("Authorization", TestApi.bearer(mvc, "unhcr.monitor"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
