package dev.certreg.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where {@code --auth open} may listen: open mode checks no signature, so anyone who reaches the port is any account.
 * On a loopback address that is a developer's machine; on any other address it is a network, which needs
 * {@code --allow-open-on-network} and gets a warning on every start.
 */
final class OpenBinding {
    static final String FLAG = "--allow-open-on-network";

    private OpenBinding() {}

    /** The warning to print, or null; refuses a non-loopback host without the flag. */
    static String check(String host, boolean allowed) throws StartupFailure {
        if (isLoopback(host)) {
            return null;
        }
        if (!allowed) {
            throw new StartupFailure("--auth open on " + host + " would let anyone who reaches it act as any account;"
                    + " bind 127.0.0.1, use --auth sigv4, or say " + FLAG + " if this network is trusted");
        }
        return "WARNING: --auth open on " + host + ": signatures are not checked, and anyone who reaches this port"
                + " can act as any account (" + FLAG + ")";
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
