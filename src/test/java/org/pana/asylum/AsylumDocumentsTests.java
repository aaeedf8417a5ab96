package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pana.asylum.AsylumDocuments.Kind;
import org.pana.testing.TestApi;
import org.pana.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Which certificate a person may carry as the procedure moves on, and why an earlier one stops standing. */
@SpringBootTest
@AutoConfigureMockMvc
class AsylumDocumentsTests {

    @Autowired MockMvc mvc;
    @Autowired TestClock clock;
    @Autowired AsylumDocuments documents;

    @AfterEach
    void restore() {
        clock.reset();
    }

    LocalDate today() {
        return clock.instant().atZone(ZoneId.of("Asia/Almaty")).toLocalDate();
    }

    String send(String user, String path, String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(post(path).header("Authorization", TestApi.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " " + body + " " + response.getContentAsString()).isBetween(200, 201);
        return response.getContentAsString();
    }

    String step(String user, UUID id, String body) throws Exception {
        return send(user, "/api/v1/asylum/applications/" + id + "/transitions", body);
    }

    String person(String given, String birthDate) throws Exception {
        return JsonPath.read(send("registration.officer", "/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "%s", "family": "Karimi%s", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "FEMALE", "birthDate": "%s", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}"""
                .formatted(given, UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "k"), birthDate)), "$.id");
    }

    /** A registered, interviewed and assessed application of a mother with her daughter, all today. */
    UUID assessed(String recommendation) throws Exception {
        String mother = person("Shirin", "1988-03-03");
        String daughter = person("Nazanin", "2016-08-08");
        UUID id = UUID.fromString(JsonPath.read(send("registration.officer", "/api/v1/asylum/applications", """
                {"personId": "%s", "lodgedOn": "%s", "lodgedAt": "Almaty", "includedChildren": ["%s"]}""".formatted(mother, today(), daughter)),
                "$.id"));
        step("registration.officer", id, "{\"action\": \"REGISTER\", \"registeredOn\": \"%s\"}".formatted(today()));
        step("registration.officer", id, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"%s\"}".formatted(today()));
        step("eligibility.officer", id, "{\"action\": \"SCHEDULE_INTERVIEW\", \"at\": \"%s\", \"place\": \"Almaty\"}".formatted(clock.instant()));
        step("eligibility.officer", id, "{\"action\": \"RECORD_INTERVIEW\", \"heldOn\": \"%s\", \"record\": \"Q and A.\"}".formatted(today()));
        step("eligibility.officer", id, """
                {"action": "SUBMIT_ASSESSMENT", "recommendation": "%s", "grounds": ["RELIGION"], "summary": "As told.", "exclusionConsidered": true}"""
                .formatted(recommendation));
        return id;
    }

    void decide(UUID id, String outcome) throws Exception {
        step("decision.maker", id, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"%s\", \"reasons\": \"Reasons.\"}".formatted(outcome));
        step("decision.maker2", id, "{\"action\": \"APPROVE_DECISION\"}");
    }

    @Test
    void theAsylumSeekerCertificateStandsWhileTheClaimIsConsideredThenTheRefugeeCertificateUntilStatusEnds() throws Exception {
        UUID id = assessed("RECOGNISE");
        var seeker = documents.standing(id, Kind.ASYLUM_SEEKER_CERTIFICATE, today()).orElseThrow();
        assertThat(seeker.number()).endsWith("/1");
        assertThat(seeker.validFrom()).isEqualTo(today());
        assertThat(seeker.validUntil()).isEqualTo(today().plusMonths(3));
        assertThat(seeker.includedChildren()).hasSize(1);
        assertThat(documents.standing(id, Kind.REFUGEE_CERTIFICATE, today())).isEmpty();

        decide(id, "RECOGNISED");
        assertThat(documents.endedBecause(id, Kind.ASYLUM_SEEKER_CERTIFICATE, today())).hasValueSatisfying(why -> assertThat(why).contains("granted"));
        var refugee = documents.standing(id, Kind.REFUGEE_CERTIFICATE, today()).orElseThrow();
        assertThat(refugee.number()).endsWith("-R");
        assertThat(refugee.validFrom()).isEqualTo(today());
        assertThat(refugee.validUntil()).isEqualTo(today().plusMonths(12));
        assertThat(documents.standing(refugee.holderId(), today())).extracting(AsylumDocuments.Certificate::kind)
                .containsExactly(Kind.REFUGEE_CERTIFICATE, Kind.DECISION_LETTER);
        var letter = documents.standing(id, Kind.DECISION_LETTER, today()).orElseThrow();
        assertThat(letter.attests()).isEqualTo("RECOGNISED@" + today());
        assertThat(documents.endedBecause(id, Kind.DECISION_LETTER, letter.attests(), today())).isEmpty();
        assertThat(documents.endedBecause(id, Kind.DECISION_LETTER, "REJECTED@" + today(), today())).as("a letter of another decision")
                .hasValueSatisfying(why -> assertThat(why).contains("replaced"));

        step("decision.maker", id, "{\"action\": \"TERMINATE_STATUS\", \"ground\": \"VOLUNTARY_RETURN\", \"on\": \"%s\"}".formatted(today()));
        assertThat(documents.endedBecause(id, Kind.REFUGEE_CERTIFICATE, today())).hasValueSatisfying(why -> assertThat(why).contains("terminated"));
        assertThat(documents.endedBecause(id, Kind.DECISION_LETTER, letter.attests(), today())).as("the recognition no longer holds")
                .hasValueSatisfying(why -> assertThat(why).contains("terminated"));
        assertThat(documents.standing(refugee.holderId(), today())).isEmpty();
    }

    @Test
    void aRefusedApplicantKeepsTheCertificateWhileTheRefusalCanBeAppealed() throws Exception {
        UUID id = assessed("REJECT");
        decide(id, "REJECTED");
        assertThat(documents.standing(id, Kind.ASYLUM_SEEKER_CERTIFICATE, today())).as("not yet notified").isPresent();
        step("registration.officer", id, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"%s\"}".formatted(today()));
        LocalDate notified = today();
        assertThat(documents.standing(id, Kind.ASYLUM_SEEKER_CERTIFICATE, notified.plusMonths(1))).as("the last day of the window").isPresent();
        assertThat(documents.endedBecause(id, Kind.ASYLUM_SEEKER_CERTIFICATE, notified.plusMonths(1).plusDays(1)))
                .hasValueSatisfying(why -> assertThat(why).contains("no longer be appealed"));

        clock.advance(Duration.ofDays(3));
        step("appeals.officer", id, "{\"action\": \"LODGE_APPEAL\", \"level\": \"ADMINISTRATIVE\", \"lodgedOn\": \"%s\"}".formatted(today()));
        assertThat(documents.standing(id, Kind.ASYLUM_SEEKER_CERTIFICATE, today().plusMonths(6))).as("a suspensive appeal is pending").isPresent();
    }
}
