package dev.certreg.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each IAM condition operator against a request with known keys ("IAM JSON policy elements: Condition operators"). */
class ConditionTestTest {
    private static final ContextKeys KEYS = ContextKeys.of(
            RequestContext.builder(new Scope("123456789012", "us-east-1"), Instant.parse("2026-01-02T03:04:05Z"))
                    .clientId("Sensor-7")
                    .sourceIp("203.0.113.9")
                    .connectAttributes(Set.of("PersistentConnect", "LastWill"))
                    .lastWillTopic("arn:aws:iot:us-east-1:123456789012:topic/will/Sensor-7")
                    .thing(new ThingFacts("Sensor-7", Optional.empty(), Map.of("floor", "3"), true))
                    .build());

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            StringEquals                      | iot:ClientId                             | Sensor-7                  | true
            StringEquals                      | iot:ClientId                             | sensor-7                  | false
            StringEquals                      | iot:ClientId                             | x,Sensor-7                | true
            StringEquals                      | iot:ClientId                             | ${iot:Connection.Thing.ThingName} | true
            StringEquals                      | iot:ClientId                             | ${iot:Nope},Sensor-7      | true
            StringNotEquals                   | iot:ClientId                             | x,y                       | true
            StringNotEquals                   | iot:ClientId                             | x,Sensor-7                | false
            StringNotEquals                   | iot:ClientId                             | ${iot:Nope}               | false
            StringEqualsIgnoreCase            | iot:ClientId                             | sensor-7                  | true
            StringNotEqualsIgnoreCase         | iot:ClientId                             | SENSOR-7                  | false
            StringLike                        | iot:ClientId                             | Sensor-?                  | true
            StringLike                        | iot:ClientId                             | Lamp-*                    | false
            StringNotLike                     | iot:ClientId                             | Lamp-*                    | true
            StringEquals                      | iot:Absent                               | x                         | false
            StringNotEquals                   | iot:Absent                               | x                         | true
            StringEqualsIfExists              | iot:Absent                               | x                         | true
            StringEqualsIfExists              | iot:ClientId                             | x                         | false
            NumericEquals                     | iot:Connection.Thing.Attributes[floor]   | 3.0                       | true
            NumericLessThan                   | iot:Connection.Thing.Attributes[floor]   | 3                         | false
            NumericLessThanEquals             | iot:Connection.Thing.Attributes[floor]   | 3                         | true
            NumericGreaterThan                | iot:Connection.Thing.Attributes[floor]   | 2                         | true
            NumericGreaterThanEquals          | iot:Connection.Thing.Attributes[floor]   | 4                         | false
            NumericNotEquals                  | iot:Connection.Thing.Attributes[floor]   | 4                         | true
            NumericEquals                     | iot:ClientId                             | 3                         | false
            DateGreaterThan                   | aws:CurrentTime                          | 2026-01-01T00:00:00Z      | true
            DateLessThan                      | aws:CurrentTime                          | 2026-01-01T00:00:00Z      | false
            DateLessThanEquals                | aws:CurrentTime                          | 2026-01-02T03:04:05+00:00 | true
            DateEquals                        | aws:CurrentTime                          | 1767323045                | true
            DateNotEquals                     | aws:CurrentTime                          | 1767323045                | false
            DateGreaterThanEquals             | aws:CurrentTime                          | yesterday                 | false
            DateEquals                        | aws:CurrentTime                          | 99999999999999999         | false
            NumericEquals                     | iot:Connection.Thing.Attributes[floor]   | 1e2147483648              | false
            IpAddress                         | aws:SourceIp                             | 203.0.113.0/99999999999   | false
            Bool                              | iot:Connection.Thing.IsAttached          | true                      | true
            Bool                              | iot:Connection.Thing.IsAttached          | false                     | false
            IpAddress                         | aws:SourceIp                             | 203.0.113.0/24            | true
            IpAddress                         | aws:SourceIp                             | 203.0.113.9               | true
            IpAddress                         | aws:SourceIp                             | 198.51.100.0/24           | false
            IpAddress                         | aws:SourceIp                             | 2001:db8::/32             | false
            IpAddress                         | aws:SourceIp                             | 999.1.1.1/8               | false
            NotIpAddress                      | aws:SourceIp                             | 198.51.100.0/24           | true
            NotIpAddress                      | aws:SourceIp                             | 0.0.0.0/0                 | false
            ArnEquals                         | iot:LastWillTopic                        | arn:aws:iot:us-east-1:123456789012:topic/will/${iot:ClientId} | true
            ArnLike                           | iot:LastWillTopic                        | arn:aws:iot:*:*:topic/will/* | true
            ArnNotLike                        | iot:LastWillTopic                        | arn:aws:iot:*:*:topic/other/* | true
            ArnLike                           | iot:ClientId                             | *                         | false
            Null                              | iot:Absent                               | true                      | true
            Null                              | iot:ClientId                             | true                      | false
            Null                              | iot:ClientId                             | false                     | true
            ForAnyValue:StringEquals          | iot:ConnectAttributes                    | LastWill                  | true
            ForAnyValue:StringEquals          | iot:ConnectAttributes                    | Other                     | false
            ForAllValues:StringEquals         | iot:ConnectAttributes                    | PersistentConnect         | false
            ForAllValues:StringEquals         | iot:ConnectAttributes                    | PersistentConnect,LastWill | true
            ForAllValues:StringNotEquals      | iot:ConnectAttributes                    | Other                     | true
            ForAllValues:StringEquals         | iot:Absent                               | x                         | true
            ForAnyValue:StringEquals          | iot:Absent                               | x                         | false
            ForAnyValue:StringNotEquals       | iot:Absent                               | x                         | false
            """)
    void decidesLikeIam(String operator, String key, String values, boolean expected) {
        Condition condition = new Condition(
                ConditionOperator.parse(operator).orElseThrow(), key, List.of(values.split(",")));

        assertThat(ConditionTest.holds(condition, KEYS)).isEqualTo(expected);
    }
}
