package dev.certreg.cli;

import dev.certreg.server.Authenticator;
import dev.certreg.server.OpenAuthenticator;
import dev.certreg.server.sigv4.Credentials;
import dev.certreg.server.sigv4.Regions;
import dev.certreg.server.sigv4.SigV4Authenticator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code serve} options that choose how callers are authenticated. */
final class AuthOptions {
    @Option(names = "--auth", paramLabel = "open|sigv4", defaultValue = "open",
            description = "open: take account and region from the credential scope, check no signature; sigv4: verify"
                    + " AWS SigV4 signatures with the keys of --credentials-file (default: ${DEFAULT-VALUE}).")
    String auth;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "With --auth sigv4: the access keys, one [ACCESS_KEY_ID] section each holding"
                    + " aws_secret_access_key and optionally account and enabled.")
    Path credentialsFile;

    @Option(names = "--regions", paramLabel = "REGION", split = ",",
            description = "With --auth sigv4: the regions served, comma-separated (default: any region name such as"
                    + " us-east-1).")
    List<String> regions;

    /** Whether {@code --auth open} was asked for: no signature is checked. */
    boolean isOpen() {
        return auth.equals("open");
    }

    /** The authenticator the flags ask for; a flag that does not fit says so rather than weakening the server. */
    Configured<Authenticator> authenticator(Clock clock) throws StartupFailure {
        if (auth.equals("open")) {
            if (credentialsFile != null || regions != null) {
                throw new StartupFailure("--credentials-file and --regions need --auth sigv4; --auth open checks no"
                        + " signature");
            }
            return new Configured<>(new OpenAuthenticator(),
                    "open (signatures are not checked: serve a trusted network only)");
        }
        if (!auth.equals("sigv4")) {
            throw new StartupFailure("--auth must be open or sigv4, got '" + auth + "'");
        }
        if (credentialsFile == null) {
            throw new StartupFailure("--auth sigv4 needs --credentials-file FILE");
        }
        Credentials credentials = credentials();
        Regions served = servedRegions();
        String keys = credentials.size() + (credentials.size() == 1 ? " access key" : " access keys");
        return new Configured<>(new SigV4Authenticator(credentials, served, clock),
                "sigv4, " + keys + " from " + credentialsFile.toAbsolutePath() + ", regions: " + served);
    }

    private Credentials credentials() throws StartupFailure {
        try {
            return Credentials.load(credentialsFile);
        } catch (IOException e) {
            throw new StartupFailure(
                    "cannot read the credentials file " + credentialsFile + ": " + StartupFailure.rootMessage(e));
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("the credentials file " + credentialsFile + " is malformed: " + e.getMessage());
        }
    }

    private Regions servedRegions() throws StartupFailure {
        try {
            return regions == null ? Regions.any() : Regions.of(regions);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("--regions: " + e.getMessage());
        }
    }
}
