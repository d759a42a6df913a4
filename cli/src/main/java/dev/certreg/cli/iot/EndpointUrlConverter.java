package dev.certreg.cli.iot;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --endpoint-url}: an absolute {@code http://} or {@code https://} URL with a host. Stateless. */
final class EndpointUrlConverter implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(value);
        }
        if ((!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw invalid(value);
        }
        return uri;
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException(
                "Bad value for --endpoint-url \"" + value + "\": must be of the form http://<host>:<port>");
    }
}
