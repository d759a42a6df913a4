package dev.certreg.cli.iot;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iot.model.Tag;

/** The {@code --tags} option of the AWS CLI: {@code Key=k,Value=v ...} or a JSON list of {@code {"Key", "Value"}}. */
final class Tags {
    private static final List<String> MEMBERS = List.of("Key", "Value");

    private Tags() {}

    /** The tags of {@code option}'s values. */
    static List<Tag> parse(String option, List<String> values) {
        return StructureSyntax.list(option, values, MEMBERS).stream().map(Tags::tag).toList();
    }

    private static Tag tag(Map<String, String> members) {
        return Tag.builder().key(members.get("Key")).value(members.get("Value")).build();
    }
}
