package org.pana.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.TooManyRequests;
import org.pana.platform.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issues and revokes API bearer tokens (api.md, "Authentication"). */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApi {

    private final SignIn signIn;
    private final ApiTokens tokens;
    private final AuditTrail audit;

    AuthApi(SignIn signIn, ApiTokens tokens, AuditTrail audit) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.audit = audit;
    }

    record TokenRequest(@NotNull @Size(max = 100) String username, @NotNull @Size(max = 1000) String password) {}

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {}

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        try {
            PanaUser user = signIn.authenticate(request.username(), request.password(), http.getRemoteAddr());
            ApiTokens.IssuedToken token = tokens.issue(user);
            return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(new TokenResponse(token.value(), "Bearer", token.lifetime().toSeconds()));
        } catch (SignIn.Failed failed) {
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", failed.getMessage());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(Problems.PROBLEM_JSON_UTF8).body(problem);
        } catch (SignIn.Throttled throttled) {
            throw new TooManyRequests(throttled.getMessage(), throttled.retryAfter());
        }
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal PanaUser user, @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        tokens.revoke(authorization.substring(7).strip());
        audit.record(AuditEntry.success("SIGN_OUT", "USER", user.userId()));
        return ResponseEntity.noContent().build();
    }
}
