package org.pana.audit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.UUID;
import org.pana.platform.CallerIdentity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A signed-in caller as the access module's principal will look to the pages: the layout shows its
 * display and organisation names. Used where {@code @WithMockUser}'s plain principal is not enough.
 */
record TestCaller(UUID userId, String username, UUID organisationId, String organisationName, String jurisdiction,
        String displayName) implements CallerIdentity {

    static RequestPostProcessor anAuditor(String username) {
        TestCaller caller = new TestCaller(UUID.randomUUID(), username, UUID.randomUUID(), "Ministry of Internal Affairs", "KAZ",
                "Auditor " + username);
        return authentication(new UsernamePasswordAuthenticationToken(caller, null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));
    }
}
