package dev.certreg.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonJsonTest {
    @Test
    void dumpsWritesWhatPythonsJsonDumpsWritesWithIndentFourAndEnsureAsciiOff() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("s", "quote\" back\\ nl\n tab\t cr\r bs\b ff\f nul\u0000 esc\u001b del\u007f é ü 中 /slash");
        document.put("empty_list", List.of());
        document.put("empty_obj", Map.of());
        document.put("n", Arrays.asList(1, 2.5, -0.0, 1e16, 1.5e-5, 0.0001, true, false, null));
        document.put("nested", Map.of("a", List.of(Map.of("b", Map.of()))));

        // json.dumps(document, indent=4, ensure_ascii=False) in CPython 3.11
        assertThat(PythonJson.dumps(document)).isEqualTo("{\n    \"s\": \"quote\\\" back\\\\ nl\\n tab\\t "
                + "cr\\r bs\\b ff\\f nul\\u0000 esc\\u001b del\u007f é ü 中 /slash\",\n    \"empty_list\": [],\n    \"empty_obj\": {},\n"
                + "    \"n\": [\n        1,\n        2.5,\n        -0.0,\n        1e+16,\n        1.5e-05,\n"
                + "        0.0001,\n        true,\n        false,\n        null\n    ],\n    \"nested\": {\n"
                + "        \"a\": [\n            {\n                \"b\": {}\n            }\n        ]\n    }\n}");
    }
}
