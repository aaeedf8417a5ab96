package org.pana.calendar;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.List;
import java.util.UUID;
import org.pana.platform.CallerIdentity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A signed-in caller for page tests. The shared layout shows the principal's display and organisation
 * names, which {@code @WithMockUser}'s principal does not have; the access module's principal will.
 */
record SignedInOfficer(UUID userId, String username, UUID organisationId, String organisationName, String jurisdiction)
        implements CallerIdentity {

    static RequestPostProcessor anOfficerOf(String jurisdiction) {
        SignedInOfficer officer = new SignedInOfficer(UUID.randomUUID(), "eligibility.officer", UUID.randomUUID(),
                "Department of Employment and Social Programmes", jurisdiction);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(officer, null,
                List.of(new SimpleGrantedAuthority("ROLE_ELIGIBILITY_OFFICER"))));
    }

    public String getDisplayName() {
        return "Test Officer";
    }

    public String getOrganisationName() {
        return organisationName;
    }
}
