package dev.certreg.cli.iot;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iot.model.RegistrationConfig;

/** Reads {@code --registration-config} (shorthand, JSON or {@code file://}). Stateless. */
final class RegistrationConfigs {
    private static final List<String> MEMBERS = List.of("templateBody", "roleArn", "templateName");

    private RegistrationConfigs() {}

    /**
     * The registration config {@code value} spells.
     *
     * @throws ParameterValueException if it cannot be read
     */
    static RegistrationConfig parse(String option, String value) {
        Map<String, String> members = StructureSyntax.structure(option, value, MEMBERS);
        return RegistrationConfig.builder()
                .templateBody(members.get("templateBody"))
                .roleArn(members.get("roleArn"))
                .templateName(members.get("templateName"))
                .build();
    }
}
