package dev.certreg.mqtt;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Whether a host name resolves here, each name asked once: DescribeEndpoint gives AWS's address shape only where it
 * resolves. Thread-safe.
 */
public final class HostNames implements Predicate<String> {
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    @Override
    public boolean test(String host) {
        return answers.computeIfAbsent(host, HostNames::resolves);
    }

    private static boolean resolves(String host) {
        try {
            return InetAddress.getAllByName(host).length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
