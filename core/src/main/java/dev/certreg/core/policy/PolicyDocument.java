package dev.certreg.core.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A checked AWS IoT policy document: its {@code Version} and its statements, in document order.
 *
 * <p>Immutable and thread-safe. Obtain one with {@link #parse(String)}; keep the caller's text as well, since
 * GetPolicy and GetPolicyVersion return the document byte for byte as it was given.
 *
 * @param version {@code 2012-10-17} or {@code 2008-10-17}
 * @param statements one or more statements
 */
public record PolicyDocument(String version, List<Statement> statements) {
    /** The largest document CreatePolicy and CreatePolicyVersion accept, counted without whitespace. */
    public static final int MAX_CHARACTERS = 2048;

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /**
     * Parses and checks a policy document as CreatePolicy and CreatePolicyVersion must (AWS IoT API Reference,
     * CreatePolicy: "a minimum length of 1, with a maximum length of 2048, excluding whitespace").
     *
     * <p>A document is accepted when it is one JSON object (no duplicate keys, nothing after it) holding
     * <ul>
     *   <li>{@code Version}: {@code "2012-10-17"} (what every AWS IoT example uses) or IAM's older
     *       {@code "2008-10-17"};
     *   <li>optionally {@code Id}, a string;
     *   <li>{@code Statement}: one statement object or a non-empty array of them, each with an optional string
     *       {@code Sid}, {@code Effect} {@code "Allow"} or {@code "Deny"}, exactly one of {@code Action} and
     *       {@code NotAction}, exactly one of {@code Resource} and {@code NotResource} (each a non-empty string or a
     *       non-empty array of them; an action is {@code *} or {@code service:name}, wildcards allowed), and an
     *       optional {@code Condition} whose operators are IAM's (see {@link ConditionOperator#parse(String)}) and
     *       whose values are strings, numbers, booleans or non-empty arrays of them.
     * </ul>
     * Action names are not checked against a list: AWS accepts any {@code iot:} name and simply never matches an
     * unknown one. Policy variables are left as written; they are resolved per request.
     *
     * @param json the document as the caller sent it
     * @return the checked document
     * @throws dev.certreg.core.ServiceException {@code MalformedPolicyException} (400) with a message that names the
     *     first problem found and, for statements, its index
     */
    public static PolicyDocument parse(@Nullable String json) {
        return DocumentReader.read(json);
    }
}
