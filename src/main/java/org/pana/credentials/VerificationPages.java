package org.pana.credentials;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pana.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public verification of a document's QR code, without an account (issue 6, item 3): the page (or JSON with
 * {@code Accept: application/json}) says valid, expired, replaced, revoked or not genuine, and for a genuine code
 * shows the type, number, validity and the holder's names and photo as printed, nothing else. Also the published
 * public keys and the offline verifier that checks signatures in the browser where there is no network.
 *
 * <p>Every answer about a code is rate-limited per client address and counted per document and day; nothing
 * about who asked is kept. A code that is not genuine gets the same answer whatever is wrong with it.
 */
@Controller
class VerificationPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Resource SERVICE_WORKER = new ClassPathResource("credentials/verify-service-worker.js");

    private final IssuedDocuments documents;
    private final SigningKeys keys;
    private final VerificationCounts counts;
    private final VerificationThrottle throttle;
    private final WorkingCalendar calendar;
    private final String defaultJurisdiction;
    private final java.time.Clock clock;

    VerificationPages(IssuedDocuments documents, SigningKeys keys, VerificationCounts counts, VerificationThrottle throttle, WorkingCalendar calendar,
            @Value("${pana.jurisdiction.default:KAZ}") String defaultJurisdiction, java.time.Clock clock) {
        this.documents = documents;
        this.keys = keys;
        this.counts = counts;
        this.throttle = throttle;
        this.calendar = calendar;
        this.defaultJurisdiction = defaultJurisdiction;
        this.clock = clock;
    }

    @GetMapping({"/verify/{code}", "/VERIFY/{code}"})
    ModelAndView verify(@PathVariable String code, HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        boolean json = wantsJson(request);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        if (!throttle.admits("code", request.getRemoteAddr())) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttle.secondsLeft()));
            if (json) {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "about:blank#too-many-requests");
                problem.put("title", "Too Many Requests");
                problem.put("status", 429);
                problem.put("detail", "Too many verifications from this address: try again in a minute.");
                return writeJson(response, HttpStatus.TOO_MANY_REQUESTS, MediaType.APPLICATION_PROBLEM_JSON, problem);
            }
            ModelAndView tooMany = new ModelAndView("credentials/verify-too-many");
            tooMany.setStatus(HttpStatus.TOO_MANY_REQUESTS);
            return tooMany;
        }
        IssuedDocuments.Verification verification = documents.verify(code);
        count(verification);
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", verification.status().name());
            if (verification.document() != null) {
                body.put("type", verification.document().type().name());
                body.put("number", verification.document().number());
                body.put("validUntil", verification.document().validUntil() == null ? null : verification.document().validUntil().toString());
            }
            return writeJson(response, HttpStatus.OK, MediaType.APPLICATION_JSON, body);
        }
        ModelAndView model = new ModelAndView("credentials/verify");
        model.addObject("status", verification.status().name());
        if (verification.document() != null) {
            IssuedDocument document = verification.document();
            PrintedFields printed = verification.printed();
            model.addObject("type", document.type().name());
            model.addObject("number", document.number());
            model.addObject("validFrom", DAY.format(document.validFrom()));
            model.addObject("validUntil", document.validUntil() == null ? null : DAY.format(document.validUntil()));
            model.addObject("names", printed.names() == null ? List.of() : printed.names());
            model.addObject("photoUrl", documents.hasPhoto(document.id()) ? "/verify/" + code.toUpperCase(java.util.Locale.ROOT) + "/photo" : null);
        }
        return model;
    }

    /** Writes the JSON answer itself: the same path answers a page or JSON by the Accept header. */
    private static ModelAndView writeJson(HttpServletResponse response, HttpStatus status, MediaType type, Map<String, Object> body) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(type.toString());
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
        return null;
    }

    /** The holder's photo as printed, for a genuine code only. */
    @GetMapping({"/verify/{code}/photo", "/VERIFY/{code}/photo"})
    ResponseEntity<byte[]> photo(@PathVariable String code, HttpServletRequest request) {
        if (!throttle.admits("photo", request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(throttle.secondsLeft())).build();
        }
        Optional<byte[]> photo = documents.photo(code);
        if (photo.isEmpty()) return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore()).build();
        byte[] bytes = photo.get();
        MediaType type = bytes.length > 3 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG;
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(type).header("X-Content-Type-Options", "nosniff").body(bytes);
    }

    /** The public keys that sign codes, active and retired, for verifying offline (raw 32-byte Ed25519 keys, base64url). */
    @GetMapping(path = {"/verify/keys.json", "/VERIFY/KEYS.JSON"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> publicKeys() {
        List<Map<String, Object>> published = keys.all().stream().map(key -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", key.keyId());
            entry.put("jurisdiction", key.jurisdiction());
            entry.put("key", Base64.getUrlEncoder().withoutPadding().encodeToString(key.rawPublicKey()));
            entry.put("created", key.createdAt().toString());
            entry.put("retired", key.retiredAt() == null ? null : key.retiredAt().toString());
            return entry;
        }).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(Map.of("keys", published));
    }

    /** The offline verifier: checks a code's signature in the browser with the published keys it keeps. */
    @GetMapping({"/verify/offline", "/VERIFY/OFFLINE"})
    String offline(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
        return "credentials/verify-offline";
    }

    /** Keeps the offline verifier and its assets in the browser; checked for updates on every visit. */
    @GetMapping(path = "/verify/service-worker.js", produces = "text/javascript")
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                .body(SERVICE_WORKER);
    }

    private void count(IssuedDocuments.Verification verification) {
        IssuedDocument document = verification.document();
        counts.count(document == null ? null : document.id(), today(document == null ? defaultJurisdiction : document.jurisdiction()));
    }

    private LocalDate today(String jurisdiction) {
        try {
            return calendar.today(jurisdiction);
        } catch (RuntimeException unknownJurisdiction) {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }
}
