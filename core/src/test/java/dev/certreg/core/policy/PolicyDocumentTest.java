package dev.certreg.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyDocumentTest {
    @Test
    void readsTheThingPolicyExampleOfTheDeveloperGuide() {
        // "Thing policy examples", second policy.
        PolicyDocument document = PolicyDocument.parse("""
                { "Version":"2012-10-17",
                  "Statement": [ { "Effect": "Allow", "Action": [ "iot:Publish" ],
                    "Resource": "arn:aws:iot:us-east-1:123456789012:topic/device/stats",
                    "Condition": {
                      "StringEquals": { "iot:Connection.Thing.Attributes[attributeName]": "attributeValue",
                                        "iot:Connection.Thing.ThingTypeName": "Thing_Type_Name" },
                      "Bool": { "iot:Connection.Thing.IsAttached": "true" } } } ] }""");

        Statement statement = document.statements().get(0);
        assertThat(document.version()).isEqualTo("2012-10-17");
        assertThat(statement.effect()).isEqualTo(Effect.ALLOW);
        assertThat(statement.actions()).isEqualTo(new PatternList(List.of("iot:Publish"), false));
        assertThat(statement.resources().patterns())
                .containsExactly("arn:aws:iot:us-east-1:123456789012:topic/device/stats");
        assertThat(statement.conditions()).extracting(c -> c.operator().wireName(), Condition::key, Condition::values)
                .containsExactly(
                        Tuple.tuple(
                                "StringEquals", "iot:Connection.Thing.Attributes[attributeName]",
                                List.of("attributeValue")),
                        Tuple.tuple(
                                "StringEquals", "iot:Connection.Thing.ThingTypeName", List.of("Thing_Type_Name")),
                        Tuple.tuple(
                                "Bool", "iot:Connection.Thing.IsAttached", List.of("true")));
    }

    @Test
    void acceptsOneStatementObjectNotResourceSidAndQualifiedOperators() {
        PolicyDocument document = PolicyDocument.parse("""
                {"Version":"2008-10-17","Id":"p1","Statement":{"Sid":"s1","Effect":"Deny",
                 "NotAction":"iot:Receive","NotResource":["arn:aws:iot:*:*:topic/a/*","*"],
                 "Condition":{"ForAllValues:StringEqualsIfExists":{"iot:ConnectAttributes":["PersistentConnect"]},
                              "NumericLessThan":{"k":5},"Bool":{"b":true}}}}""");

        Statement statement = document.statements().get(0);
        assertThat(statement.sid()).isEqualTo(Optional.of("s1"));
        assertThat(statement.effect()).isEqualTo(Effect.DENY);
        assertThat(statement.actions().negated()).isTrue();
        assertThat(statement.resources()).isEqualTo(new PatternList(List.of("arn:aws:iot:*:*:topic/a/*", "*"), true));
        assertThat(statement.conditions().get(0).operator()).isEqualTo(new ConditionOperator(
                ConditionOperator.SetQualifier.FOR_ALL_VALUES, Comparison.STRING_EQUALS, true));
        assertThat(statement.conditions()).extracting(Condition::values)
                .containsExactly(List.of("PersistentConnect"), List.of("5"), List.of("true"));
    }

    @Test
    void acceptsAnyServiceActionNameAsAwsDoes() {
        assertThat(PolicyDocument.parse(
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iot:6\","
                                + "\"Resource\":\"*\"}}")
                .statements()).hasSize(1);
    }

    @Test
    void measuresTheSizeLimitWithoutWhitespace() {
        String head = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"";
        String tail = "\"}}";
        String fits = head + "a".repeat(PolicyDocument.MAX_CHARACTERS - head.length() - tail.length()) + tail;

        assertThat(PolicyDocument.parse(fits.replace(",", ",\n    ")).statements()).hasSize(1);
        assertThatThrownBy(() -> PolicyDocument.parse(fits.replace("\"a", "\"ab")))
                .hasMessage("Policy document is Malformed: the document has 2049 characters excluding whitespace;"
                        + " at most 2048 are allowed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            empty | ` ` | the document is empty
            not JSON | {"Version": | not valid JSON at line 1, column 12
            trailing data | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}} {} | not valid JSON
            duplicate key | {"Version":"2012-10-17","Version":"2012-10-17"} | not valid JSON at line 1, column 34: Duplicate field 'Version'
            array | [] | the document must be a JSON object
            unknown key | {"Version":"2012-10-17","Statements":[]} | the document has an unknown element 'Statements'
            no version | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}} | Version is missing; use "2012-10-17"
            other version | {"Version":"2012-10-18","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}} | Version must be "2012-10-17" or "2008-10-17", got "2012-10-18"
            no statement | {"Version":"2012-10-17"} | Statement is missing
            empty statements | {"Version":"2012-10-17","Statement":[]} | Statement must be an object or a non-empty array of objects
            string statement | {"Version":"2012-10-17","Statement":["x"]} | Statement[0] must be an object
            lower-case effect | {"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]} | Statement[0]: Effect must be "Allow" or "Deny", got "allow"
            no effect | {"Version":"2012-10-17","Statement":{"Action":"*","Resource":"*"}} | Statement: Effect is missing
            no action | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Resource":"*"}} | Statement: exactly one of Action and NotAction is required
            both actions | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","NotAction":"*","Resource":"*"}} | Statement: exactly one of Action and NotAction is required
            no resource | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*"}} | Statement: exactly one of Resource and NotResource is required
            empty resources | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":[]}} | Statement: Resource must be a non-empty string or a non-empty array of non-empty strings
            numeric resource | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":[7]}} | Statement: Resource must be a non-empty string
            action without service | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"Publish","Resource":"*"}} | Statement: action 'Publish' must be "*" or service:name
            unknown statement key | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Principal":"*"}} | Statement has an unknown element 'Principal'
            unknown operator | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqual":{"k":"v"}}}} | Statement: unknown condition operator 'StringEqual'
            null if exists | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"k":"true"}}}} | Statement: unknown condition operator 'NullIfExists'
            empty operator block | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{}}}} | Statement: Condition Bool must be a non-empty object of condition keys
            object condition value | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"k":{}}}}} | Statement: Condition Bool k must be a string, number or boolean
            """)
    void refusesAMalformedDocumentNamingTheProblem(String name, String json, String detail) {
        assertThatThrownBy(() -> PolicyDocument.parse(json))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_POLICY))
                .hasMessageStartingWith("Policy document is Malformed: " + detail);
    }
}
