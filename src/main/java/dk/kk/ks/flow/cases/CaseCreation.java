package dk.kk.ks.flow.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates cases: validates the body, starts the case type's process with the ServiceNow record number
 * as business key, and recognises ServiceNow's retries (same record, same body: the same case).
 */
@Service
public class CaseCreation {

    private static final Logger log = LoggerFactory.getLogger(CaseCreation.class);

    /** The answer to a creation request: the case, and whether this request started it. */
    public record Creation(CaseView view, boolean created) {
    }

    private final CaseTypes caseTypes;
    private final RequestReader reader;
    private final IntakeRecords records;
    private final RuntimeService runtimeService;
    private final CaseViews caseViews;
    private final TransactionTemplate transaction;
    private final ObjectMapper objectMapper;
    private final CaseMetrics metrics;

    CaseCreation(CaseTypes caseTypes, RequestReader reader, IntakeRecords records, RuntimeService runtimeService,
                CaseViews caseViews, TransactionTemplate transaction, ObjectMapper objectMapper, CaseMetrics metrics) {
        this.caseTypes = caseTypes;
        this.reader = reader;
        this.records = records;
        this.runtimeService = runtimeService;
        this.caseViews = caseViews;
        this.transaction = transaction;
        this.objectMapper = objectMapper;
        this.metrics = metrics;
    }

    public Creation create(String caseTypeName, byte[] body) {
        CaseType<?> caseType = caseTypes.byName(caseTypeName)
                .orElseThrow(() -> new UnknownCaseTypeException(caseTypeName));
        return create(caseType, body);
    }

    private <R extends CaseRequest> Creation create(CaseType<R> caseType, byte[] body) {
        R request = reader.read(body, caseType.requestType(), caseType::validate);
        String hash = hash(request);
        Creation creation;
        try {
            // One transaction, so one connection from the pool per request: the lookup, the start and the answer.
            // If the answer cannot be read, the start rolls back with it and ServiceNow's retry starts the case
            // afresh; nothing external has happened yet, as every case type's first step is asynchronous.
            creation = transaction.execute(status -> {
                Optional<IntakeRecords.IntakeRecord> existing = records.find(caseType.name(), request.serviceNowRef());
                if (existing.isPresent()) {
                    return repeat(existing.get(), hash);
                }
                return new Creation(caseViews.viewOfStarted(start(caseType, request, hash), caseType), true);
            });
        } catch (DuplicateKeyException concurrentRetry) {
            return transaction.execute(status -> repeat(records.find(caseType.name(), request.serviceNowRef()).orElseThrow(), hash));
        }
        if (creation.created()) {
            log.info("Case {} of type {} started for {}", creation.view().caseId(), caseType.name(), request.serviceNowRef());
            metrics.started(caseType.name());
        }
        return creation;
    }

    /** Starts the case; the answer holds its variables as the start left them, so the view need not read them back. */
    private <R extends CaseRequest> ProcessInstanceWithVariables start(CaseType<R> caseType, R request, String hash) {
        Map<String, Object> variables = caseType.startVariables(request);
        ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(caseType.processKey())
                .businessKey(request.serviceNowRef())
                .setVariables(variables)
                .executeWithVariablesInReturn();
        records.insert(new IntakeRecords.IntakeRecord(caseType.name(), request.serviceNowRef(), hash, instance.getId()));
        return instance;
    }

    private Creation repeat(IntakeRecords.IntakeRecord existing, String hash) {
        if (!existing.requestHash().equals(hash)) {
            throw new CaseConflictException("A " + existing.caseType() + " case for " + existing.serviceNowRef()
                    + " already exists (" + existing.processInstanceId() + ") with a different body");
        }
        return new Creation(caseViews.view(existing.processInstanceId()), false);
    }

    /** A hash of the request as understood: unknown fields dropped, numbers compared by value (12.5 = 12.50). */
    private String hash(Object request) {
        JsonNode canonical = canonical(objectMapper.valueToTree(request));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(objectMapper.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash a request", e);
        }
    }

    private JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = objectMapper.createObjectNode();
            Iterator<String> names = node.fieldNames();
            java.util.List<String> ordered = new java.util.ArrayList<>();
            names.forEachRemaining(ordered::add);
            ordered.stream().sorted().forEach(name -> sorted.set(name, canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = objectMapper.createArrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        if (node.isNumber()) {
            return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
