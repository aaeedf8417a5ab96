package org.pana.access;

import jakarta.servlet.http.HttpServletRequest;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: the JSON API ({@code /api/**}, stateless, bearer tokens, problem+json answers)
 * and the pages (form login, CSRF, sessions in the database). Everything needs a signed-in caller
 * except the sign-in page, health, static assets and the error page. Both send the security headers
 * of security.md #37.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    static final String[] PUBLIC_PAGES = {"/login", "/error", "/webjars/**", "/css/**", "/js/**", "/assets/**", "/favicon.ico",
            "/actuator/health", "/actuator/health/**",
            // Anyone may verify a document's QR code, without an account (issue 6); the QR holds the upper-case URL.
            "/verify/**", "/VERIFY/**"};

    @Bean
    AuthenticationProvider signInProvider(SignIn signIn) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
                try {
                    PanaUser user = signIn.authenticate(authentication.getName(), String.valueOf(authentication.getCredentials()), address);
                    return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                } catch (SignIn.Failed e) {
                    throw new BadCredentialsException(e.getMessage());
                } catch (SignIn.Throttled e) {
                    throw new SignInThrottledException(e.getMessage());
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AuditTrail audit) throws Exception {
        RequestMatcher api = request -> path(request).startsWith("/api/") && !path(request).startsWith("/api/docs");
        http.securityMatcher(api)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterAfter(new ApiTokenFilter(tokens, audit), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "Sign in first: send Authorization: Bearer <token> from POST /api/v1/auth/token.");
                        })
                        .accessDeniedHandler((request, response, ex) -> {
                            audit.recordSeparately(AuditEntry.denied("ACCESS_DENIED", "ENDPOINT", null).withDetails(request.getMethod() + " " + path(request)));
                            Problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this action.");
                        }));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Accounts accounts, AuditTrail audit, java.time.Clock clock,
            @Value("${management.server.port:-1}") int managementPort,
            @Value("${pana.session.absolute-lifetime:PT12H}") java.time.Duration absoluteLifetime) throws Exception {
        // Only page navigations are remembered for after sign-in: a stylesheet or font fetched while signed
        // out must not overwrite the page the user asked for, nor race with it on the session row.
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && String.valueOf(request.getHeader("Accept")).contains("text/html"));
        // On a separate management port (bound to an internal address, docs/operations.md) Prometheus may scrape.
        RequestMatcher managementPortMetrics = request -> managementPort > 0 && request.getLocalPort() == managementPort
                && path(request).startsWith("/actuator/prometheus");
        http.requestCache(cache -> cache.requestCache(requestCache))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers(managementPortMetrics).permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .defaultSuccessUrl("/", true)
                        .failureHandler((request, response, ex) -> response.sendRedirect(request.getContextPath()
                                + (ex instanceof SignInThrottledException ? "/login?throttled" : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof PanaUser user) {
                                audit.recordSeparately(org.pana.audit.AuditActor.of(user, request.getRemoteAddr()),
                                        AuditEntry.success("SIGN_OUT", "USER", user.userId()));
                            }
                        }))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterAfter(new ActiveAccountFilter(accounts, clock, absoluteLifetime), SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, ex) -> {
                    audit.recordSeparately(AuditEntry.denied("ACCESS_DENIED", "PAGE", null).withDetails(request.getMethod() + " " + path(request)));
                    if (Problems.wantsJson(request)) {
                        Problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this action.");
                    } else {
                        response.sendError(HttpStatus.FORBIDDEN.value());
                    }
                }));
        headers(http);
        return http.build();
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)
                        .requestMatcher(AnyRequestMatcher.INSTANCE))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny()));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Sign-in refused because of too many recent failures for the username. */
    static final class SignInThrottledException extends AuthenticationException {
        SignInThrottledException(String message) {
            super(message);
        }
    }
}
