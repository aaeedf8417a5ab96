package org.pana.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pana.platform.TimeOrderedIds;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DuplicateScanApiTests {

    @Autowired MockMvc mvc;
    @Autowired MatchIndex index;
    @Autowired TimeOrderedIds ids;

    @Test
    void startsAScanOfTheOfficersJurisdictionAndShowsClustersWithoutNames() throws Exception {
        for (String[] n : new String[][] {{"Rahim", "Sultani", "Latn"}, {"Рахим", "Султани", "Cyrl"}}) {
            index.index(new MatchProfile(ids.next(), "KAZ", List.of(new MatchName(n[0], n[1], null, n[2])), "M",
                    LocalDate.of(1979, 11, 3), "DAY", List.of("AFG"), List.of()));
        }
        String officer = TestApi.bearer(mvc, "registration.officer");

        String location = mvc.perform(post("/api/v1/matching/scans").header("Authorization", officer))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/matching/scans/")))
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andReturn().getResponse().getHeader("Location");

        await().atMost(Duration.ofSeconds(30)).until(() -> !"RUNNING".equals(JsonPath.read(
                mvc.perform(get(location).header("Authorization", officer)).andReturn().getResponse().getContentAsString(), "$.status")));
        String body = mvc.perform(get(location + "?page=0&size=50").header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.clusters.items[0].pairs[0].score").isNumber())
                .andExpect(jsonPath("$.clusters.items[0].pairs[0].reasons[0]").isString())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Rahim", "Рахим", "Sultani", "Султани");
    }

    @Test
    void refusesCallersWithoutTheRegistrationOfficerRole() throws Exception {
        mvc.perform(post("/api/v1/matching/scans").header("Authorization", TestApi.bearer(mvc, "statistician")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/matching/scans")).andExpect(status().isUnauthorized());
    }

    @Test
    void answersNotFoundForAnUnknownScan() throws Exception {
        mvc.perform(get("/api/v1/matching/scans/" + ids.next()).header("Authorization", TestApi.bearer(mvc, "registration.officer")))
                .andExpect(status().isNotFound());
    }

    @Test
    void rejectsAPageSizeOutOfRange() throws Exception {
        String officer = TestApi.bearer(mvc, "registration.officer");
        mvc.perform(get("/api/v1/matching/scans/" + ids.next() + "?size=0").header("Authorization", officer))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/matching/scans/" + ids.next() + "?size=abc").header("Authorization", officer))
                .andExpect(status().isBadRequest());
    }

    @Test
    void answersBadRequestForAMalformedScanId() throws Exception {
        mvc.perform(get("/api/v1/matching/scans/not-a-uuid").header("Authorization", TestApi.bearer(mvc, "registration.officer")))
                .andExpect(status().isBadRequest());
    }
}
