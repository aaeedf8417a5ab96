package org.pana.border;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pana.access.PanaUser;
import org.pana.platform.IdempotentRequests;
import org.pana.registration.BirthDatePrecision;
import org.pana.registration.DocumentType;
import org.pana.registration.DuplicateCandidate;
import org.pana.registration.NameKind;
import org.pana.registration.PersonAccess;
import org.pana.registration.PersonDetails;
import org.pana.registration.PersonSummary;
import org.pana.registration.Registry;
import org.pana.registration.Sex;
import org.pana.registration.SpecificNeedCatalogue;
import org.pana.registration.SpecificNeedCode;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The border officer's encounter form (issue 4, items 1 and 5). The page works without a network: its
 * script queues each saved encounter in the browser with an {@code Idempotency-Key} made once at save
 * time, and sends it here as the JSON body of the API when the link returns. A service worker keeps the
 * page and its assets so that it also reloads offline. Saving goes through the same idempotent create as
 * {@code POST /api/v1/border/encounters}, so a retry by either path returns the first answer.
 */
@Controller
@RequestMapping("/border")
@PreAuthorize("hasRole('BORDER_OFFICER')")
class EncounterPages {

    /**
     * How a companion is related to the person met, as registration's household relationships name it
     * (the household is registered under the person met, so the focal point is not a choice). Border may
     * not use registration's internal household types; a test keeps the two lists equal.
     */
    static final List<String> COMPANION_RELATIONSHIPS = List.of("SPOUSE", "SON", "DAUGHTER", "STEPSON", "STEPDAUGHTER",
            "FOSTER_CHILD", "FATHER", "MOTHER", "BROTHER", "SISTER", "GRANDCHILD", "GRANDPARENT", "SON_IN_LAW", "DAUGHTER_IN_LAW",
            "NEPHEW_OR_NIECE", "UNCLE_OR_AUNT", "COUSIN", "OTHER_RELATIVE", "NOT_RELATED");

    /** Languages of leaflets and interpreters at Kazakhstan's borders; each has a name in the bundle. */
    static final List<String> INFORMATION_LANGUAGES = List.of("rus", "kaz", "eng", "prs", "pus", "fas", "tgk", "uzb", "kir", "tuk",
            "uig", "ara", "urd", "tur", "zho", "fra");

    private static final int MAX_CANDIDATES = 5;
    private static final Resource SERVICE_WORKER = new ClassPathResource("border/service-worker.js");

    /** A choice in a select: the code sent, the name shown. */
    record Option(String code, String label) {}

    record NeedGroup(String category, List<SpecificNeedCode> codes) {}

    record CandidateJson(UUID personId, String registrationNumber, int score, boolean likelyDuplicate, String name, String born,
            List<String> nationalities) {}

    /** What the page's script needs before it sends: whose queue this is and a fresh CSRF token. */
    record SessionJson(String owner, String csrfHeader, String csrfToken) {}

    private final BorderPoints points;
    private final BorderApi api;
    private final Registry registry;
    private final PersonAccess access;
    private final SpecificNeedCatalogue needs;
    private final MessageSource messages;
    private final Map<Locale, List<Option>> countries = new ConcurrentHashMap<>();

    EncounterPages(BorderPoints points, BorderApi api, Registry registry, PersonAccess access, SpecificNeedCatalogue needs,
            MessageSource messages) {
        this.points = points;
        this.api = api;
        this.registry = registry;
        this.access = access;
        this.needs = needs;
        this.messages = messages;
    }

    @GetMapping("/encounters/new")
    String form(@AuthenticationPrincipal PanaUser caller, Model model, Locale locale) {
        model.addAttribute("points", points.of(caller.jurisdiction()));
        model.addAttribute("jurisdiction", caller.jurisdiction());
        model.addAttribute("owner", ownerOf(caller));
        model.addAttribute("arrivals", Encounters.ARRIVALS.stream().sorted().toList());
        model.addAttribute("profiles", List.of("ASYLUM_SEEKER", "UNACCOMPANIED_OR_SEPARATED_CHILD", "POSSIBLE_VICTIM_OF_TRAFFICKING",
                "OTHER_SPECIFIC_NEEDS", "OTHER_MIGRANT"));
        model.addAttribute("languages", INFORMATION_LANGUAGES.stream()
                .map(code -> new Option(code, messages.getMessage("encounter-form.language." + code, null, code, locale)))
                .sorted(Comparator.comparing(Option::label, Collator.getInstance(locale))).toList());
        model.addAttribute("countries", countries(locale));
        model.addAttribute("scripts", List.of("Latn", "Cyrl", "Arab"));
        model.addAttribute("nameKinds", NameKind.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("precisions", BirthDatePrecision.values());
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("relationships", COMPANION_RELATIONSHIPS);
        boolean seesSensitive = access.seesSensitive(caller);
        Map<String, List<SpecificNeedCode>> byCategory = new LinkedHashMap<>();
        for (SpecificNeedCode code : needs.codes()) {
            if (code.sensitive() && !seesSensitive) continue;
            byCategory.computeIfAbsent(code.category(), c -> new ArrayList<>()).add(code);
        }
        model.addAttribute("needGroups", byCategory.entrySet().stream().map(e -> new NeedGroup(e.getKey(), e.getValue())).toList());
        return "border/encounter-new";
    }

    /**
     * Whose queue the browser holds and a CSRF token for this session. The owner is derived from the
     * signed-in officer, not from the session itself, so a session that times out at a post with no link
     * does not orphan what the officer saved; another officer signing in on the same browser gets another
     * owner and neither sees nor sends those entries.
     */
    @GetMapping(path = "/encounters/session", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<SessionJson> session(@AuthenticationPrincipal PanaUser caller, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new SessionJson(ownerOf(caller), csrf.getHeaderName(), csrf.getToken()));
    }

    /** The API's body and answer, with the page's CSRF protection (security.md #21). */
    @PostMapping(path = "/encounters", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> record(@AuthenticationPrincipal PanaUser caller, @RequestBody Encounters.EncounterRecord form,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return api.recordOnce(caller, form, key);
    }

    /**
     * The registered people the person met may be (nothing is saved), as matching scores them, with
     * enough to recognise each; every person shown is audited by {@link Registry}.
     */
    @PostMapping(path = "/encounters/duplicate-candidates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, List<CandidateJson>>> duplicateCandidates(@AuthenticationPrincipal PanaUser caller,
            @RequestBody PersonDetails person, Locale locale) {
        List<DuplicateCandidate> found = registry.duplicateCandidates(caller, person, MAX_CANDIDATES);
        Map<UUID, PersonSummary> people = registry.summaries(caller, found.stream().map(DuplicateCandidate::personId).toList()).stream()
                .collect(Collectors.toMap(PersonSummary::id, Function.identity()));
        List<CandidateJson> candidates = found.stream().filter(c -> people.containsKey(c.personId())).map(c -> {
            PersonSummary summary = people.get(c.personId());
            return new CandidateJson(c.personId(), c.registrationNumber(), (int) Math.round(c.score() * 100), c.likelyDuplicate(),
                    summary.names().stream().map(EncounterPages::fullName).collect(Collectors.joining(" / ")),
                    summary.birthDate() == null ? "" : String.valueOf(summary.birthDate().getYear()),
                    summary.nationalities().stream().map(n -> country(n, locale)).toList());
        }).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("candidates", candidates));
    }

    /**
     * The service worker that keeps the form available offline. Served from outside {@code static/} so
     * that it is checked for updates on every visit ({@code no-cache}) and may control {@code /border/}.
     */
    @GetMapping(path = "/service-worker.js", produces = "text/javascript")
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).header("Service-Worker-Allowed", "/border/")
                .contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8")).body(SERVICE_WORKER);
    }

    /** The same officer always gets the same owner; it reveals nothing about them to someone reading the browser's storage. */
    static String ownerOf(PanaUser caller) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("pana-border-queue:" + caller.userId()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fullName(PersonDetails.Name name) {
        return java.util.stream.Stream.of(name.given(), name.patronymic(), name.family()).filter(p -> p != null && !p.isBlank())
                .collect(Collectors.joining(" "));
    }

    private List<Option> countries(Locale locale) {
        return countries.computeIfAbsent(locale, l -> {
            List<Option> options = new ArrayList<>();
            for (String alpha2 : Locale.getISOCountries()) {
                options.add(new Option(new Locale("", alpha2).getISO3Country(), new Locale("", alpha2).getDisplayCountry(l)));
            }
            options.sort(Comparator.comparing(Option::label, Collator.getInstance(l)));
            options.add(0, new Option("XXX", country("XXX", l)));
            options.add(0, new Option("XXA", country("XXA", l)));
            return List.copyOf(options);
        });
    }

    private String country(String code, Locale locale) {
        if (code.equals("XXA") || code.equals("XXX")) return messages.getMessage("encounter-form.country." + code, null, code, locale);
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = new Locale("", alpha2);
            if (country.getISO3Country().equals(code)) return country.getDisplayCountry(locale);
        }
        return code;
    }
}
