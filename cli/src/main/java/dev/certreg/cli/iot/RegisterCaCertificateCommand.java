package dev.certreg.cli.iot;

import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.RegisterCaCertificateRequest;

/** {@code certreg iot register-ca-certificate}: RegisterCACertificate. */
@Command(name = "register-ca-certificate", mixinStandardHelpOptions = true,
        description = "Register a CA certificate. DEFAULT mode needs a verification certificate whose subject CN is "
                + "the registration code, signed by the CA.")
final class RegisterCaCertificateCommand extends OperationCommand {
    @Option(names = "--ca-certificate", required = true, paramLabel = "PEM",
            description = "The CA certificate PEM, or file://path.")
    String caCertificate;

    @Option(names = "--verification-certificate", paramLabel = "PEM",
            description = "The verification certificate PEM, or file://path.")
    String verificationCertificate;

    @Option(names = "--set-as-active", negatable = true, description = "Register it ACTIVE (default INACTIVE).")
    Boolean setAsActive;

    @Option(names = "--allow-auto-registration", negatable = true,
            description = "Enable auto-registration of device certificates.")
    Boolean allowAutoRegistration;

    @Option(names = "--registration-config", paramLabel = "CONFIG",
            description = "templateBody=..,roleArn=..,templateName=.. or JSON.")
    String registrationConfig;

    @Option(names = "--tags", arity = "1..*", paramLabel = "TAG",
            description = "Key=k,Value=v ... or a JSON list of {\"Key\", \"Value\"}.")
    List<String> tags;

    @Option(names = "--certificate-mode", paramLabel = "MODE", description = "DEFAULT or SNI_ONLY.")
    String certificateMode;

    @Override
    String operationName() {
        return "RegisterCACertificate";
    }

    @Override
    Function<IotClient, Object> prepare() {
        RegisterCaCertificateRequest.Builder request = RegisterCaCertificateRequest.builder()
                .caCertificate(ParamFile.resolve("--ca-certificate", caCertificate))
                .verificationCertificate(ParamFile.resolve("--verification-certificate", verificationCertificate))
                .setAsActive(setAsActive)
                .allowAutoRegistration(allowAutoRegistration)
                .certificateMode(certificateMode);
        if (registrationConfig != null) {
            request.registrationConfig(RegistrationConfigs.parse("--registration-config", registrationConfig));
        }
        if (tags != null) {
            request.tags(Tags.parse("--tags", tags));
        }
        RegisterCaCertificateRequest built = request.build();
        return iot -> iot.registerCACertificate(built);
    }
}
