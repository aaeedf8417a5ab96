package org.pana.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pana.platform.NotFound;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** security.md #31: an internal error answers a generic problem with a correlation id; the stack trace goes only to the log. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemHandlerTests {

    @RestController
    static class Failing {
        @GetMapping("/api/v1/failing")
        String fail() {
            throw new IllegalStateException("SELECT secret FROM canary_table_9f3c");
        }

        @GetMapping("/api/v1/missing")
        String missing() {
            throw new NotFound("Person");
        }
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ProblemHandler())
            .addFilters(new CorrelationIdFilter()).build();

    @Test
    void answersAnInternalErrorGenericallyAndLogsItUnderTheCorrelationId(CapturedOutput log) throws Exception {
        var response = mvc.perform(get("/api/v1/failing"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:pana:problem:internal-error"))
                .andReturn().getResponse();
        String body = response.getContentAsString();
        String correlationId = JsonPath.read(body, "$.correlationId");
        assertThat(correlationId).isNotBlank().isEqualTo(response.getHeader("X-Correlation-Id"));
        assertThat(body).doesNotContain("canary_table_9f3c").doesNotContain("IllegalStateException").doesNotContain("at org.");
        assertThat(log.getAll()).contains(correlationId).contains("IllegalStateException").contains("at org.pana");
    }

    @Test
    void answersNotFoundWithTheSameBodyWhateverWasLookedFor() throws Exception {
        mvc.perform(get("/api/v1/missing"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("The requested record was not found."))
                .andExpect(jsonPath("$.type").value("urn:pana:problem:not-found"));
    }
}
