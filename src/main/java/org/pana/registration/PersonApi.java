package org.pana.registration;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.IdempotentRequests;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.Versions;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * People over JSON (api.md "People (registration)" and "Duplicate candidates"). Every role that works
 * with people may call these endpoints; which people and which fields each caller gets is decided by
 * {@link Registry}. Names and document numbers travel only in bodies, never in URLs.
 */
@RestController
@RequestMapping("/api/v1/persons")
@PreAuthorize(PersonAccess.CALLERS)
class PersonApi {

    static final String MERGE_PATCH = "application/merge-patch+json";
    /** Fields a client may send back but never sets: ignored in a patch, as in a create. */
    static final Set<String> SERVER_FIELDS = Set.of("id", "registrationNumber", "version", "createdAt", "updatedAt", "organisationId",
            "status", "assignedTo");

    private final Registry registry;
    private final IdempotentRequests idempotency;
    private final JsonMapper json;
    private final MessageSource messages;

    PersonApi(Registry registry, IdempotentRequests idempotency, JsonMapper json, MessageSource messages) {
        this.registry = registry;
        this.idempotency = idempotency;
        this.json = json;
        this.messages = messages;
    }

    record SearchRequest(String query, Integer page, Integer size) {}

    record CandidateJson(UUID personId, String registrationNumber, double score, boolean likelyDuplicate, List<String> reasons) {}

    @PostMapping
    @PreAuthorize("hasRole('REGISTRATION_OFFICER')")
    ResponseEntity<?> register(@AuthenticationPrincipal PanaUser caller, @RequestBody PersonDetails person,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.createOnce("person.create", key, person, () -> {
            PersonView created = registry.register(caller, person);
            return ResponseEntity.created(URI.create("/api/v1/persons/" + created.id()))
                    .header(HttpHeaders.ETAG, Versions.etag(created.version())).body(created);
        });
    }

    @GetMapping("/{id}")
    ResponseEntity<PersonView> person(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        PersonView person = registry.find(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(person.version())).body(person);
    }

    /**
     * JSON Merge Patch (RFC 7396) of the person as the caller sees it, with {@code reason} (required)
     * saying why. Sent as {@code application/merge-patch+json} or {@code application/json}.
     */
    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, "application/json"})
    ResponseEntity<PersonView> change(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = Versions.fromIfMatch(ifMatch);
        if (patch == null || !patch.isObject()) throw RuleViolation.onField("", "Send the changes as a JSON object.");
        ObjectNode changes = ((ObjectNode) patch).deepCopy();
        JsonNode reason = changes.remove("reason");
        if (reason != null && !reason.isNull() && !reason.isString()) throw RuleViolation.onField("reason", "Say why in words.");
        SERVER_FIELDS.forEach(changes::remove);
        PersonView changed = registry.update(caller, id, version, current -> merged(current, changes),
                reason == null || reason.isNull() ? null : reason.asString());
        return ResponseEntity.ok().eTag(Versions.etag(changed.version())).body(changed);
    }

    @GetMapping("/{id}/history")
    ResultPage<HistoryEntry> history(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return registry.history(caller, id, page, size);
    }

    @PostMapping("/search")
    ResultPage<PersonSummary> search(@AuthenticationPrincipal PanaUser caller, @RequestBody SearchRequest request) {
        return registry.search(caller, request.query(), request.page() == null ? 0 : request.page(),
                request.size() == null ? 20 : request.size());
    }

    /**
     * Up to {@value Registry#MAX_BATCH} people in one transaction: each item answers 201 or 422 with its
     * problem; a retry with the same {@code Idempotency-Key} returns the first answer and saves nothing again.
     */
    @PostMapping("/batch")
    @PreAuthorize("hasRole('REGISTRATION_OFFICER')")
    ResponseEntity<?> registerAll(@AuthenticationPrincipal PanaUser caller, @RequestBody List<JsonNode> items,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        if (items.size() > Registry.MAX_BATCH) {
            throw new RuleViolation("batch-too-large", "Send at most " + Registry.MAX_BATCH + " people in one batch; nothing was saved.",
                    List.of(new FieldProblem("", "At most " + Registry.MAX_BATCH + " items.")));
        }
        return idempotency.createOnce("person.batch", key, items, () -> {
            List<PersonDetails> readable = new ArrayList<>();
            List<Integer> readableIndex = new ArrayList<>();
            Map<Integer, List<FieldProblem>> unreadable = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                try {
                    JsonNode item = items.get(i);
                    if (item == null || !item.isObject()) throw RuleViolation.onField("", "Each item is a person object.");
                    readable.add(json.treeToValue(item, PersonDetails.class));
                    readableIndex.add(i);
                } catch (RuleViolation e) {
                    unreadable.put(i, e.errors());
                } catch (JacksonException e) {
                    unreadable.put(i, List.of(unreadableField(e)));
                }
            }
            List<Registry.Registration> registered = registry.registerAll(caller, readable);
            List<Map<String, Object>> results = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) results.add(null);
            unreadable.forEach((index, problems) -> results.set(index, refused(index, problems)));
            for (int r = 0; r < registered.size(); r++) {
                int index = readableIndex.get(r);
                Registry.Registration outcome = registered.get(r);
                if (outcome.registered()) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("index", index);
                    result.put("status", 201);
                    result.put("id", outcome.id());
                    result.put("registrationNumber", outcome.registrationNumber());
                    results.set(index, result);
                } else {
                    results.set(index, refused(index, outcome.problems()));
                }
            }
            return ResponseEntity.ok(Map.of("results", results));
        });
    }

    @PostMapping("/duplicate-candidates")
    Map<String, List<CandidateJson>> duplicateCandidates(@AuthenticationPrincipal PanaUser caller, @RequestBody PersonDetails person,
            @RequestParam(defaultValue = "10") int limit, HttpServletRequest request, Locale locale) {
        Locale language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null ? request.getLocale() : locale;
        List<CandidateJson> candidates = registry.duplicateCandidates(caller, person, limit).stream()
                .map(c -> new CandidateJson(c.personId(), c.registrationNumber(), c.score(), c.likelyDuplicate(),
                        MatchReasonTexts.render(messages, c.reasons(), language)))
                .toList();
        return Map.of("candidates", candidates);
    }

    private PersonDetails merged(PersonDetails current, ObjectNode changes) {
        JsonNode merged = MergePatch.apply(json.valueToTree(current), changes);
        try {
            return json.treeToValue(merged, PersonDetails.class);
        } catch (JacksonException e) {
            FieldProblem problem = unreadableField(e);
            throw new RuleViolation("validation", "The change has invalid fields.", List.of(problem));
        }
    }

    private static FieldProblem unreadableField(JacksonException e) {
        String field = "";
        if (e instanceof DatabindException databind) {
            StringBuilder path = new StringBuilder();
            for (var ref : databind.getPath()) {
                if (ref.getPropertyName() != null) {
                    if (!path.isEmpty()) path.append('.');
                    path.append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        return new FieldProblem(field, e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException
                ? "Unknown field." : "This field has the wrong type.");
    }

    private static Map<String, Object> refused(int index, List<FieldProblem> problems) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:pana:problem:validation");
        problem.put("title", "Unprocessable Content");
        problem.put("status", 422);
        problem.put("detail", "The person has invalid fields.");
        problem.put("errors", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        result.put("status", 422);
        result.put("problem", problem);
        return result;
    }
}
