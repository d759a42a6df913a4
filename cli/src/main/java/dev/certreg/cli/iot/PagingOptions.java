package dev.certreg.cli.iot;

import dev.certreg.client.PaginationConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The AWS CLI's paging options. Unlike the AWS CLI v1, {@code --page-size} keeps auto-pagination on and combines
 * with {@code --max-items} and {@code --starting-token}. Filled by picocli; not thread-safe.
 */
final class PagingOptions {
    @Option(names = "--max-items", paramLabel = "N",
            description = "Print at most N items, then a NextToken that --starting-token resumes from.")
    Integer maxItems;

    @Option(names = "--page-size", paramLabel = "N",
            description = "Items per request, 1..250 (default: the server's, 25). Does not change the output.")
    Integer pageSize;

    @Option(names = "--starting-token", paramLabel = "TOKEN",
            description = "Resume after the NextToken of an earlier run (of this CLI, the AWS CLI or boto3).")
    String startingToken;

    /**
     * The paginator's config, checked by the client module's rules.
     *
     * @throws ParameterValueException naming the option whose value is out of range or unreadable
     */
    PaginationConfig config() {
        check("--max-items", PaginationConfig.builder().maxItems(maxItems));
        check("--page-size", PaginationConfig.builder().pageSize(pageSize));
        check("--starting-token", PaginationConfig.builder().startingToken(startingToken));
        return PaginationConfig.builder().maxItems(maxItems).pageSize(pageSize).startingToken(startingToken).build();
    }

    private static void check(String option, PaginationConfig.Builder oneValue) {
        try {
            oneValue.build();
        } catch (IllegalArgumentException e) {
            throw ParameterValueException.parsing(option, e.getMessage());
        }
    }

    /**
     * Checks that nothing asks for more than the one request of {@code --no-paginate}.
     *
     * @throws ParameterValueException with the AWS CLI's message if {@code --max-items} or {@code --starting-token}
     *     is given
     */
    void checkSinglePage() {
        List<String> conflicting = new ArrayList<>();
        if (maxItems != null) {
            conflicting.add("--max-items");
        }
        if (startingToken != null) {
            conflicting.add("--starting-token");
        }
        if (!conflicting.isEmpty()) {
            throw new ParameterValueException("Cannot specify --no-paginate along with pagination arguments: "
                    + String.join(", ", conflicting));
        }
    }
}
