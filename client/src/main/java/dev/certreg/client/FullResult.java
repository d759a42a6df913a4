package dev.certreg.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a whole walk, as botocore's {@code build_full_result()} returns it: all items, and the NextToken
 * when MaxItems stopped the walk before the end. The server's {@code nextMarker} is not part of it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param resultKey the name of the item list in the API, {@code certificates} for the IoT lists
 * @param items every item the walk returned, in server order
 * @param nextToken the token that resumes after the last item, empty if the listing was exhausted
 * @param <T> the item type
 */
public record FullResult<T>(String resultKey, List<T> items, Optional<String> nextToken) {
    /** Copies the items. */
    public FullResult {
        items = List.copyOf(items);
    }

    /**
     * The result in the layout of boto3 and the AWS CLI's JSON output: {@code {"certificates": [...]}} followed by
     * {@code "NextToken"} only when there is one. The items are the SDK's model objects; rendering them is the
     * caller's business.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(resultKey, items);
        nextToken.ifPresent(token -> map.put("NextToken", token));
        return Collections.unmodifiableMap(map);
    }
}
