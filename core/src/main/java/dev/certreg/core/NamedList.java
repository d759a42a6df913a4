package dev.certreg.core;

import java.util.List;
import java.util.Optional;

/**
 * One page of a policy list as the API returns it.
 *
 * @param names the policy names or target ARNs, in list order
 * @param nextMarker the marker of the next page; empty on the last page
 */
public record NamedList(List<String> names, Optional<String> nextMarker) {
    public NamedList {
        names = List.copyOf(names);
    }
}
